import { describe, expect, it } from 'vitest';
import { divergingScale, sequentialScale, viridis } from '../../src/charts/color-scales.js';
import { layoutHeatmapGrid, renderHeatmapGrid } from '../../src/charts/heatmap-grid.js';
import { cellLabel, layoutHeatmap, renderHeatmap, type HeatmapInput } from '../../src/charts/heatmap.js';
import { pngSize } from '../../src/charts/png.js';
import { itemsWithRole } from '../../src/charts/scene.js';
import { THEME } from '../../src/charts/theme.js';
import { fakeMeasure } from './helpers/fake-measure.js';

const attention: HeatmapInput = {
	title: 'A',
	rowLabels: ['나는', '👩‍💻', 'a-very-long-token-label-that-cannot-fit'],
	colLabels: ['x', 'y', 'z'],
	values: [
		[1, 0, 0],
		[0.25, 0.75, 0],
		[0.2, 0.3, 0.5],
	],
	mask: [
		[false, true, true],
		[false, false, true],
		[false, false, false],
	],
	domain: [0, 1],
	format: 'percent',
	width: 600,
	height: 400,
};

describe('heatmap layout', () => {
	it('GIVEN a masked matrix THEN cells carry viridis fills, null for masked cells, and hatching colours', () => {
		const scene = layoutHeatmap(attention, fakeMeasure);
		const cells = itemsWithRole(scene.items, 'cells', 'cells')[0]!;
		expect(cells.rows).toBe(3);
		expect(cells.cols).toBe(3);
		expect(cells.fills).toEqual([
			viridis(1),
			null,
			null,
			viridis(0.25),
			viridis(0.75),
			null,
			viridis(0.2),
			viridis(0.3),
			viridis(0.5),
		]);
		expect(cells.masked).toEqual({ fill: THEME.masked, hatch: THEME.hatch });
		expect(cells.cellWidth).toBe(cells.cellHeight);
		// Cells are large here, so numbers are printed (as whole percents), only in unmasked cells, dark on light fills.
		const values = itemsWithRole(scene.items, 'cell-value', 'text');
		expect(values.map((t) => t.text)).toEqual(['100', '25', '75', '20', '30', '50']);
		expect(values[0]).toMatchObject({
			color: THEME.textOnLight,
			x: cells.x + cells.cellWidth / 2,
			y: cells.y + cells.cellHeight / 2,
		});
		expect(values[1]!.color).toBe('#ffffff');
	});

	it('GIVEN long, Korean and emoji labels THEN row labels are right-aligned against the grid and truncated with an ellipsis', () => {
		const scene = layoutHeatmap(attention, fakeMeasure);
		const cells = itemsWithRole(scene.items, 'cells', 'cells')[0]!;
		const rows = itemsWithRole(scene.items, 'row-label', 'text');
		expect(rows.map((t) => t.text.endsWith('…'))).toEqual([false, false, true]);
		expect(rows[0]).toMatchObject({ text: '나는', align: 'right', x: cells.x - 8 });
		// width 600 × 0.2 = 120 px for labels: at half the label size a grapheme (11 px), as many graphemes as fit with
		// the ellipsis after them: ⌊120 / 11⌋ − 1 = 9 ('a-very-lo…', 110 px; one more would be 121 px).
		const perGrapheme = THEME.fonts.label.size / 2;
		const kept = Math.floor((600 * 0.2) / perGrapheme) - 1;
		expect(rows[2]!.text).toBe(`${attention.rowLabels[2]!.slice(0, kept)}…`);
		expect(itemsWithRole(scene.items, 'col-label', 'text').map((t) => t.text)).toEqual(['x', 'y', 'z']);
	});

	it('GIVEN a domain THEN the colour bar spans it with nice ticks and percent labels', () => {
		const scene = layoutHeatmap(attention, fakeMeasure);
		expect(itemsWithRole(scene.items, 'color-bar-label', 'text').map((t) => t.text)).toEqual([
			'0%',
			'20%',
			'40%',
			'60%',
			'80%',
			'100%',
		]);
		const bar = itemsWithRole(scene.items, 'color-bar', 'cells')[0]!;
		expect(bar.fills[0]).toBe(sequentialScale([], [0, 1]).color(1 - 0.5 / 128));
		const ticks = itemsWithRole(scene.items, 'color-bar-tick', 'line');
		expect(ticks[0]!.y1).toBeCloseTo(bar.y + bar.rows * bar.cellHeight, 9);
		expect(ticks[5]!.y1).toBeCloseTo(bar.y, 9);
	});

	it('GIVEN signed values on the diverging scale THEN zero is white and cells show two decimals', () => {
		const scene = layoutHeatmap(
			{
				...attention,
				mask: undefined,
				values: [
					[-1, 0, 1],
					[0.5, -0.5, 0],
					[0, 0, 0],
				],
				scale: 'diverging',
				domain: [-1, 1],
				format: 'number',
			},
			fakeMeasure,
		);
		const cells = itemsWithRole(scene.items, 'cells', 'cells')[0]!;
		expect(cells.fills.slice(0, 3)).toEqual(['#053061', '#f7f7f7', '#67001f']);
		expect(cells.fills[3]).toBe(divergingScale([], [-1, 1]).color(0.5));
		expect(
			itemsWithRole(scene.items, 'cell-value', 'text')
				.map((t) => t.text)
				.slice(0, 5),
		).toEqual(['−1.00', '0.00', '1.00', '0.50', '−0.50']);
	});

	it('GIVEN cell labels THEN decimals follow the domain and negative zero loses its sign', () => {
		expect(cellLabel(0.4567)).toBe('0.46');
		expect(cellLabel(-0.001)).toBe('0.00');
		expect(cellLabel(4.56, 'number', [0, 8])).toBe('4.6');
		expect(cellLabel(123.4, 'number', [0, 500])).toBe('123');
		expect(cellLabel(0.126, 'percent')).toBe('13');
	});

	it('GIVEN a 40×40 matrix THEN cells are too small for numbers and labels are thinned to every other', () => {
		const n = 40;
		const labels = Array.from({ length: n }, (_, i) => `t${i}`);
		const scene = layoutHeatmap(
			{
				title: 'big',
				rowLabels: labels,
				colLabels: labels,
				values: labels.map((_, r) => labels.map((__, c) => (r + c) / 80)),
				width: 1200,
				height: 700,
			},
			fakeMeasure,
		);
		const cells = itemsWithRole(scene.items, 'cells', 'cells')[0]!;
		expect(itemsWithRole(scene.items, 'cell-value')).toEqual([]);
		const every = Math.ceil(16 / cells.cellHeight);
		expect(itemsWithRole(scene.items, 'row-label').length).toBe(Math.ceil(n / every));
	});

	it('GIVEN mismatched shapes THEN layout throws naming the row', () => {
		expect(() => layoutHeatmap({ ...attention, values: [[1, 0, 0], [1], [1, 2, 3]] }, fakeMeasure)).toThrow(/row 1/);
	});

	it('GIVEN heatmaps THEN the PNGs have the requested size', async () => {
		expect(pngSize(await renderHeatmap({ ...attention, width: 1200, height: 600 }))).toEqual({
			width: 1200,
			height: 600,
		});
	});
});

