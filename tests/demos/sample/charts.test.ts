import { describe, expect, it } from 'vitest';
import { itemsWithRole, type TextMeasurer } from '../../../src/charts/index.js';
import { barLabel, drawsChart, drawsRows, nextTokenChart } from '../../../src/demos/sample/charts.js';
import { layoutNextToken } from '../../../src/demos/sample/cut-lines.js';
import { summarise } from '../../../src/demos/sample/distribution.js';
import { countDraws, drawFirstTokens, runStarts } from '../../../src/demos/sample/draws.js';
import { seedRule, settingsFrom, settingsLine, type SampleArgs } from '../../../src/demos/sample/input.js';
import { pct } from '../../../src/demos/sample/reply.js';
import type { SampleResult } from '../../../src/demos/sample/result.js';
import { applyFilters, createRng } from '../../../src/models/sampling/index.js';

const measure: TextMeasurer = (text, font) => [...text].length * font.size * 0.6;

/** 30 tokens `t0`…`t29` with logits falling by 0.25 each: a smooth distribution to cut. */
const LOGITS = Array.from({ length: 30 }, (_, i) => 3 - 0.25 * i);
const tokenOf = (id: number) => ({ text: ` t${id}`, label: `⋅t${id}` });

function resultFor(args: SampleArgs, sampled?: number): SampleResult {
	const settings = settingsFrom({ seed: 1, ...args });
	const filtered = applyFilters(LOGITS, {
		temperature: settings.temperature,
		topK: settings.topK,
		topP: settings.topP,
		minP: settings.minP,
	});
	const token = sampled ?? filtered.kept[0]!;
	return {
		engine: 'local',
		model: 'tiny-gpt',
		prompt: 'The old prince said',
		settings,
		next: summarise(filtered, token, tokenOf),
		continuations: [
			{
				firstNumber: 1,
				pieces: [
					{ id: token, ...tokenOf(token), final: filtered.probs[token]!, raw: filtered.steps[0]!.before[token]! },
				],
				text: tokenOf(token).text,
			},
		],
		draws: null,
	};
}

describe('/sample next-token chart', () => {
	it('GIVEN no option THEN one series at T = 1, no cut-off, no cumulative line, values printed', () => {
		const { input, lines } = nextTokenChart(resultFor({}));
		expect(input.series.map((s) => s.name)).toEqual(['the model (T = 1)']);
		expect(input.cutoff).toBeUndefined();
		expect(input.line).toBeUndefined();
		expect(lines).toEqual([]);
		expect(input.showValues).toBe(true);
		expect(input.categories).toHaveLength(20);
		expect(input.footer).toContain('No filter is on');
	});

	it('GIVEN temperature, top-k and top-p THEN three series, the last cut-off labelled, an earlier cut drawn as an extra line, and the cumulative line', () => {
		const { input, lines } = nextTokenChart(resultFor({ temperature: 0.7, top_k: 15, top_p: 0.8 }));
		expect(input.series.map((s) => s.name)).toEqual([
			'the model (T = 1)',
			'after T = 0.7',
			'after the filters (drawn from)',
		]);
		const view = resultFor({ temperature: 0.7, top_k: 15, top_p: 0.8 }).next;
		expect(view.cuts.map((c) => [c.filter, c.kept])).toEqual([
			['top-k', 15],
			['top-p', view.kept],
		]);
		expect(input.cutoff).toEqual({
			afterIndex: view.kept - 1,
			label: `top-p = 0.8 (Σ ${pct(view.cuts[1]!.cutoff!)}): ${view.kept} kept`,
		});
		expect(lines).toEqual([{ afterIndex: 14, label: 'top-k = 15: 15 kept' }]);
		expect(input.line!.values.slice(0, 3).every((v, i, a) => i === 0 || v > a[i - 1]!)).toBe(true);
		expect(input.line!.values.at(-1)).toBeCloseTo(1, 12);
	});

	it('GIVEN a sampled token below the top 20 THEN it is appended with its rank and outlined', () => {
		const { input } = nextTokenChart(resultFor({}, 27));
		expect(input.categories).toHaveLength(21);
		expect(input.categories[20]).toBe('#28 ⋅t27');
		expect(input.highlight).toEqual({ index: 20, label: 'sampled (seed 1): “⋅t27”' });
	});

	it('GIVEN temperature 0 THEN the greedy series is all on the top token, everything after it dimmed', () => {
		const { input } = nextTokenChart(resultFor({ temperature: 0 }));
		expect(input.series[1]!.values.slice(0, 3)).toEqual([1, 0, 0]);
		expect(input.cutoff).toEqual({ afterIndex: 0, label: 'T = 0: only the top token: 1 kept' });
		expect(input.highlight?.label).toBe('greedy pick: “⋅t0”');
	});

	it('GIVEN an extra cut line THEN it is drawn at the boundary between the two categories’ bars', () => {
		const chart = nextTokenChart(resultFor({ top_k: 15, top_p: 0.5 }));
		const scene = layoutNextToken(chart, measure);
		const bars = itemsWithRole(scene.items, 'bar', 'rect');
		const cut = itemsWithRole(scene.items, 'filter-cut', 'line');
		expect(cut).toHaveLength(1);
		const per = chart.input.series.length;
		const left = bars[14 * per + per - 1]!;
		const right = bars[15 * per]!;
		expect(cut[0]!.x1).toBeGreaterThan(left.x + left.w);
		expect(cut[0]!.x1).toBeLessThan(right.x);
		expect(cut[0]!.x1 - (left.x + left.w + 1)).toBeCloseTo(right.x - cut[0]!.x1, 9);
		expect(itemsWithRole(scene.items, 'filter-cut-label', 'text')[0]!.text).toBe('top-k = 15: 15 kept');
		expect(scene.items.at(-1)!.role).toBe('border');
	});

	it('GIVEN tokens without letters THEN bar labels are quoted so they can be seen', () => {
		expect(barLabel(',')).toBe('“,”');
		expect(barLabel('↵')).toBe('“↵”');
		expect(barLabel('⋅the')).toBe('⋅the');
		expect(barLabel('EC 95')).toBe('EC 95');
	});
});

