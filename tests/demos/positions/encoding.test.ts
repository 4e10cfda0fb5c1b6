import { describe, expect, it } from 'vitest';
import { evaluatePure } from '../../../src/curriculum/index.js';
import { analysePositions } from '../../../src/demos/positions/analysis.js';
import {
	cosineMatrix,
	distanceBelow,
	dotMatrix,
	meanByDistance,
	mostAlikeApart,
	norm,
	sinusoidalEncoding,
	wavelength,
} from '../../../src/demos/positions/encoding.js';

describe('/positions arithmetic', () => {
	it('GIVEN the sinusoidal encoding THEN every value is the curriculum’s own positional-encoding computation', () => {
		const pe = sinusoidalEncoding(50, 16);
		for (const pos of [0, 1, 7, 49]) {
			for (let i = 0; i < 8; i++) {
				expect(pe[pos]![2 * i]).toBeCloseTo(
					evaluatePure({ kind: 'positional-encoding', pos, i, d_model: 16, component: 'sin' }),
					12,
				);
				expect(pe[pos]![2 * i + 1]).toBeCloseTo(
					evaluatePure({ kind: 'positional-encoding', pos, i, d_model: 16, component: 'cos' }),
					12,
				);
			}
		}
		expect(wavelength(3, 16)).toBeCloseTo(evaluatePure({ kind: 'positional-wavelength', i: 3, d_model: 16 }), 9);
	});

	it('GIVEN any two positions THEN the dot product is Σ cos(ωᵢ(p − q)), a function of the distance alone, and every row is √(d/2) long', () => {
		const d = 12;
		const pe = sinusoidalEncoding(40, d);
		const dots = dotMatrix(pe);
		for (const [p, q] of [
			[5, 2],
			[30, 27],
			[39, 0],
			[20, 20],
		] as const) {
			let expected = 0;
			for (let i = 0; i < d / 2; i++) expected += Math.cos((p - q) / 10000 ** ((2 * i) / d));
			expect(dots[p]![q]).toBeCloseTo(expected, 10);
		}
		expect(dots[5]![2]).toBeCloseTo(dots[30]![27]!, 10);
		for (const row of pe) expect(norm(row)).toBeCloseTo(Math.sqrt(d / 2), 12);
	});

	it('GIVEN a small matrix THEN the distance curve, the threshold and the most alike far pair are what a hand count gives', () => {
		const m = [
			[1, 0.5, 0.2, 0.9],
			[0.5, 1, 0.4, 0.1],
			[0.2, 0.4, 1, 0.3],
			[0.9, 0.1, 0.3, 1],
		];
		// k = 1: (m10 + m21 + m32)/3; k = 2: (m20 + m31)/2; k = 3: m30.
		expect(meanByDistance(m)).toEqual([1, (0.5 + 0.4 + 0.3) / 3, (0.2 + 0.1) / 2, 0.9]);
		expect(distanceBelow(meanByDistance(m), 0.3)).toBe(2);
		expect(distanceBelow([1, 0.9], 0.5)).toBeNull();
		expect(mostAlikeApart(m, 2)).toEqual({ p: 3, q: 0, value: 0.9 });
		expect(mostAlikeApart(m, 4)).toBeNull();
		expect(
			cosineMatrix([
				[3, 4],
				[0, 0],
			]),
		).toEqual([
			[1, 0],
			[0, 0],
		]);
	});

	it('GIVEN few dimensions and many positions THEN a pair far apart is more alike than neighbours (the waves realign)', () => {
		const table = Array.from({ length: 8 }, (_, p) => Array.from({ length: 4 }, (_, k) => Math.sin(p + k)));
		const { data } = analysePositions(200, 8, table);
		expect(data.farApart).toBe(25);
		expect(data.sinusoidal.lookalike!.value).toBeGreaterThan(data.sinusoidal.neighbour);
		expect(data.sinusoidal.neighbourRange[1] - data.sinusoidal.neighbourRange[0]).toBeLessThan(1e-12);
		expect(data.learnt.positions).toBe(8);
		expect(data.contextLength).toBe(8);
		expect(data.dModel).toBe(4);
	});
});