describe('heatmap grid layout', () => {
	const panels = Array.from({ length: 8 }, (_, h) => ({
		title: `head ${h}`,
		values: [
			[h, 0],
			[0, 8 - h],
		],
	}));

	it('GIVEN eight panels THEN they share one colour scale over all values and pick the columns that give the largest cells', () => {
		const scene = layoutHeatmapGrid({ title: 'heads', panels, width: 1200, height: 600 }, fakeMeasure);
		const grids = itemsWithRole(scene.items, 'panel-cells', 'cells');
		expect(grids).toHaveLength(8);
		// One scale over 0…8: head 0's 8 and head 8−0's… every panel maps 8 to the top colour.
		expect(grids[0]!.fills).toEqual([viridis(0), viridis(0), viridis(0), viridis(1)]);
		expect(grids[4]!.fills).toEqual([viridis(0.5), viridis(0), viridis(0), viridis(0.5)]);
		// 2×2 panels in a 1200×600 card: four columns of two rows beat every other arrangement.
		expect(new Set(grids.map((g) => g.y)).size).toBe(2);
		expect(new Set(grids.map((g) => g.x)).size).toBe(4);
		expect(itemsWithRole(scene.items, 'panel-title', 'text').map((t) => t.text)).toEqual(panels.map((p) => p.title));
		expect(itemsWithRole(scene.items, 'color-bar-label', 'text').map((t) => t.text)).toEqual(['0', '2', '4', '6', '8']);
	});

	it('GIVEN panels of different shapes THEN layout throws; GIVEN a grid THEN the PNG has the requested size', async () => {
		expect(() =>
			layoutHeatmapGrid({ title: 'x', panels: [panels[0]!, { title: 'bad', values: [[1]] }] }, fakeMeasure),
		).toThrow(/panel 1/);
		expect(pngSize(await renderHeatmapGrid({ title: 'heads', panels }))).toEqual({ width: 1200, height: 600 });
	});
});
