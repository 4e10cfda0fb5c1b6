import { describe, expect, it } from 'vitest';
import { linearScale, logScale } from '../../src/charts/axes.js';
import { layoutLineChart, renderLineChart, segments } from '../../src/charts/line-chart.js';
import { pngSize } from '../../src/charts/png.js';
import { itemsWithRole } from '../../src/charts/scene.js';
import { PALETTE } from '../../src/charts/theme.js';
import { fakeMeasure } from './helpers/fake-measure.js';

describe('line chart layout', () => {
	it('GIVEN NaN values THEN a series breaks into separate runs', () => {
		const xs = linearScale([0, 4], [0, 400], { nice: false });
		const ys = linearScale([0, 1], [100, 0], { nice: false });
		expect(segments([0, 1, 2, 3, 4], [0, 1, Number.NaN, 0.5, 0.5], xs, ys)).toEqual([
			[0, 100, 100, 0],
			[300, 50, 400, 50],
		]);
	});

	it('GIVEN a log scale THEN decades are equally spaced and non-positive values are skipped', () => {
		const ys = logScale([1.5, 9], [300, 0]);
		expect(ys.domain).toEqual([1, 10]);
		expect(ys.ticks).toEqual([1, 2, 5, 10]);
		expect(ys.labels).toEqual(['1', '2', '5', '10']);
		expect(ys.map(1)).toBe(300);
		expect(ys.map(10)).toBe(0);
		expect(ys.map(Math.sqrt(10))).toBeCloseTo(150, 9);
		const xs = linearScale([0, 2], [0, 2], { nice: false });
		expect(segments([0, 1, 2], [1, 0, 10], xs, ys)).toEqual([
			[0, 300],
			[2, 0],
		]);
	});

	it('GIVEN two series THEN each gets a palette colour, a legend entry, and a dashed style when asked', () => {
		const scene = layoutLineChart(
			{
				title: 'loss',
				series: [
					{ name: 'train', y: [4, 3, 2.5, 2.2] },
					{ name: 'validation', y: [4.1, 3.2, 2.9, 2.9], dashed: true },
				],
				xTitle: 'step',
				yTitle: 'loss',
				yScale: 'log',
				width: 800,
				height: 400,
			},
			fakeMeasure,
		);
		const lines = itemsWithRole(scene.items, 'series', 'polyline');
		expect(lines.map((l) => [l.color, l.dash])).toEqual([
			[PALETTE[0], undefined],
			[PALETTE[1], [7, 5]],
		]);
		expect(itemsWithRole(scene.items, 'legend-label', 'text').map((t) => t.text)).toEqual(['train', 'validation']);
		expect(itemsWithRole(scene.items, 'left-tick-label', 'text').map((t) => t.text)).toEqual(['2', '5']);
		expect(itemsWithRole(scene.items, 'x-tick-label', 'text').map((t) => t.text)).toEqual([
			'0.0',
			'0.5',
			'1.0',
			'1.5',
			'2.0',
			'2.5',
			'3.0',
		]);
		expect(itemsWithRole(scene.items, 'series-point')).toHaveLength(8);
		expect(itemsWithRole(scene.items, 'x-axis-title', 'text')[0]!.text).toBe('step');
		expect(itemsWithRole(scene.items, 'left-axis-title', 'text')[0]).toMatchObject({
			text: 'loss',
			rotate: -Math.PI / 2,
		});
	});

	it('GIVEN signed data THEN a zero line is drawn; GIVEN a chart THEN the PNG is 1200×600', async () => {
		const input = { title: 'pe', series: [{ name: 'sin', y: Array.from({ length: 100 }, (_, i) => Math.sin(i / 5)) }] };
		expect(itemsWithRole(layoutLineChart(input, fakeMeasure).items, 'zero-line')).toHaveLength(1);
		expect(pngSize(await renderLineChart(input))).toEqual({ width: 1200, height: 600 });
	});
});
