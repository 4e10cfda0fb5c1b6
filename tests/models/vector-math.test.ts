import { describe, expect, it } from 'vitest';
import { cosineSimilarity, dot, pairFigures } from '../../src/models/vector-math.js';

describe('cosineSimilarity', () => {
	it('GIVEN vectors at 60°, 90° and 180° THEN 0.5, 0 and −1 (cos of the angle)', () => {
		expect(cosineSimilarity([1, 0, 1], [1, 1, 0])).toBeCloseTo(Math.cos(Math.PI / 3), 15);
		expect(cosineSimilarity([1, 2], [-2, 1])).toBe(0);
		expect(cosineSimilarity([1, 1], [-3, -3])).toBeCloseTo(-1, 15);
	});

	it('GIVEN components near the limits of float64 THEN no overflow or underflow (45° is 1/√2)', () => {
		expect(cosineSimilarity([1e200, 1e200], [1e200, 0])).toBeCloseTo(Math.SQRT1_2, 15);
		expect(cosineSimilarity([1e-200, 1e-200], [3e-200, 0])).toBeCloseTo(Math.SQRT1_2, 15);
	});

	it('GIVEN a vector and a multiple of it THEN 1 at most (rounding clamped); a zero vector THEN 0', () => {
		const v = [0.1, 0.2, 0.3, 0.7];
		const c = cosineSimilarity(
			v,
			v.map((x) => x * 3),
		);
		expect(c).toBeLessThanOrEqual(1);
		expect(c).toBeCloseTo(1, 15);
		expect(cosineSimilarity([0, 0], [1, 2])).toBe(0);
		expect(cosineSimilarity(new Float32Array([3, 4]), [4, 3])).toBeCloseTo(24 / 25, 7);
	});

	it('GIVEN vectors of different lengths THEN it throws', () => {
		expect(() => cosineSimilarity([1, 2], [1, 2, 3])).toThrow('differ in length');
		expect(dot([1, 2, 3], [4, 5, 6])).toBe(32);
	});
});

describe('pairFigures', () => {
	it('GIVEN (3, 4) and (4, 3) THEN the dot product 24, both lengths 5 and the cosine 24/25, as by hand', () => {
		expect(pairFigures([3, 4], [4, 3])).toEqual({ dot: 24, normA: 5, normB: 5, cosine: 0.96 });
	});

	it('GIVEN a zero vector THEN the cosine is 0 and the lengths say why; GIVEN unequal lengths THEN it throws', () => {
		expect(pairFigures([0, 0], [1, 2])).toMatchObject({ dot: 0, normA: 0, cosine: 0 });
		expect(() => pairFigures([1], [1, 2])).toThrow('differ in length');
	});

	it('GIVEN random vectors THEN its cosine agrees with cosineSimilarity', () => {
		let seed = 7;
		const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
		for (let n = 0; n < 50; n++) {
			const a = Array.from({ length: 100 }, next);
			const b = Array.from({ length: 100 }, next);
			expect(pairFigures(a, b).cosine).toBeCloseTo(cosineSimilarity(a, b), 12);
		}
	});
});
