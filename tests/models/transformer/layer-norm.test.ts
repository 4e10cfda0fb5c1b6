import { describe, expect, it } from 'vitest';
import { layerNorm64 } from '../../../src/models/transformer/layer-norm.js';

describe('layerNorm64', () => {
	it('GIVEN [1, 2, 3, 4] with gain 1 and bias 0 THEN (x − 2.5) / √(1.25 + 1e-5), by hand', () => {
		const out = layerNorm64([1, 2, 3, 4], [1, 1, 1, 1], [0, 0, 0, 0]);
		const s = Math.sqrt(1.25 + 1e-5);
		expect([...out]).toEqual([-1.5 / s, -0.5 / s, 0.5 / s, 1.5 / s]);
	});

	it('GIVEN a gain and a bias THEN each component is scaled and shifted after normalising', () => {
		const out = layerNorm64(new Float32Array([2, 4]), [2, -1], [0.5, 3]);
		const s = Math.sqrt(1 + 1e-5);
		expect(out[0]).toBeCloseTo((-1 / s) * 2 + 0.5, 15);
		expect(out[1]).toBeCloseTo((1 / s) * -1 + 3, 15);
	});

	it('GIVEN a constant vector THEN the bias (ε keeps it finite)', () => {
		expect([...layerNorm64([7, 7, 7], [5, 5, 5], [1, 2, 3])]).toEqual([1, 2, 3]);
	});
});
