import { describe, expect, it } from 'vitest';
import { itemsWithRole, sequentialScale, type TextMeasurer } from '../../../src/charts/index.js';
import { causalMask, type AttentionData } from '../../../src/demos/attention/data.js';
import { headChart, rowMaxima } from '../../../src/demos/attention/head-chart.js';
import { headsPanels, layoutHeads } from '../../../src/demos/attention/heads-chart.js';
import { fixedCell, layoutPanel } from '../../../src/demos/attention/panel.js';
import { headHabits, stepsWalkthrough } from '../../../src/demos/attention/reply.js';
import { layoutStepsPart, stepsPanels, STEPS_PARTS } from '../../../src/demos/attention/steps-chart.js';
import { stepsCsv } from '../../../src/demos/attention/steps-csv.js';

/** Every character 8 px wide: layouts become predictable. */
const measure: TextMeasurer = (text, font) => [...text].length * font.size * 0.6;

/** A small made-up result: 3 tokens, 2 heads of 4 dims, row-stochastic causal weights. */
function fakeData(view: AttentionData['view']): AttentionData {
	const w0 = [
		[1, 0, 0],
		[0.25, 0.75, 0],
		[0.2, 0.3, 0.5],
	];
	const w1 = [
		[1, 0, 0],
		[0.5, 0.5, 0],
		[0.6, 0.1, 0.3],
	];
	const v = [
		[1, -1, 0.5, 2],
		[0, 2, -0.5, 1],
		[3, 0, 1, -1],
	];
	const output = w0.map((row) => v[0]!.map((_, c) => row.reduce((s, a, j) => s + a * v[j]![c]!, 0)));
	return {
		model: 'tiny-gpt',
		layer: 1,
		head: 0,
		view,
		nLayers: 4,
		nHeads: 2,
		dModel: 8,
		headDim: 4,
		tokens: [
			{ id: 1, text: 'To', label: 'To' },
			{ id: 2, text: ' be', label: '⋅be' },
			{ id: 3, text: ',\n', label: ',↵' },
		],
		input: 'To be,\n',
		weights: [w0, w1],
		steps: {
			q: v,
			k: v,
			v,
			scores: [
				[2, 4, 6],
				[1, 3, 5],
				[0.4, 1.2, 2],
			],
			scaled: [
				[1, 2, 3],
				[0.5, 1.5, 2.5],
				[0.2, 0.6, 1],
			],
			weights: w0,
			output,
		},
	};
}

