import { describe, expect, it } from 'vitest';
import { layoutBarChart, layoutCard, pngSize } from '../../src/charts/index.js';
import { toBuffer } from '../../src/compute/compute.js';
import { createInlineCompute } from '../../src/compute/inline.js';
import { spreadChart } from '../../src/quiz/charts.js';
import { LEADERBOARD_ROWS, leaderboardCard } from '../../src/quiz/leaderboard-cards.js';
import type { RankedStanding } from '../../src/quiz/scoring.js';

describe('quiz chart inputs', () => {
	it('GIVEN four options and the counts THEN the spread is a horizontal bar per option, the right one highlighted, with the totals in the subtitle', () => {
		const chart = spreadChart({
			title: 'Question 2: Which is right?',
			rows: [
				{ label: 'A. first', count: 3, right: false },
				{ label: 'B. second', count: 9, right: true },
				{ label: 'C. third', count: 0, right: false },
				{ label: 'D. fourth', count: 1, right: false },
			],
			rightLabel: 'B',
		});
		expect(chart).toMatchObject({
			subtitle: '13 answers · 9 right (69%) · right answer: B',
			categories: ['A. first', 'B. second', 'C. third', 'D. fourth'],
			series: [{ name: 'Members', values: [3, 9, 0, 1] }],
			orientation: 'horizontal',
			highlight: { index: 1, label: 'right answer' },
			valueAxis: { domain: [0, 10] },
			width: 1000,
			height: 230 + 62 * 4,
		});
		const scene = layoutBarChart(chart);
		expect(scene.items.filter((i) => i.role === 'bar')).toHaveLength(4);
		expect(scene.items.filter((i) => i.role === 'bar-value').map((i) => (i.kind === 'text' ? i.text : ''))).toEqual([
			'3',
			'9',
			'0',
			'1',
		]);
	});

	it('GIVEN nobody answered THEN the spread still has an axis up to 5 and says 0 answers', () => {
		const chart = spreadChart({ title: 'Q', rows: [{ label: 'A', count: 0, right: true }], rightLabel: 'A' });
		expect(chart.subtitle).toBe('0 answers · 0 right · right answer: A');
		expect(chart.valueAxis?.domain).toEqual([0, 5]);
	});

	it('GIVEN the asking member ranked below the top rows THEN the card adds their row after the top and outlines it', () => {
		const standings: RankedStanding[] = Array.from({ length: 20 }, (_, i) => ({
			userId: `u${i}`,
			points: 4000 - i * 100,
			live: 1000,
			practice: 3000 - i * 100,
			answers: 10,
			correct: 10 - (i % 5),
			rank: i + 1,
		}));
		const card = leaderboardCard({
			title: 'Leaderboard',
			subtitle: 's',
			standings,
			names: new Map(standings.map((s) => [s.userId, `Name ${s.userId}`])),
			viewerId: 'u17',
			footer: 'f',
		});
		const table = card.card.table!;
		expect(table.rows).toHaveLength(LEADERBOARD_ROWS + 1);
		expect(table.rows.at(-1)).toEqual(['18', 'Name u17', '2,300', '1,000', '1,300', '8/10']);
		expect(table.highlightRow).toBe(LEADERBOARD_ROWS);
		const scene = layoutCard(card.card);
		expect(scene.items.filter((i) => i.role === 'table-row' && 'stroke' in i && i.stroke)).toHaveLength(1);
	});

	it('GIVEN the compute tasks THEN a spread chart and a card render to PNGs of their layout’s size', async () => {
		const compute = createInlineCompute();
		const chart = spreadChart({
			title: 'Q',
			rows: [
				{ label: 'A', count: 2, right: true },
				{ label: 'B', count: 1, right: false },
			],
			rightLabel: 'A',
		});
		expect(pngSize(toBuffer(await compute.run('quiz.barChart', chart)))).toEqual({ width: 1000, height: 230 + 62 * 2 });
		const card = { card: { title: 'Card', tiles: [{ label: 'x', value: '1' }] }, figure: chart };
		const expected = layoutCard({ ...card.card, figure: layoutBarChart(chart) });
		expect(pngSize(toBuffer(await compute.run('quiz.card', card)))).toEqual({
			width: expected.width,
			height: expected.height,
		});
	});
});
