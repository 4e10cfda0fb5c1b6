import { describe, expect, it } from 'vitest';
import {
	decimalsFor,
	formatNumber,
	formatTicks,
	logTicks,
	niceDomain,
	niceStep,
	niceTicks,
} from '../../src/charts/ticks.js';

describe('nice ticks', () => {
	it('GIVEN spans and counts THEN the step is 1, 2 or 5 × 10^k', () => {
		expect(niceStep(1, 5)).toBe(0.2);
		expect(niceStep(0.7, 5)).toBe(0.1);
		expect(niceStep(100, 5)).toBe(20);
		expect(niceStep(37, 5)).toBe(10);
		expect(niceStep(30, 5)).toBe(5);
		expect(niceStep(6_000, 4)).toBe(2_000);
		expect(niceStep(0, 5)).toBe(0);
	});

	it('GIVEN a domain THEN ticks are the step multiples inside it, free of float noise', () => {
		expect(niceTicks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
		expect(niceTicks(0, 0.3, 3)).toEqual([0, 0.1, 0.2, 0.3]);
		expect(niceTicks(-1, 1, 4)).toEqual([-1, -0.5, 0, 0.5, 1]);
		expect(niceTicks(3, 97)).toEqual([20, 40, 60, 80]);
		expect(niceTicks(5, 5)).toEqual([5]);
	});

	it('GIVEN a data range THEN the nice domain ends on ticks around it', () => {
		expect(niceDomain(0, 0.483)).toEqual([0, 0.5]);
		expect(niceDomain(0, 0.766)).toEqual([0, 0.8]);
		expect(niceDomain(-0.96, 1)).toEqual([-1, 1]);
		expect(niceDomain(0, 0)).toEqual([0, 1]);
	});

	it('GIVEN a log range THEN ticks are 1-2-5 per decade for short ranges and powers of ten for long ones', () => {
		expect(logTicks(2, 10)).toEqual([2, 5, 10]);
		expect(logTicks(0.5, 20)).toEqual([0.5, 1, 2, 5, 10, 20]);
		expect(logTicks(1e-4, 1)).toEqual([1e-4, 1e-3, 0.01, 0.1, 1]);
		expect(logTicks(0, 1)).toEqual([]);
	});

	it('GIVEN ticks THEN labels share the decimals of the step, use a true minus, k/M, and percent', () => {
		expect(decimalsFor(0.05)).toBe(2);
		expect(decimalsFor(20)).toBe(0);
		expect(formatTicks([0, 0.2, 0.4])).toEqual(['0.0', '0.2', '0.4']);
		expect(formatTicks([-1, -0.5, 0, 0.5, 1])).toEqual(['−1.0', '−0.5', '0.0', '0.5', '1.0']);
		expect(formatTicks([0, 0.1, 0.2], 'percent')).toEqual(['0%', '10%', '20%']);
		expect(formatTicks([0, 0.025, 0.05], 'percent')).toEqual(['0.0%', '2.5%', '5.0%']);
		expect(formatTicks([0, 20_000, 40_000])).toEqual(['0', '20k', '40k']);
		expect(formatTicks([0, 2_500_000, 5_000_000])).toEqual(['0', '2.5M', '5M']);
	});

	it('GIVEN lone numbers THEN three significant digits, exponent only for extreme sizes', () => {
		expect(formatNumber(0.48213)).toBe('0.482');
		expect(formatNumber(1234.5)).toBe('1230');
		expect(formatNumber(-2.5)).toBe('−2.5');
		expect(formatNumber(0.000012345)).toBe('1.23e-5');
		expect(formatNumber(0)).toBe('0');
	});
});
