import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BytePairEncoding, formatTiktokenFile, parseTiktokenFile } from '../../../src/models/tokenizers/index.js';

/** A toy vocabulary: all 256 bytes, then merges in rank order (each merge's bytes are its parts' bytes joined). */
function toyRanks(merges: readonly string[]): Map<string, number> {
	const ranks = new Map<string, number>();
	for (let b = 0; b < 256; b++) ranks.set(String.fromCharCode(b), b);
	for (const merge of merges) ranks.set(Buffer.from(merge, 'utf8').toString('latin1'), ranks.size);
	return ranks;
}

/**
 * The textbook merge loop, written as plainly as possible: merge the leftmost lowest-ranked adjacent pair until
 * none is in the table. The encoder's scan and heap paths must agree with it.
 */
function referenceMerge(piece: string, ranks: ReadonlyMap<string, number>): number[] {
	let parts = [...piece];
	for (;;) {
		let best = -1;
		let bestRank = Infinity;
		for (let i = 0; i < parts.length - 1; i++) {
			const rank = ranks.get(parts[i]! + parts[i + 1]!);
			if (rank !== undefined && rank < bestRank) {
				bestRank = rank;
				best = i;
			}
		}
		if (best < 0) return parts.map((p) => ranks.get(p)!);
		parts = [...parts.slice(0, best), parts[best]! + parts[best + 1]!, ...parts.slice(best + 2)];
	}
}

const MERGES = ['ab', 'bc', 'abc', 'aa', 'aaaa', 'ca', 'cab', 'bb', 'bbb', 'ba'];

describe('BytePairEncoding', () => {
	const ranks = toyRanks(MERGES);
	const everything = new BytePairEncoding({ name: 'toy', pattern: /[\s\S]+/u, ranks });

	it('GIVEN merges THEN the lowest-ranked pair merges first, leftmost on ties', () => {
		// "abc": ab (256) beats bc (257), then ab+c = abc (258).
		expect(everything.encode('abc')).toEqual([258]);
		// "aaa": aa at 0 and at 1 tie; the leftmost merges, leaving a.
		expect(everything.encode('aaa')).toEqual([259, 97]);
		expect(everything.encode('aaaa')).toEqual([260]);
	});

	it('GIVEN random strings over the toy alphabet THEN ids equal the reference loop, short and long pieces alike', () => {
		fc.assert(
			fc.property(fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 300, size: 'max' }), (text) => {
				expect(everything.encode(text)).toEqual(text.length === 0 ? [] : referenceMerge(text, ranks));
			}),
			{ seed: 7, numRuns: 500 },
		);
	});

	it('GIVEN a pretokenizer THEN pieces never merge across its matches', () => {
		const words = new BytePairEncoding({ name: 'toy', pattern: '[a-z]+| ', ranks: toyRanks(['ab', 'b ']) });
		expect(words.encode('ab b')).toEqual([256, 32, 98]);
	});

	it('GIVEN text THEN decode(encode(text)) is the text, including Korean and emoji', () => {
		for (const text of ['', 'abc cab', '안녕하세요', '👩‍👩‍👧 🇰🇷', 'tab\there\r\n']) {
			const ids = everything.encode(text);
			expect(everything.decode(ids)).toBe(text);
			expect(Buffer.from(everything.decodeBytes(ids)).toString('utf8')).toBe(text);
		}
	});

	it('GIVEN a lone surrogate THEN it is encoded as U+FFFD', () => {
		expect(everything.encode('a\ud800b')).toEqual(everything.encode('a\ufffdb'));
		expect(everything.decode(everything.encode('\udc00'))).toBe('\ufffd');
	});

	it('GIVEN special tokens THEN their text is ordinary text unless allowed, longest first on a shared start', () => {
		const enc = new BytePairEncoding({
			name: 'toy',
			pattern: /[\s\S]+/u,
			ranks,
			specialTokens: { '<|end|>': 1000, '<|end|>!': 1001 },
		});
		const text = 'ab<|end|>!c';
		expect(enc.encode(text)).not.toContain(1000);
		expect(enc.encode(text, { allowedSpecial: 'all' })).toEqual([256, 1001, 99]);
		expect(enc.encode(text, { allowedSpecial: ['<|end|>'] })).toEqual([256, 1000, 33, 99]);
		expect(enc.decode([1000])).toBe('<|end|>');
		expect(enc.isSpecial(1000)).toBe(true);
		expect(enc.vocabSize).toBe(1002);
		expect(() => enc.encode(text, { allowedSpecial: ['<|nope|>'] })).toThrow(/not a special token/);
	});

	it('GIVEN a token id THEN tokenBytes gives its bytes and rankOf inverts it', () => {
		expect([...everything.tokenBytes(258)]).toEqual([97, 98, 99]);
		expect(everything.rankOf(new Uint8Array([97, 98, 99]))).toBe(258);
		expect(() => everything.tokenBytes(5000)).toThrow(/no token has id 5000/);
	});

	it('GIVEN ranks missing a byte THEN construction fails', () => {
		const missing = toyRanks([]);
		missing.delete('z');
		expect(() => new BytePairEncoding({ name: 'bad', pattern: '.', ranks: missing })).toThrow(/byte 122/);
	});

	it('GIVEN ranks as byte arrays THEN the encoder is the same as with byte strings', () => {
		const asArrays = [...ranks].map(([bytes, rank]) => [new Uint8Array(Buffer.from(bytes, 'latin1')), rank] as const);
		const other = new BytePairEncoding({ name: 'toy', pattern: /[\s\S]+/u, ranks: asArrays });
		expect(other.encode('abcabcaaaa bbb')).toEqual(everything.encode('abcabcaaaa bbb'));
	});
});

describe('parseTiktokenFile', () => {
	it('GIVEN a .tiktoken text THEN ranks are parsed and formatTiktokenFile writes it back', () => {
		const text = 'IQ== 0\nIg== 1\n\nYWI= 2\n';
		const ranks = parseTiktokenFile(text);
		expect([...ranks]).toEqual([
			['!', 0],
			['"', 1],
			['ab', 2],
		]);
		expect(formatTiktokenFile(ranks)).toBe('IQ== 0\nIg== 1\nYWI= 2\n');
	});

	it('GIVEN a malformed line THEN it names the line', () => {
		expect(() => parseTiktokenFile('IQ== 0\nIg==\n')).toThrow(/line 2/);
	});
});
