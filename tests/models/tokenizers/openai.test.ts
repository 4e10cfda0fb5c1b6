import fc from 'fast-check';
import { get_encoding, type Tiktoken } from 'tiktoken';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	loadEncoding,
	loadModelEncoding,
	type BytePairEncoding,
	replaceLoneSurrogates,
	type OpenAiEncodingName,
} from '../../../src/models/tokenizers/index.js';
import { cases, code, englishProse, korean, randomText } from './samples.js';

const NAMES: readonly OpenAiEncodingName[] = ['r50k_base', 'cl100k_base', 'o200k_base'];

describe('the case-insensitive contraction group', () => {
	it('GIVEN o200k_base on M’ſ’Sc (issue 17) THEN the ids are tiktoken’s [44,6,70067,6,2986]', async () => {
		const o200k = await loadEncoding('o200k_base');
		expect(o200k.encode("M'ſ'Sc")).toEqual([44, 6, 70067, 6, 2986]);
	});
});

describe.each(NAMES)('%s against the tiktoken package', (name) => {
	let ours: BytePairEncoding;
	let reference: Tiktoken;
	beforeAll(async () => {
		ours = await loadEncoding(name);
		reference = get_encoding(name);
	});
	// No free(): tiktoken's WASM object stays borrowed after decode_single_token_bytes throws on a missing id.

	/** tiktoken with no special tokens recognised, which is what our default does. */
	const expected = (text: string): number[] => Array.from(reference.encode_ordinary(text));

	it('GIVEN English prose THEN the ids are tiktoken’s', () => {
		const text = englishProse(200_000);
		expect(ours.encode(text)).toEqual(expected(text));
	});

	it('GIVEN Korean THEN the ids are tiktoken’s', () => {
		expect(ours.encode(korean)).toEqual(expected(korean));
	});

	it('GIVEN source code THEN the ids are tiktoken’s', () => {
		expect(ours.encode(code)).toEqual(expected(code));
	});

	it.each(Object.entries(cases))('GIVEN %s THEN the ids are tiktoken’s', (_kind, texts) => {
		for (const text of texts) expect(ours.encode(text), JSON.stringify(text)).toEqual(expected(text));
	});

	it('GIVEN 3000 random strings (fixed seed) THEN the ids are tiktoken’s and decode back', () => {
		fc.assert(
			fc.property(randomText, (text) => {
				const ids = ours.encode(text);
				expect(ids).toEqual(expected(text));
				expect(ours.decode(ids)).toBe(replaceLoneSurrogates(text));
			}),
			{ seed: 20240513, numRuns: 3000 },
		);
	});

	it('GIVEN special tokens allowed THEN they are tiktoken’s special ids', () => {
		const text = 'a<|endoftext|>b <|endoftext|><|endoftext|>';
		expect(ours.encode(text, { allowedSpecial: 'all' })).toEqual(Array.from(reference.encode(text, 'all')));
	});

	it('GIVEN every id below vocabSize THEN its bytes are tiktoken’s, and ids tiktoken lacks are ours lacks too', () => {
		const bytesOf = (decode: () => Uint8Array): string | null => {
			try {
				return Buffer.from(decode()).toString('hex');
			} catch {
				return null;
			}
		};
		let missing = 0;
		for (let id = 0; id < ours.vocabSize; id++) {
			const theirs = bytesOf(() => reference.decode_single_token_bytes(id));
			if (theirs === null) missing++;
			expect(
				bytesOf(() => ours.tokenBytes(id)),
				`id ${id}`,
			).toBe(theirs);
		}
		// The ids with no token: cl100k has 100256 and 100261–100275, o200k 199998 and 200000–200017.
		expect(missing).toBe({ r50k_base: 0, cl100k_base: 16, o200k_base: 19 }[name]);
		expect(bytesOf(() => reference.decode_single_token_bytes(ours.vocabSize))).toBeNull();
	});
});

describe('loadEncoding', () => {
	it('GIVEN two loads THEN the same instance is returned', async () => {
		const [a, b] = await Promise.all([loadEncoding('cl100k_base'), loadEncoding('cl100k_base')]);
		expect(a).toBe(b);
		expect(await loadModelEncoding('gpt-4')).toBe(a);
	});

	it('GIVEN the model names THEN each maps to its encoding', async () => {
		expect((await loadModelEncoding('gpt2')).name).toBe('r50k_base');
		expect((await loadModelEncoding('gpt-4')).name).toBe('cl100k_base');
		expect((await loadModelEncoding('gpt-4o')).name).toBe('o200k_base');
	});
});
