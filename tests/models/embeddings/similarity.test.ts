import { describe, expect, it } from 'vitest';
import { cosine, loadWordVectors, similarityMatrix } from '../../../src/models/embeddings/index.js';
import { referenceCosine, referenceVectors } from './word-similarity.js';

describe('cosine and similarityMatrix', () => {
	it('GIVEN two words THEN cosine = dot / (‖a‖‖b‖) with the original vectors’ dot product and norms', async () => {
		const vectors = await loadWordVectors();
		const [cat, dog] = ['cat', 'dog'].map((w) => vectors.find(w)!);
		const pair = cosine(vectors, cat!, dog!);
		const reference = referenceVectors(new Set(['cat', 'dog']));
		const a = reference.get('cat')!;
		const b = reference.get('dog')!;
		expect(pair.cosine).toBeCloseTo(referenceCosine(a, b), 7);
		expect(pair.dot).toBeCloseTo(
			a.reduce((s, x, d) => s + x * b[d]!, 0),
			5,
		);
		expect(pair.normA).toBeCloseTo(Math.hypot(...a), 6);
		expect(pair.normB).toBeCloseTo(Math.hypot(...b), 6);
		expect(pair.cosine).toBeCloseTo(pair.dot / (pair.normA * pair.normB), 14);
		expect(vectors.norm(cat!.index)).toBeCloseTo(pair.normA, 5);
	}, 60_000);

	it('GIVEN n words THEN the matrix is symmetric with a unit diagonal and its entries are the pair cosines', async () => {
		const vectors = await loadWordVectors();
		const words = ['king', 'queen', 'apple', 'orange', 'seoul'].map((w) => vectors.find(w)!);
		const { cosines } = similarityMatrix(vectors, words);
		words.forEach((a, i) =>
			words.forEach((b, j) => {
				expect(cosines[i]![j]).toBeCloseTo(i === j ? 1 : cosine(vectors, a, b).cosine, 12);
				expect(cosines[i]![j]).toBe(cosines[j]![i]);
			}),
		);
		expect(cosines[0]![1]!).toBeGreaterThan(cosines[0]![2]!); // king is nearer queen than apple
	});
});
