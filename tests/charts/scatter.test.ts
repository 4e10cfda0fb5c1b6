import { describe, expect, it } from 'vitest';
import { overlaps, placeLabels } from '../../src/charts/label-placement.js';
import { pngSize } from '../../src/charts/png.js';
import { layoutScatter, renderScatter } from '../../src/charts/scatter.js';
import { itemsWithRole } from '../../src/charts/scene.js';
import { PALETTE, THEME } from '../../src/charts/theme.js';
import { fakeMeasure } from './helpers/fake-measure.js';

const bounds = { x: 0, y: 0, w: 200, h: 100 };

describe('label placement', () => {
	it('GIVEN a lone point THEN its label goes to the right, vertically centred', () => {
		expect(placeLabels([{ x: 50, y: 50, r: 5, w: 30, h: 10 }], bounds)).toEqual([{ x: 59, y: 45, w: 30, h: 10 }]);
	});

	it('GIVEN a point near the right edge THEN its label goes left; GIVEN a taken spot THEN the next candidate', () => {
		expect(placeLabels([{ x: 190, y: 50, r: 5, w: 30, h: 10 }], bounds)).toEqual([{ x: 151, y: 45, w: 30, h: 10 }]);
		const [first, second] = placeLabels(
			[
				{ x: 50, y: 50, r: 5, w: 30, h: 10 },
				{ x: 50, y: 52, r: 5, w: 30, h: 10 },
			],
			bounds,
		);
		expect(first).toEqual({ x: 59, y: 45, w: 30, h: 10 });
		// Right is taken by the first label and overlaps the first marker; left is free.
		expect(second).toEqual({ x: 11, y: 47, w: 30, h: 10 });
	});

	it('GIVEN a crowd THEN no two placed labels overlap, none covers a marker, and the rest are left out', () => {
		const anchors = Array.from({ length: 30 }, (_, i) => ({
			x: 100 + (i % 5) * 3,
			y: 50 + Math.floor(i / 5) * 3,
			r: 2,
			w: 40,
			h: 12,
		}));
		const placed = placeLabels(anchors, bounds);
		const boxes = placed.filter((b) => b !== null);
		expect(boxes.length).toBeGreaterThan(0);
		expect(boxes.length).toBeLessThan(30);
		for (let i = 0; i < boxes.length; i++)
			for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
		for (const b of boxes)
			for (const a of anchors) expect(overlaps(b, { x: a.x - a.r, y: a.y - a.r, w: 2 * a.r, h: 2 * a.r })).toBe(false);
	});
});

describe('scatter layout', () => {
	const points = [
		{ x: 0, y: 0, label: 'cat', group: 'animals' },
		{ x: 1, y: 1, label: 'dog', group: 'animals' },
		{ x: 10, y: 5, label: '한국', group: 'countries' },
		{ x: 10, y: 5.01, label: 'korea', group: 'countries' },
	];

	it('GIVEN grouped points THEN colours follow the group order, the legend lists groups, and equal aspect keeps units square', () => {
		const scene = layoutScatter({ title: 'map', points, width: 800, height: 500 }, fakeMeasure);
		const dots = itemsWithRole(scene.items, 'point', 'circle');
		expect(dots.map((d) => d.fill)).toEqual([PALETTE[0], PALETTE[0], PALETTE[1], PALETTE[1]]);
		expect(itemsWithRole(scene.items, 'legend-label', 'text').map((t) => t.text)).toEqual(['animals', 'countries']);
		// Equal aspect: one data unit is as many pixels across as up.
		const perUnitX = (dots[2]!.cx - dots[0]!.cx) / 10;
		const perUnitY = (dots[0]!.cy - dots[2]!.cy) / 5;
		expect(perUnitX).toBeCloseTo(perUnitY, 6);
		// The y range binds, and the highest point keeps half a label box (label size + 4 px) and a pixel from the
		// plot's top, so a label centred beside it still fits inside the plot.
		const frame = itemsWithRole(scene.items, 'plot-frame', 'rect')[0]!;
		const labelH = THEME.fonts.label.size + 4;
		expect(dots[3]!.cy).toBeCloseTo(frame.y + labelH / 2 + 1, 9);
		// '한국' takes the right of its point (radius 5, gap 4); 'korea' sits on top of it, so its label takes the next
		// free side: left of the point, a box 5 graphemes × half the label size wide.
		const labels = itemsWithRole(scene.items, 'point-label', 'text');
		expect(labels.map((t) => t.text)).toEqual(['cat', 'dog', '한국', 'korea']);
		expect(labels[2]!.x).toBe(dots[2]!.cx + 5 + 4);
		expect(labels[3]!.x).toBe(dots[3]!.cx - 5 - 4 - 5 * (THEME.fonts.label.size / 2));
		expect(labels[3]!.y).toBe(dots[3]!.cy);
		expect(scene.description).not.toContain('left out');
	});

	it('GIVEN twelve labelled points on one spot THEN at most the eight candidate positions are used and the rest are counted as left out', () => {
		const crowd = Array.from({ length: 12 }, (_, i) => ({ x: 1, y: 1, label: `w${i}` }));
		const scene = layoutScatter({ title: 'crowd', points: [...crowd, { x: 0, y: 0 }, { x: 2, y: 2 }] }, fakeMeasure);
		const placed = itemsWithRole(scene.items, 'point-label').length;
		expect(placed).toBeLessThanOrEqual(8);
		expect(scene.description).toContain(`${12 - placed} labels left out`);
	});

	it('GIVEN a scatter THEN the PNG has the requested size', async () => {
		expect(pngSize(await renderScatter({ title: 'map', points }))).toEqual({ width: 1200, height: 700 });
	});
});
