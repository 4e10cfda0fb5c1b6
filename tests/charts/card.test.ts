import { describe, expect, it } from 'vitest';
import { layoutBarChart } from '../../src/charts/bar-chart.js';
import { layoutCard, progressFraction, renderCard } from '../../src/charts/card.js';
import { pngSize } from '../../src/charts/png.js';
import { itemsWithRole } from '../../src/charts/scene.js';
import { HIGHLIGHT, THEME } from '../../src/charts/theme.js';
import { fakeMeasure } from './helpers/fake-measure.js';

describe('card layout', () => {
	it('GIVEN tiles, progress and a table THEN they stack under the title at exact positions', () => {
		const scene = layoutCard(
			{
				title: 'Progress',
				tiles: [
					{ label: 'Quizzes', value: '12' },
					{ label: 'Streak', value: '🔥 9' },
				],
				progress: [{ label: 'Week 3', value: 4, max: 6 }],
				table: {
					columns: [{ title: '#', align: 'right' }, { title: 'Member' }],
					rows: [
						['1', '서연'],
						['2', '지민'],
					],
					highlightRow: 1,
				},
				width: 600,
			},
			fakeMeasure,
		);
		const { padding, fonts } = THEME;
		// The header: one title line of 1.25 × 34 px after the padding, and 18 px: tiles start at 89.
		const header = Math.round(padding + fonts.title.size * 1.25 + 18);
		// A tile stacks its label (from 14 px, 22 high), 6 px, the value (40), 8 px, a note line (22) and 12 px: 124.
		const tileValueY = 14 + fonts.small.size + 6;
		const tileH = tileValueY + fonts.tileValue.size + 8 + fonts.small.size + 12;
		// Two tiles side by side in 600 − 56 = 544 px with a 14 px gap: 265 px each.
		expect(itemsWithRole(scene.items, 'tile', 'rect').map(({ x, y, w, h }) => ({ x, y, w, h }))).toEqual([
			{ x: 28, y: header, w: 265, h: tileH },
			{ x: 307, y: header, w: 265, h: tileH },
		]);
		expect(itemsWithRole(scene.items, 'tile-label', 'text').map((t) => [t.x, t.y])).toEqual([
			[28 + 16, header + 14],
			[307 + 16, header + 14],
		]);
		expect(itemsWithRole(scene.items, 'tile-value', 'text').map((t) => [t.x, t.y])).toEqual([
			[28 + 16, header + tileValueY],
			[307 + 16, header + tileValueY],
		]);
		// Progress starts after the tiles and a 22 px gap (89 + 124 + 22 = 235): its label, then 10 px below the label
		// the 12 px track (at 235 + 22 + 10 = 267); its fill is 4/6 of the track.
		const progressY = header + tileH + 22;
		const trackY = progressY + fonts.label.size + 10;
		expect(itemsWithRole(scene.items, 'progress-label', 'text')[0]).toMatchObject({ x: 28, y: progressY });
		const track = itemsWithRole(scene.items, 'progress-track', 'rect')[0]!;
		const fill = itemsWithRole(scene.items, 'progress-fill', 'rect')[0]!;
		expect(track).toMatchObject({ x: 28, y: trackY, w: 544, h: 12 });
		expect(fill).toMatchObject({ x: 28, y: trackY, h: 12 });
		expect(fill.w).toBeCloseTo((544 * 4) / 6, 9);
		expect(itemsWithRole(scene.items, 'progress-count', 'text')[0]).toMatchObject({
			text: '4 / 6',
			align: 'right',
			x: 572,
		});
		// The table follows the progress bar (14 px under its track) and the section gap less 12: from 267 + 12 + 14 +
		// 10 = 303, a head row, then rows label size + 12 = 34 px high; the first row and the highlighted one are filled.
		const tableY = trackY + 12 + 14 + 22 - 12;
		const rowH = fonts.label.size + 12;
		expect(itemsWithRole(scene.items, 'table-row', 'rect').map(({ y, h }) => ({ y, h }))).toEqual([
			{ y: tableY + rowH, h: rowH },
			{ y: tableY + 2 * rowH, h: rowH },
		]);
		const cells = itemsWithRole(scene.items, 'table-cell', 'text');
		expect(cells.map((c) => c.y)).toEqual([1.5, 1.5, 2.5, 2.5].map((k) => tableY + k * rowH));
		expect(cells.map((c) => c.text)).toEqual(['1', '서연', '2', '지민']);
		expect(cells.slice(2).every((c) => c.color === HIGHLIGHT)).toBe(true);
		expect(scene.description).toBe('Progress. Quizzes: 12. Streak: 🔥 9. Week 3: 4 of 6. table of 2 rows.');
	});

	it('GIVEN progress values THEN the fraction is clamped and safe for a zero maximum', () => {
		expect(progressFraction(3, 4)).toBe(0.75);
		expect(progressFraction(9, 4)).toBe(1);
		expect(progressFraction(-1, 4)).toBe(0);
		expect(progressFraction(1, 0)).toBe(0);
	});

	it('GIVEN a figure THEN it is embedded as a group without its border and the card widens to fit it', async () => {
		const figure = layoutBarChart(
			{ title: 'f', categories: ['a'], series: [{ name: 's', values: [1] }], width: 1000, height: 300 },
			fakeMeasure,
		);
		const scene = layoutCard({ title: 'c', figure, width: 600 }, fakeMeasure);
		expect(scene.width).toBe(1056);
		const group = itemsWithRole(scene.items, 'figure', 'group')[0]!;
		expect(group.dx).toBe(28);
		expect(itemsWithRole(group.items, 'border')).toEqual([]);
		expect(itemsWithRole(group.items, 'bar')).toHaveLength(1);
		const png = await renderCard({ title: 'c', tiles: [{ label: 'a', value: '1' }] });
		expect(pngSize(png)?.width).toBe(900);
	});
});
