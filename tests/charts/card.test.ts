import { describe, expect, it } from 'vitest';
import { layoutBarChart } from '../../src/charts/bar-chart.js';
import { layoutCard, progressFraction, renderCard } from '../../src/charts/card.js';
import { pngSize } from '../../src/charts/png.js';
import { itemsWithRole } from '../../src/charts/scene.js';
import { HIGHLIGHT } from '../../src/charts/theme.js';
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
		// Two tiles side by side in 600 − 56 = 544 px with a 14 px gap: 265 px each, from y 79.
		expect(itemsWithRole(scene.items, 'tile', 'rect').map(({ x, y, w, h }) => ({ x, y, w, h }))).toEqual([
			{ x: 28, y: 79, w: 265, h: 96 },
			{ x: 307, y: 79, w: 265, h: 96 },
		]);
		// Progress starts after the tiles and a 22 px gap: 79 + 96 + 22 = 197; its fill is 4/6 of the track.
		const track = itemsWithRole(scene.items, 'progress-track', 'rect')[0]!;
		const fill = itemsWithRole(scene.items, 'progress-fill', 'rect')[0]!;
		expect(track).toMatchObject({ x: 28, y: 221, w: 544 });
		expect(fill.w).toBeCloseTo((544 * 4) / 6, 9);
		expect(itemsWithRole(scene.items, 'progress-count', 'text')[0]).toMatchObject({
			text: '4 / 6',
			align: 'right',
			x: 572,
		});
		const cells = itemsWithRole(scene.items, 'table-cell', 'text');
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