describe('attention charts', () => {
	it('GIVEN the head view THEN the heatmap is the chosen head’s weights, causally masked, on a fixed [0, 1] scale, labelled by token', () => {
		const chart = headChart(fakeData('head'));
		expect(chart.values).toEqual(fakeData('head').weights[0]);
		expect(chart.mask).toEqual([
			[false, true, true],
			[false, false, true],
			[false, false, false],
		]);
		expect(chart.rowLabels).toEqual(['To', '⋅be', ',↵']);
		expect(chart.colLabels).toEqual(chart.rowLabels);
		expect(chart.domain).toEqual([0, 1]);
		expect(chart.title).toBe('Attention of layer 2, head 1 in tiny-gpt');
		expect(chart.subtitle).toContain('Every row sums to 1.');
	});

	it('GIVEN rows with ties THEN the strongest key is the earlier one, never a future one', () => {
		expect(
			rowMaxima([
				[1, 0, 0],
				[0.5, 0.5, 0],
				[0.2, 0.3, 0.5],
			]),
		).toEqual([
			{ key: 0, weight: 1 },
			{ key: 0, weight: 0.5 },
			{ key: 2, weight: 0.5 },
		]);
	});

	it('GIVEN a map THEN the heads’ habits average rows 2… on the previous token, the first token and itself', () => {
		expect(
			headHabits([
				[1, 0, 0],
				[0.25, 0.75, 0],
				[0.2, 0.3, 0.5],
			]),
		).toEqual({ previous: (0.25 + 0.3) / 2, first: (0.25 + 0.2) / 2, self: (0.75 + 0.5) / 2 });
		expect(headHabits([[1]])).toBeNull();
	});

	it('GIVEN a panel with values THEN every unmasked cell gets its number and every masked cell the mask text', () => {
		const panel = {
			title: 'p',
			values: [
				[1, 2, 3],
				[4, 5, 6],
				[7, 8, 9],
			],
			mask: causalMask(3),
			maskedText: '−∞',
			rowLabels: ['a', 'b', 'c'],
			colLabels: ['a', 'b', 'c'],
			scale: sequentialScale([], [0, 10]),
			showValues: true,
			digits: 1,
			colorBar: 'v',
		};
		const items = layoutPanel(panel, { x: 0, y: 0, w: 500, h: 500 }, measure);
		expect(itemsWithRole(items, 'cell-value', 'text').map((t) => t.text)).toEqual([
			'1.0',
			'4.0',
			'5.0',
			'7.0',
			'8.0',
			'9.0',
		]);
		expect(itemsWithRole(items, 'cell-masked', 'text')).toHaveLength(3);
		expect(itemsWithRole(items, 'row-label', 'text').map((t) => t.text)).toEqual(['a', 'b', 'c']);
		expect(itemsWithRole(items, 'color-bar')).toHaveLength(1);
		expect(itemsWithRole(items, 'panel-cells', 'cells')[0]!.fills.filter((f) => f === null)).toHaveLength(3);
	});

	it('GIVEN values too wide for their cells THEN the panel drops decimals until they fit, and leaves out what never fits', () => {
		// 64 px cells hold 4 characters of this measure (13.2 px each) between their 4 px margins.
		const panel = {
			title: 'p',
			values: [
				[12.345, 1],
				[-0.5, 123_456],
			],
			rowLabels: ['a', 'b'],
			colLabels: ['a', 'b'],
			scale: sequentialScale([], [0, 10]),
			showValues: true,
			digits: 2,
			hideRowLabels: true,
		};
		const items = layoutPanel(panel, { x: 0, y: 0, w: 128, h: 500 }, measure);
		// 12.35 and 12.3 are 5 characters; at 0 decimals 12, 1 and −1 fit, and 123456 (6) still does not.
		expect(itemsWithRole(items, 'cell-value', 'text').map((t) => t.text)).toEqual(['12', '1', '−1']);
		expect(itemsWithRole(items, 'row-label', 'text')).toEqual([]);
		expect(itemsWithRole(items, 'panel-cells', 'cells')[0]!.x).toBe(0);
	});

	it('GIVEN fixed decimals THEN a rounded zero has no sign and negatives get a true minus', () => {
		expect(fixedCell(-0.004, 2)).toBe('0.00');
		expect(fixedCell(-1.25, 1)).toBe('−1.3');
	});

	it('GIVEN the heads view THEN each head is a panel on one shared scale and the diagram gives the shapes', () => {
		const data = fakeData('heads');
		const panels = headsPanels(data);
		expect(panels.map((p) => p.title)).toEqual(['head 1', 'head 2']);
		expect(panels.map((p) => p.values)).toEqual(data.weights);
		expect(panels[0]!.scale).toBe(panels[1]!.scale);
		const scene = layoutHeads(data, measure);
		expect(itemsWithRole(scene.items, 'panel-cells')).toHaveLength(2);
		expect(itemsWithRole(scene.items, 'color-bar')).toHaveLength(1);
		const texts = itemsWithRole(scene.items, 'diagram-text', 'text').map((t) => t.text);
		expect(texts).toEqual([
			'head 1: weights · V',
			'3 × 4',
			'head 2: weights · V',
			'3 × 4',
			'concatenated side by side: 3 × 8',
			'× W_O (8 × 8) + b',
			'3 × 8, added to the residual stream',
		]);
	});

	it('GIVEN the steps view THEN six panels in order, scores unmasked, the mask from ③ on, V and output sliced', () => {
		const data = fakeData('steps');
		const panels = stepsPanels(data);
		expect(panels.map((p) => p.title)).toEqual([
			'① scores = Q·Kᵀ',
			'② ÷ √4 = 2.000',
			'③ causal mask: future keys → −∞',
			'④ softmax of each row = weights',
			'V (dims 1–4 of 4)',
			'⑤ output = weights · V (dims 1–4)',
		]);
		expect(panels.map((p) => p.mask !== undefined)).toEqual([false, false, true, true, false, false]);
		expect(panels[0]!.rowLabels).toEqual(['1 To', '2 ⋅be', '3 ,↵']);
		expect(panels[4]!.colLabels).toEqual(['d1', 'd2', 'd3', 'd4']);
		expect(panels[4]!.scale).toBe(panels[5]!.scale);
		expect(panels.map((p) => p.colorBar)).toEqual(Array(6).fill(undefined));
		// Three images of two panels: ① ②, ③ ④, V ⑤; the right one of each without row labels.
		expect(STEPS_PARTS.map((p) => p.panels)).toEqual([
			[0, 1],
			[2, 3],
			[4, 5],
		]);
		const scenes = ([0, 1, 2] as const).map((part) => layoutStepsPart(data, part, measure));
		for (const scene of scenes) {
			expect(scene.width).toBe(1200);
			expect(itemsWithRole(scene.items, 'panel-cells')).toHaveLength(2);
			expect(itemsWithRole(scene.items, 'row-label', 'text').map((t) => t.text)).toEqual(['1 To', '2 ⋅be', '3 ,↵']);
		}
		expect(itemsWithRole(scenes[0]!.items, 'panel-title', 'text').map((t) => t.text)).toEqual([
			'① scores = Q·Kᵀ',
			'② ÷ √4 = 2.000',
		]);
		expect(itemsWithRole(scenes[1]!.items, 'cell-masked', 'text').map((t) => t.text)).toEqual([
			'−∞',
			'−∞',
			'−∞',
			'0',
			'0',
			'0',
		]);
		// Every unmasked number of the six panels is printed: 9 + 9 + 6 + 6 + 12 + 12.
		expect(scenes.map((s) => itemsWithRole(s.items, 'cell-value', 'text').length)).toEqual([18, 12, 24]);
		expect(scenes[0]!.description).toBe(
			'Attention step by step (1 of 3): layer 2, head 1 of tiny-gpt. Two 3-row panels with a number in every cell: ① scores = Q·Kᵀ · ② ÷ √4 = 2.000.',
		);
	});

	it('GIVEN the steps THEN the walk-through’s exponentials divided by their sum are the weights it lists', () => {
		const data = fakeData('steps');
		data.steps!.weights[2] = (() => {
			const e = [0.2, 0.6, 1].map((x) => Math.exp(x - 1));
			const sum = e.reduce((a, b) => a + b, 0);
			return e.map((x) => x / sum);
		})();
		const text = stepsWalkthrough(data);
		const rows = [...text.matchAll(/^\s*\d+\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)$/gm)].map((m) =>
			m.slice(1).map((s) => Number(s.replace('−', '-'))),
		);
		expect(rows).toHaveLength(3);
		const sumE = rows.reduce((s, r) => s + r[2]!, 0);
		for (const r of rows) expect(r[3]).toBeCloseTo(r[2]! / sumE, 3);
		expect(text).toContain('Row 3 (query “,↵”), d_k = 4, √4 = 2.0000');
	});

	it('GIVEN the CSV THEN token fields are quoted when needed and masked scores are -inf above the diagonal', () => {
		const csv = stepsCsv(fakeData('steps')).split('\n');
		expect(csv.filter((l) => l.startsWith('masked,'))).toEqual([
			'masked,1,To,1,-inf,-inf',
			'masked,2,⋅be,0.5,1.5,-inf',
			'masked,3,",↵",0.2,0.6,1',
		]);
		expect(csv).toContain('quantity,row,token,d1,d2,d3,d4');
	});

	it('GIVEN token labels from member text that a spreadsheet would run as formulas THEN the CSV defuses them', () => {
		const data = fakeData('steps');
		data.tokens = [
			{ id: 1, text: '=1+1', label: '=1+1' },
			{ id: 2, text: '@SUM(A1)', label: '@SUM(A1)' },
			{ id: 3, text: '-2,', label: '-2,' },
		];
		const rows = stepsCsv(data)
			.split('\n')
			.filter((l) => l.startsWith('q,'));
		// The labels get an apostrophe (and quotes when they hold a comma); the numbers, negative ones too, stay numbers.
		expect(rows).toEqual(["q,1,'=1+1,1,-1,0.5,2", "q,2,'@SUM(A1),0,2,-0.5,1", `q,3,"'-2,",3,0,1,-1`]);
	});
});
