import { getEncoding } from 'js-tiktoken';
import { get_encoding } from 'tiktoken';
import { describe, expect, it } from 'vitest';
import { translateTiktokenPattern } from '../../../src/models/tokenizers/index.js';

const pieces = (pattern: string, text: string): string[] => text.match(translateTiktokenPattern(pattern)) ?? [];

describe('translateTiktokenPattern', () => {
	it('GIVEN \\s and \\S THEN they mean Unicode White_Space (U+0085 in, U+FEFF out), as in Rust', () => {
		expect(pieces('\\s+|\\S+', 'a\u0085\ufeffb')).toEqual(['a', '\u0085', '\ufeffb']);
	});

	it('GIVEN (?i:…) THEN each letter matches its case folds, long s included', () => {
		expect(pieces("(?i:'s|'ll)", "'s 'S 'ſ 'll 'LL 'lL")).toEqual(["'s", "'S", "'ſ", "'ll", "'LL", "'lL"]);
	});

	it('GIVEN a class with / THEN it is escaped for the v flag and still matches /', () => {
		expect(pieces('[\\r\\n/]+', 'a//\nb')).toEqual(['//\n']);
	});

	it('GIVEN a letter new in Unicode 17 THEN \\p{L} does not match it (tiktoken knows Unicode 16)', () => {
		expect(pieces('\\p{L}+', 'ab\u{323B0}c')).toEqual(['ab', 'c']);
	});

	it('GIVEN (?i:…) with a class inside THEN translation refuses', () => {
		expect(() => translateTiktokenPattern('(?i:[a-z])')).toThrow(/more than literals/);
	});

	it('GIVEN spaces before U+FEFF THEN js-tiktoken disagrees with tiktoken (why our encoder is the production path)', () => {
		const text = 'a  \ufeffb';
		const reference = get_encoding('cl100k_base');
		const expected = Array.from(reference.encode_ordinary(text));
		reference.free();
		expect(getEncoding('cl100k_base').encode(text)).not.toEqual(expected);
	});
});
