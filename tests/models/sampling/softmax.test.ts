import { describe, expect, it } from 'vitest';
import { argmax, logSoftmax, softmax } from '../../../src/models/sampling/index.js';

describe('softmax', () => {
	it('GIVEN huge logits THEN it does not overflow and keeps the ratio e^(a−b)', () => {
		const p = softmax([1000, 1001]);
		expect(p[0]! + p[1]!).toBeCloseTo(1, 15);
		expect(p[1]! / p[0]!).toBeCloseTo(Math.E, 12);
	});

	it('GIVEN a −Infinity logit THEN that token gets probability 0', () => {
		const p = softmax(new Float32Array([0, Number.NEGATIVE_INFINITY, 0]));
		expect(Array.from(p)).toEqual([0.5, 0, 0.5]);
	});

	it('GIVEN only −Infinity THEN it throws instead of returning NaN', () => {
		expect(() => softmax([Number.NEGATIVE_INFINITY])).toThrow();
	});

	it('GIVEN logits far apart THEN logSoftmax stays finite where softmax underflows', () => {
		const lp = logSoftmax([0, -2000]);
		expect(softmax([0, -2000])[1]).toBe(0);
		expect(lp[1]).toBeCloseTo(-2000, 9);
		const lq = logSoftmax([1, 2, 3]);
		const q = softmax([1, 2, 3]);
		for (let i = 0; i < 3; i++) expect(lq[i]).toBeCloseTo(Math.log(q[i]!), 14);
	});
});

describe('argmax', () => {
	it('GIVEN tied maxima THEN the lowest index wins', () => {
		expect(argmax([1, 3, 3, 2])).toBe(1);
		expect(argmax([])).toBe(-1);
	});
});
