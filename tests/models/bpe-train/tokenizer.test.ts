import { describe, expect, it } from 'vitest';
import { countPretokens } from '../../../src/models/bpe-train/pretokenize.js';
import { trainBpe } from '../../../src/models/bpe-train/train.js';
import {
	END_OF_TEXT,
	tokenizerFiles,
	tokenizerFromFiles,
	tokenizerFromTokens,
} from '../../../src/models/transformer/tokenizer.js';

const corpus = 'the cat sat on the mat. the cat ate the rat. '.repeat(20);
const model = trainBpe(countPretokens(corpus), { vocabSize: 300 });

describe('our BPE through the generic tiktoken-style encoder', () => {
	it('GIVEN any text (Korean, emoji, unseen words) THEN it encodes and decodes back exactly', () => {
		const enc = tokenizerFromTokens('test', model.tokens);
		for (const s of ['the cat sat', '한국어 텍스트 🙂👍🏽', 'zebra\tquux\r\n', ''])
			expect(enc.decode(enc.encode(s))).toBe(s);
	});

	it('GIVEN a trained word THEN it is one token; the end-of-text token comes after the mergeable ranks', () => {
		const enc = tokenizerFromTokens('test', model.tokens);
		expect(enc.encode(' cat')).toHaveLength(1);
		expect(enc.encode(END_OF_TEXT, { allowedSpecial: 'all' })).toEqual([model.tokens.length]);
		expect(enc.vocabSize).toBe(model.tokens.length + 1);
	});

	it('GIVEN the .tiktoken and meta files THEN the rebuilt tokenizer encodes identically', () => {
		const files = tokenizerFiles(model.tokens);
		expect(files.tiktoken.split('\n')[97]).toBe(`${Buffer.from('a').toString('base64')} 97`);
		const a = tokenizerFromTokens('a', model.tokens);
		const b = tokenizerFromFiles('b', files.tiktoken, files.meta);
		const s = `${corpus}안녕 🙂 ${END_OF_TEXT}`;
		expect(b.encode(s, { allowedSpecial: 'all' })).toEqual(a.encode(s, { allowedSpecial: 'all' }));
	});
});
