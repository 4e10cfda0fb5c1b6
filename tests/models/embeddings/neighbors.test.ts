import { beforeAll, describe, expect, it } from 'vitest';
import {
	analogy,
	loadWordVectors,
	neighbors,
	SEARCH_VOCABULARY,
	unitVector,
	type WordVectors,
} from '../../../src/models/embeddings/index.js';

/** Brute force over Float64 unit rows: every cosine computed exactly, sorted. */
function bruteForce(
	units: Float64Array,
	dims: number,
	query: Float64Array,
	k: number,
	exclude: Set<number>,
): [number, number][] {
	const scored: [number, number][] = [];
	for (let j = 0; j < units.length / dims; j++) {
		if (exclude.has(j)) continue;
		let dot = 0;
		for (let d = 0; d < dims; d++) dot += query[d]! * units[j * dims + d]!;
		scored.push([j, dot]);
	}
	return scored.sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, k);
}

describe('neighbors and analogy', () => {
	let vectors: WordVectors;
	let units: Float64Array;
	beforeAll(async () => {
		vectors = await loadWordVectors();
		units = new Float64Array(SEARCH_VOCABULARY * vectors.dims);
		for (let j = 0; j < SEARCH_VOCABULARY; j++) units.set(unitVector(vectors, j), j * vectors.dims);
	}, 120_000);

	it('GIVEN 40 query words, frequent and rare THEN the top 10 equal a brute-force float search, the word excluded', () => {
		const picks = ['king', 'frog', 'paris', 'computer', 'happy', 'run', 'the', 'quantum', 'seoul', 'kimchi', 'droll'];
		for (let k = 0; picks.length < 40; k++) picks.push(vectors.text((k * 7919 + 13) % vectors.count));
		for (const text of picks) {
			const word = vectors.find(text)!;
			const ours = neighbors(vectors, word, 10);
			const expected = bruteForce(units, vectors.dims, unitVector(vectors, word.index), 10, new Set([word.index]));
			expect(
				ours.map((n) => n.word.index),
				text,
			).toEqual(expected.map(([j]) => j));
			ours.forEach((n, i) => expect(n.cosine).toBeCloseTo(expected[i]![1], 12));
		}
	});

	it('GIVEN king THEN its nearest words are GloVe 100d’s known ones', () => {
		const top = neighbors(vectors, vectors.find('King')!, 3).map((n) => [n.word.text, Number(n.cosine.toFixed(3))]);
		expect(top).toEqual([
			['prince', 0.768],
			['queen', 0.751],
			['son', 0.702],
		]);
	});

	it('GIVEN man : king :: woman : ? THEN queen comes first, inputs are excluded, and it matches brute force', () => {
		const [man, king, woman] = ['man', 'king', 'woman'].map((w) => vectors.find(w)!);
		const result = analogy(vectors, man!, king!, woman!, 5);
		expect(result.answers[0]!.word.text).toBe('queen');
		const target = new Float64Array(vectors.dims);
		const [ua, ub, uc] = [man!, king!, woman!].map((w) => unitVector(vectors, w.index));
		for (let d = 0; d < vectors.dims; d++) target[d] = ub![d]! - ua![d]! + uc![d]!;
		const norm = Math.hypot(...target);
		const expected = bruteForce(
			units,
			vectors.dims,
			target.map((x) => x / norm),
			5,
			new Set([man!.index, king!.index, woman!.index]),
		);
		expect(result.answers.map((a) => a.word.index)).toEqual(expected.map(([j]) => j));
		result.answers.forEach((a, i) => expect(a.cosine).toBeCloseTo(expected[i]![1], 12));
	});

	it('GIVEN a smaller search vocabulary THEN no neighbour is outside it', () => {
		const result = neighbors(vectors, vectors.find('frog')!, 10, { limit: 1000 });
		expect(result.every((n) => n.word.index < 1000)).toBe(true);
	});
});
