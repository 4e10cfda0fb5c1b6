import { describe, expect, it } from 'vitest';
import { editDistance, loadWordVectors, resolveWords } from '../../../src/models/embeddings/index.js';

describe('editDistance', () => {
	it('GIVEN edits THEN it counts insertions, deletions, substitutions and adjacent swaps as one each', () => {
		const d = (a: string, b: string, limit?: number): number => editDistance([...a], [...b], limit);
		expect(d('kitten', 'sitting')).toBe(3);
		expect(d('recieve', 'receive')).toBe(1);
		expect(d('abc', 'abc')).toBe(0);
		expect(d('', 'abc')).toBe(3);
		expect(d('kitten', 'sitting', 2)).toBe(3); // stops past the limit
		expect(d('한국어', '한국')).toBe(1);
	});
});

describe('resolveWords', () => {
	it('GIVEN known and misspelt words THEN known ones resolve and the others get close spellings in the vocabulary', async () => {
		const vectors = await loadWordVectors();
		// GloVe's vocabulary holds common misspellings such as "recieve"; these three are not in it.
		const { words, missing } = resolveWords(vectors, ['Queen', 'recieve', 'acommodation', 'similarty', 'qqqqzzzz']);
		expect(words.map((w) => w.text)).toEqual(['queen', 'recieve']);
		expect(missing.map((m) => m.text)).toEqual(['acommodation', 'similarty', 'qqqqzzzz']);
		expect(missing[0]!.suggestions[0]).toBe('accommodation');
		expect(missing[1]!.suggestions).toContain('similarity');
		expect(missing[2]!.suggestions).toEqual([]);
		for (const m of missing) for (const s of m.suggestions) expect(vectors.find(s)).toBeDefined();
	});
});
