import { describe, expect, it } from 'vitest';
import { symmetricEigen } from '../../../src/models/embeddings/eigen.js';
import { loadWordVectors, projectPca, unitVector } from '../../../src/models/embeddings/index.js';

describe('symmetricEigen', () => {
	it('GIVEN a symmetric matrix THEN A·v = λ·v, vectors orthonormal, values descending', () => {
		const a = [
			[4, 1, -2, 2],
			[1, 2, 0, 1],
			[-2, 0, 3, -2],
			[2, 1, -2, -1],
		];
		const { values, vectors } = symmetricEigen(a);
		expect(values).toEqual([...values].sort((x, y) => y - x));
		vectors.forEach((v, k) => {
			a.forEach((row, i) => expect(row.reduce((s, x, j) => s + x * v[j]!, 0)).toBeCloseTo(values[k]! * v[i]!, 10));
			vectors.forEach((w, l) => expect(v.reduce((s, x, j) => s + x * w[j]!, 0)).toBeCloseTo(k === l ? 1 : 0, 10));
		});
		expect(values.reduce((s, x) => s + x, 0)).toBeCloseTo(4 + 2 + 3 - 1, 10); // trace
	});
});

describe('projectPca', () => {
	it('GIVEN words THEN the coordinates are the centred unit vectors projected on the covariance’s top eigenvectors', async () => {
		const vectors = await loadWordVectors();
		const words = ['king', 'queen', 'man', 'woman', 'paris', 'france', 'tokyo', 'japan'].map((w) => vectors.find(w)!);
		const result = await projectPca(vectors, words);
		expect(['wasm', 'tensorflow']).toContain(result.backend);

		// Reference in plain double-precision JavaScript, via the 100 × 100 covariance (the other Gram matrix).
		const rows = words.map((w) => [...unitVector(vectors, w.index)]);
		const mean = rows[0]!.map((_, d) => rows.reduce((s, r) => s + r[d]!, 0) / rows.length);
		const centred = rows.map((r) => r.map((x, d) => x - mean[d]!));
		const cov = mean.map((_, i) =>
			mean.map((_, j) => centred.reduce((s, r) => s + r[i]! * r[j]!, 0) / (rows.length - 1)),
		);
		const { values, vectors: eig } = symmetricEigen(cov);
		const total = values.reduce((s, l) => s + l, 0);
		expect(result.variance[0]).toBeCloseTo(values[0]!, 5);
		expect(result.variance[1]).toBeCloseTo(values[1]!, 5);
		expect(result.explainedVarianceRatio[0]).toBeCloseTo(values[0]! / total, 5);
		expect(result.explainedVarianceRatio[1]).toBeCloseTo(values[1]! / total, 5);
		result.points.forEach((p, i) => {
			// Same axes up to sign.
			const x = centred[i]!.reduce((s, v, d) => s + v * eig[0]![d]!, 0);
			const y = centred[i]!.reduce((s, v, d) => s + v * eig[1]![d]!, 0);
			expect(Math.abs(p.x)).toBeCloseTo(Math.abs(x), 4);
			expect(Math.abs(p.y)).toBeCloseTo(Math.abs(y), 4);
		});
		// The variance of the coordinates along each axis is that axis's eigenvalue.
		const variance = (xs: number[]): number => xs.reduce((s, v) => s + v * v, 0) / (xs.length - 1);
		expect(variance(result.points.map((p) => p.x))).toBeCloseTo(values[0]!, 5);
		// Deterministic: the same words draw the same way.
		expect((await projectPca(vectors, words)).points).toEqual(result.points);
	}, 60_000);
});
