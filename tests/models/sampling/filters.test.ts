import { describe, expect, it } from 'vitest';
import { applyFilters, softmax } from '../../../src/models/sampling/index.js';

/** Logits whose softmax is exactly `probs` (up to rounding). */
const logitsOf = (probs: number[]): number[] => probs.map(Math.log);
const rounded = (xs: ArrayLike<number>): number[] => Array.from(xs, (x) => Math.round(x * 1e9) / 1e9);

describe('applyFilters: temperature', () => {
	it('GIVEN temperature 0 THEN all mass is on the argmax, ties to the lowest id', () => {
		const r = applyFilters([1, 5, 5, 2], { temperature: 0 });
		expect(Array.from(r.probs)).toEqual([0, 1, 0, 0]);
		expect(r.greedy).toBe(true);
		expect(r.kept).toEqual([1]);
	});

	it('GIVEN temperature 2 THEN it equals softmax of the halved logits', () => {
		const r = applyFilters([1, 2, 4], { temperature: 2 });
		expect(rounded(r.probs)).toEqual(rounded(softmax([0.5, 1, 2])));
		expect(r.steps[0]!.active).toBe(true);
		expect(rounded(r.steps[0]!.before)).toEqual(rounded(softmax([1, 2, 4])));
	});

	it('GIVEN a −∞ logit at temperature 0.5 (issue 17) THEN it is softmax([0, −∞, 2]), not greedy', () => {
		const r = applyFilters([0, -Infinity, 1], { temperature: 0.5 });
		// Independent: e^0 / (e^0 + e^2) and e^2 / (e^0 + e^2).
		const e2 = Math.exp(2);
		expect(r.greedy).toBe(false);
		expect(Array.from(r.probs, (p) => p.toFixed(3))).toEqual(['0.119', '0.000', '0.881']);
		expect(r.probs[0]).toBeCloseTo(1 / (1 + e2), 12);
		expect(r.probs[2]).toBeCloseTo(e2 / (1 + e2), 12);
		expect(r.kept).toEqual([2, 0]);
	});

	it('GIVEN a temperature so small that a finite logit overflows, beside a −∞ logit THEN it is still greedy', () => {
		const r = applyFilters([1, -Infinity, 2], { temperature: 1e-320 });
		expect(r.greedy).toBe(true);
		expect(Array.from(r.probs)).toEqual([0, 0, 1]);
	});

	it('GIVEN no options THEN nothing is filtered and every step is inactive', () => {
		const r = applyFilters([0, 1, 2]);
		expect(r.kept).toEqual([2, 1, 0]);
		expect(r.steps.map((s) => s.active)).toEqual([false, false, false, false]);
		expect(r.steps.map((s) => s.name)).toEqual(['temperature', 'top-k', 'top-p', 'min-p']);
	});
});

describe('applyFilters: top-k', () => {
	it('GIVEN top_k larger than the vocabulary THEN every token is kept', () => {
		const r = applyFilters([0, 1, 2], { topK: 50 });
		expect(r.kept).toEqual([2, 1, 0]);
		expect(rounded(r.probs)).toEqual(rounded(softmax([0, 1, 2])));
	});

	it('GIVEN a tie at the k-th probability THEN every tied token is kept', () => {
		const r = applyFilters(logitsOf([0.4, 0.2, 0.2, 0.2]), { topK: 2 });
		expect(r.kept).toEqual([0, 1, 2, 3]);
		const s = applyFilters(logitsOf([0.4, 0.3, 0.15, 0.15]), { topK: 3 });
		expect(s.kept).toEqual([0, 1, 2, 3]);
		expect(s.steps[1]!.cutoff).toBeCloseTo(0.15, 12);
	});

	it('GIVEN k = 2 without ties THEN the two likeliest survive, renormalised', () => {
		const r = applyFilters(logitsOf([0.4, 0.3, 0.2, 0.1]), { topK: 2 });
		expect(r.kept).toEqual([0, 1]);
		expect(rounded(r.probs)).toEqual(rounded([4 / 7, 3 / 7, 0, 0]));
	});
});

describe('applyFilters: top-p', () => {
	const probs = [0.5, 0.3, 0.2];

	it('GIVEN p = 0 THEN exactly one token (the likeliest) is kept', () => {
		expect(applyFilters(logitsOf(probs), { topP: 0 }).kept).toEqual([0]);
	});

	it('GIVEN p = 1 THEN nothing is cut, and the cumulative curve still ends at 1', () => {
		const r = applyFilters(logitsOf(probs), { topP: 1 });
		expect(r.kept).toEqual([0, 1, 2]);
		const step = r.steps[2]!;
		expect(step.active).toBe(false);
		expect(step.order).toEqual([0, 1, 2]);
		expect(rounded(step.cumulative!)).toEqual([0.5, 0.8, 1]);
	});

	it('GIVEN p equal to a prefix sum THEN that prefix is the kept set; a hair above takes one more', () => {
		const r = applyFilters(logitsOf(probs), { topP: 0.8 });
		expect(r.kept).toEqual([0, 1]);
		expect(r.steps[2]!.cutoff).toBeCloseTo(0.8, 12);
		expect(applyFilters(logitsOf(probs), { topP: 0.81 }).kept).toEqual([0, 1, 2]);
	});

	it('GIVEN tied probabilities THEN the lower id comes first in the walk', () => {
		expect(applyFilters([0, 0, 0, 0], { topP: 0.5 }).kept).toEqual([0, 1]);
	});

	it('GIVEN top-k before top-p THEN top-p sees the renormalised top-k distribution', () => {
		const logits = logitsOf([0.4, 0.3, 0.2, 0.1]);
		// Alone, p = 0.5 needs 0.4 + 0.3; after top-k = 2 the first token alone has 4/7 ≥ 0.5.
		expect(applyFilters(logits, { topP: 0.5 }).kept).toEqual([0, 1]);
		expect(applyFilters(logits, { topK: 2, topP: 0.5 }).kept).toEqual([0]);
	});
});

describe('applyFilters: min-p', () => {
	it('GIVEN min_p = 1 THEN only the tokens tied for the maximum are kept', () => {
		expect(applyFilters([3, 1, 3, 2], { minP: 1 }).kept).toEqual([0, 2]);
	});

	it('GIVEN min_p = 0.5 THEN tokens below half the top probability go', () => {
		const r = applyFilters(logitsOf([0.5, 0.3, 0.2]), { minP: 0.5 });
		expect(r.kept).toEqual([0, 1]);
		expect(r.steps[3]!.cutoff).toBeCloseTo(0.25, 12);
		expect(rounded(r.probs)).toEqual(rounded([0.625, 0.375, 0]));
	});
});

describe('applyFilters: validation', () => {
	it('GIVEN out-of-range options THEN it throws a RangeError', () => {
		expect(() => applyFilters([1], { temperature: -1 })).toThrow(RangeError);
		expect(() => applyFilters([1], { topK: 1.5 })).toThrow(RangeError);
		expect(() => applyFilters([1], { topP: 1.1 })).toThrow(RangeError);
		expect(() => applyFilters([1], { minP: -0.1 })).toThrow(RangeError);
		expect(() => applyFilters([], {})).toThrow(RangeError);
	});
});
