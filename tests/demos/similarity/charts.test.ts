import { describe, expect, it } from 'vitest';
import {
	analogyChart,
	chartLabels,
	mapChart,
	matrixChart,
	neighborsChart,
	pairChart,
} from '../../../src/demos/similarity/charts.js';
import { PAIR_TERMS, pairFromVectors, type EngineInfo, type MapResult } from '../../../src/demos/similarity/results.js';

const engine: EngineInfo = { kind: 'local', name: 'test vectors', dimensions: 3 };

describe('pairFromVectors', () => {
	it('GIVEN (3, 4, 0) and (4, 3, 0) THEN cos = 24 / (5 × 5) and the terms are the unit vectors’ products', () => {
		const r = pairFromVectors(engine, ['a', 'b'], [3, 4, 0], [4, 3, 0]);
		expect(r).toMatchObject({ cosine: 0.96, dot: 24, normA: 5, normB: 5, rest: 0 });
		expect(r.top).toEqual([
			{ dimension: 0, value: 0.48 },
			{ dimension: 1, value: 0.48 },
			{ dimension: 2, value: 0 },
		]);
	});

	it('GIVEN 100 dimensions THEN the 16 largest terms plus the rest add up to the cosine', () => {
		const a = Array.from({ length: 100 }, (_, d) => Math.sin(d * 1.7));
		const b = Array.from({ length: 100 }, (_, d) => Math.cos(d * 0.3) - 0.2);
		const r = pairFromVectors({ ...engine, dimensions: 100 }, ['a', 'b'], a, b);
		expect(r.top).toHaveLength(PAIR_TERMS);
		expect(r.top.reduce((s, t) => s + t.value, 0) + r.rest).toBeCloseTo(r.cosine, 12);
		for (let i = 1; i < r.top.length; i++)
			expect(Math.abs(r.top[i - 1]!.value)).toBeGreaterThanOrEqual(Math.abs(r.top[i]!.value));
	});

	it('GIVEN figures from elsewhere THEN they are reported as given', () => {
		const figures = { cosine: 0.5, dot: 1, normA: 2, normB: 1 };
		expect(pairFromVectors(engine, ['a', 'b'], [1, 0, 0], [0, 1, 0], figures)).toMatchObject(figures);
	});

	it('GIVEN a zero vector THEN the cosine is 0, not NaN', () => {
		expect(pairFromVectors(engine, ['a', 'b'], [0, 0, 0], [1, 2, 3]).cosine).toBe(0);
	});
});

describe('chart inputs', () => {
	it('GIVEN a pair THEN the title, formula and categories carry the figures', () => {
		const input = pairChart(pairFromVectors(engine, ['king', 'queen'], [3, 4, 0], [4, 3, 0]));
		expect(input.title).toBe('cos(king, queen) = 0.9600');
		expect(input.subtitle).toContain('a·b / (‖a‖ ‖b‖) = 24.0000 / (5.0000 × 5.0000) = 0.9600');
		expect(input.categories).toEqual(['dim 0', 'dim 1', 'dim 2']);
		expect(input.series[0]!.values).toEqual([0.48, 0.48, 0]);
		expect(input.footer).toContain('The 3 largest terms add up to 0.9600; the other 0 add 0.0000.');
	});

	it('GIVEN long texts THEN the charts label them T1, T2…', () => {
		expect(chartLabels(['cat', 'dog'])).toEqual(['cat', 'dog']);
		expect(chartLabels(['cat', 'a dog that is very long'])).toEqual(['T1', 'T2']);
	});

	it('GIVEN a matrix THEN the heatmap is diverging on [−1, 1] with numbers when they fit', () => {
		const input = matrixChart({
			kind: 'matrix',
			engine,
			labels: ['a', 'b'],
			cosines: [
				[1, -0.2],
				[-0.2, 1],
			],
		});
		expect(input).toMatchObject({
			scale: 'diverging',
			domain: [-1, 1],
			showValues: 'auto',
			rowLabels: ['a', 'b'],
			colLabels: ['a', 'b'],
		});
	});

	it('GIVEN neighbours and an analogy THEN bars are nearest first on a [0, 1] axis, the best answer highlighted', () => {
		const neighbors = {
			kind: 'neighbors' as const,
			engine,
			searched: 50_000,
			lists: [
				{
					word: 'king',
					neighbors: [
						{ text: 'prince', cosine: 0.77 },
						{ text: 'queen', cosine: 0.75 },
					],
				},
			],
		};
		expect(neighborsChart(neighbors, 0)).toMatchObject({
			categories: ['prince', 'queen'],
			valueAxis: { domain: [0, 1] },
		});
		const analogy = analogyChart({
			kind: 'analogy',
			engine,
			a: 'man',
			b: 'king',
			c: 'woman',
			answers: [
				{ text: 'queen', cosine: 0.77 },
				{ text: 'x', cosine: -0.1 },
			],
		});
		expect(analogy).toMatchObject({
			title: 'king − man + woman ≈ queen',
			highlight: { index: 0 },
			valueAxis: { domain: undefined },
		});
	});

	it('GIVEN a map THEN axes and footer state the explained variance', () => {
		const map: MapResult = {
			kind: 'map',
			engine,
			queries: ['cat'],
			points: [
				{ text: 'cat', x: 0, y: 0, group: 'cat', query: true },
				{ text: 'dog', x: 1, y: 1, group: 'cat', query: false },
			],
			explained: [0.3, 0.125],
			backend: 'wasm',
			neighborsPerWord: 10,
		};
		const input = mapChart(map);
		expect(input.xTitle).toBe('principal component 1 (30.0%)');
		expect(input.yTitle).toBe('principal component 2 (12.5%)');
		expect(input.footer).toMatch(/^PC1 explains 30\.0% of the variance, PC2 12\.5% \(42\.5% together\)/);
	});
});
