import { describe, expect, it } from 'vitest';
import { parseRequest, parseTerms, shown, splitItems } from '../../../src/demos/similarity/parse.js';

describe('splitItems', () => {
	it('GIVEN local words THEN spaces and commas both separate', () => {
		expect(splitItems(' king, queen,man  woman ,', 'local')).toEqual(['king', 'queen', 'man', 'woman']);
	});

	it('GIVEN texts for the embedding model THEN | separates first, then commas, then spaces', () => {
		expect(splitItems('The cat sat, on a mat | A dog ran', 'openai')).toEqual(['The cat sat, on a mat', 'A dog ran']);
		expect(splitItems('a cat, a dog', 'openai')).toEqual(['a cat', 'a dog']);
		expect(splitItems('cat dog', 'openai')).toEqual(['cat', 'dog']);
	});
});

describe('parseTerms', () => {
	it('GIVEN spaced and prefixed operators THEN each word gets its sign', () => {
		expect(parseTerms(['king', '-', 'man', '+', 'woman'])).toEqual([
			{ word: 'king', sign: 1 },
			{ word: 'man', sign: -1 },
			{ word: 'woman', sign: 1 },
		]);
		expect(parseTerms(['king', '-man', '+woman'])).toEqual(parseTerms(['king', '-', 'man', '+', 'woman']));
	});

	it('GIVEN no operator, or a hyphen inside a word THEN it is not arithmetic', () => {
		expect(parseTerms(['king', 'queen'])).toBeNull();
		expect(parseTerms(['e-mail', 'letter'])).toBeNull();
	});

	it('GIVEN a dangling or doubled operator THEN the member is shown the form', () => {
		expect(() => parseTerms(['king', '-'])).toThrow('ends with an operator');
		expect(() => parseTerms(['king', '-', '+', 'man'])).toThrow('Two operators in a row');
	});
});

describe('parseRequest', () => {
	it.each([
		['frog', 'neighbors', ['frog']],
		['king queen', 'pair', ['king', 'queen']],
		['king queen prince', 'matrix', ['king', 'queen', 'prince']],
		['king - man + woman', 'analogy', ['man', 'king', 'woman']],
		['-man +king +woman', 'analogy', ['man', 'king', 'woman']],
	])('GIVEN %j and no mode THEN the default mode is %s', (text, mode, words) => {
		expect(parseRequest(text, undefined, 'local')).toEqual({ mode, words });
	});

	it('GIVEN three words in mode analogy THEN they are read as a is to b as c is to ?', () => {
		expect(parseRequest('man king woman', 'analogy', 'local')).toEqual({
			mode: 'analogy',
			words: ['man', 'king', 'woman'],
		});
	});

	it('GIVEN a word longer than 40 characters THEN it is refused by name', () => {
		expect(() => parseRequest(`${'a'.repeat(41)} b`, undefined, 'local')).toThrow(
			/^`a{40}…` is longer than 40 characters\.$/,
		);
	});

	it('GIVEN engine openai THEN + and - are text, and vocabulary modes are refused', () => {
		expect(parseRequest('king - man | woman', undefined, 'openai')).toEqual({
			mode: 'pair',
			words: ['king - man', 'woman'],
		});
		expect(() => parseRequest('a | b | c', 'map', 'openai')).toThrow('`engine:openai` compares texts');
		expect(() => parseRequest('one', undefined, 'openai')).toThrow(
			/^`mode:matrix` takes at least 2 texts; you gave 1\.$/,
		);
	});

	it('GIVEN 13 texts for the embedding model THEN the matrix limit is stated in texts', () => {
		expect(() => parseRequest(Array.from({ length: 13 }, (_, i) => `t${i}`).join('|'), 'matrix', 'openai')).toThrow(
			'`mode:matrix` takes at most 12 texts; you gave 13.',
		);
	});
});

describe('shown', () => {
	it('GIVEN backticks and a long text THEN it is a safe, cut code span', () => {
		expect(shown('a`b')).toBe('`aˋb`');
		expect(shown('x'.repeat(50), 5)).toBe('`xxxxx…`');
	});
});