describe('/sample draws', () => {
	it('GIVEN a seed THEN run k starts where k × stride numbers of the stream have been used', () => {
		const starts = runStarts(42, 5, 3);
		const stream = createRng(42);
		const numbers = Array.from({ length: 15 }, () => stream.next());
		expect(createRng(starts[0]!).next()).toBe(numbers[0]);
		expect(createRng(starts[1]!).next()).toBe(numbers[5]);
		expect(createRng(starts[2]!).next()).toBe(numbers[10]);
	});

	it('GIVEN 500 draws THEN the histogram rows keep all probability and all draws, past 19 rows in one "all others"', () => {
		const filtered = applyFilters(LOGITS, { temperature: 1.5 });
		const draws = drawFirstTokens(filtered, runStarts(9, 1, 500));
		const result = { ...resultFor({ temperature: 1.5 }), draws: countDraws(draws, filtered.probs, tokenOf) };
		const rows = drawsRows(result);
		expect(rows).toHaveLength(20);
		expect(rows.at(-1)!.label).toBe('all others');
		expect(rows.reduce((s, r) => s + r.final, 0)).toBeCloseTo(1, 12);
		expect(rows.reduce((s, r) => s + r.count, 0)).toBe(500);
		expect(drawsChart(result).series.map((s) => s.name)).toEqual([
			'probability drawn with (after temperature and filters)',
			'share of the 500 draws',
		]);
	});

	it('GIVEN greedy THEN every draw is the top token', () => {
		const filtered = applyFilters(LOGITS, { temperature: 0 });
		expect(new Set(drawFirstTokens(filtered, runStarts(1, 3, 50)))).toEqual(new Set([0]));
	});
});

describe('/sample texts', () => {
	it('GIVEN probabilities THEN percents keep two significant digits below 0.1% and never use exponents', () => {
		expect(pct(0.2345)).toBe('23.4%');
		expect(pct(0.000042)).toBe('0.0042%');
		expect(pct(1.1e-6)).toBe('0.00011%');
		expect(pct(1e-9)).toBe('<0.0001%');
		expect(pct(0)).toBe('0.0%');
	});

	it('GIVEN settings THEN the line names each filter, off when off', () => {
		expect(settingsLine(settingsFrom({ temperature: 0.8, top_k: 40, min_p: 0.05, seed: 1 }))).toBe(
			'T = 0.8 · top-k 40 · top-p off · min-p 0.05',
		);
		expect(settingsLine(settingsFrom({ temperature: 0, seed: 1 }))).toBe(
			'T = 0 (greedy) · top-k off · top-p off · min-p off',
		);
	});

	it('GIVEN the seed rule THEN it says where run k starts', () => {
		expect(seedRule(settingsFrom({ seed: 7, tokens: 20 }))).toContain(
			'starts at number (k − 1) × 20 + 1 of the stream',
		);
		expect(seedRule(settingsFrom({ seed: 7, tokens: 20 }), 1)).toContain('starts at number k of the stream');
		expect(settingsFrom({}, () => 123).seed).toBe(123);
		expect(settingsFrom({}, () => 123).seedChosen).toBe(false);
	});
});
