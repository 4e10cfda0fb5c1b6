import { barValueLabel, categorical, type BarChartInput, type BarSeries } from '../../charts/index.js';
import { previewText } from '../tokenize/visible.js';
import type { FilterCut, NextTokenView } from './distribution.js';
import { settingsLine } from './input.js';
import type { SampleResult } from './result.js';

/** A dashed boundary the bar chart cannot draw itself: after category `afterIndex`, labelled. */
export interface CutLine {
	afterIndex: number;
	label: string;
}

/** The next-token chart: the bar chart's input and the extra filter boundaries drawn over it. */
export interface NextTokenChart {
	input: BarChartInput;
	lines: CutLine[];
}

const trim = (x: number): string => String(Number(x.toFixed(4)));

/** `top-k = 5`, `top-p = 0.9 (Σ 91.2%)`, `min-p = 0.1 (p ≥ 0.1 × max)`. */
export function cutLabel(cut: FilterCut): string {
	switch (cut.filter) {
		case 'top-k':
			return `top-k = ${cut.param}`;
		case 'top-p':
			return `top-p = ${trim(cut.param)} (Σ ${barValueLabel(cut.cutoff ?? 1, 'percent')})`;
		case 'min-p':
			return `min-p = ${trim(cut.param)} (p ≥ ${trim(cut.param)} × max)`;
	}
}

/** The last words of the prompt for a title: `“…or not to be”`. */
export function promptTail(prompt: string, max = 40): string {
	const chars = [...previewText(prompt, 100_000)];
	return chars.length <= max ? `“${chars.join('')}”` : `“…${chars.slice(-max).join('')}”`;
}

/** A token's label under a bar: in quotes when it has no letter or digit, so that `,` or `.` can be seen. */
export function barLabel(label: string): string {
	return /[\p{L}\p{N}]/u.test(label) ? label : `“${label}”`;
}

/** A row's category label; `#153 ⋅xyz` for a token ranked below the chart's top. */
export function rowLabel(view: NextTokenView, index: number, top: number): string {
	const row = view.rows[index]!;
	const label = barLabel(row.label);
	return index >= top ? `#${row.rank} ${label}` : label;
}

/** The model's name as a chart says it. */
export function engineName(result: SampleResult): string {
	return result.engine === 'local' ? `${result.model} (our model)` : `${result.model} (top 20 of the real model)`;
}

/**
 * The chart of the token after the prompt: the top tokens' probability at T = 1, after the temperature and after the
 * filters; the sampled token outlined; a dashed line where each filter cut (the bars right of the last one are dropped);
 * with top-p, the cumulative probability that top-p walked, on a second axis.
 */
export function nextTokenChart(result: SampleResult): NextTokenChart {
	const view = result.next;
	const s = result.settings;
	const top = result.engine === 'local' ? 20 : view.rows.length;
	const n = view.rows.length;
	const values = (pick: (r: NextTokenView['rows'][number]) => number) => view.rows.map(pick);
	const series: BarSeries[] = [
		{
			name: result.engine === 'local' ? 'the model (T = 1)' : 'real model, top 20 renormalised',
			values: values((r) => r.raw),
			color: categorical(0),
		},
	];
	if (s.temperature !== 1)
		series.push({
			name: view.greedy ? 'T = 0: greedy, all on the top token' : `after T = ${trim(s.temperature)}`,
			values: values((r) => r.tempered),
			color: categorical(1),
		});
	if (view.cuts.length > 0)
		series.push({ name: 'after the filters (drawn from)', values: values((r) => r.final), color: categorical(2) });
	const finalCuts = view.cuts.filter((c) => c.kept === view.kept);
	const finalLabel =
		finalCuts.length > 0 ? finalCuts.map(cutLabel).join(' · ') : view.greedy ? 'T = 0: only the top token' : '';
	const cutoff =
		view.kept < n && finalLabel ? { afterIndex: view.kept - 1, label: `${finalLabel}: ${view.kept} kept` } : undefined;
	const earlier = new Map<number, string[]>();
	for (const cut of view.cuts) {
		if (cut.kept === view.kept || cut.kept >= n) continue;
		earlier.set(cut.kept - 1, [...(earlier.get(cut.kept - 1) ?? []), cutLabel(cut)]);
	}
	const lines = [...earlier].map(([afterIndex, labels]) => ({
		afterIndex,
		label: `${labels.join(' · ')}: ${afterIndex + 1} kept`,
	}));
	const sampled = view.rows[view.sampledRow]!;
	const beyond = view.cuts
		.filter((c) => c.kept >= n)
		.map((c) => `${cutLabel(c)} keeps ${c.kept.toLocaleString('en-US')}`);
	const covered =
		result.covered === undefined
			? ''
			: ` The server’s top 20 hold ${barValueLabel(result.covered, 'percent')} of the real model’s probability; they are renormalised to 100% before the filters.`;
	return {
		input: {
			title: `What comes after ${promptTail(result.prompt)}? ${engineName(result)}`,
			subtitle: `${settingsLine(s)} · ${view.kept.toLocaleString('en-US')} of ${view.vocabulary.toLocaleString('en-US')} tokens left to draw from.${covered}`,
			footer:
				(view.cuts.length > 0 || view.greedy
					? 'Filters apply in the order temperature → top-k → top-p → min-p; a dashed line marks where each cut: bars right of the last one are dropped, the rest renormalised to 100%. '
					: 'No filter is on: every token can be drawn, with its probability after the temperature. ') +
				(beyond.length > 0 ? `${beyond.join('; ')} (beyond the ${top} shown). ` : '') +
				(result.engine === 'local'
					? `Tokens not in the chart: ${barValueLabel(view.othersRaw, 'percent')} at T = 1, ${barValueLabel(view.othersFinal, 'percent')} after temperature and filters.`
					: ''),
			categories: view.rows.map((_, i) => rowLabel(view, i, top)),
			series,
			highlight: {
				index: view.sampledRow,
				label: `${view.greedy ? 'greedy pick' : `sampled (seed ${s.seed})`}: “${sampled.label}”`,
			},
			...(cutoff ? { cutoff } : {}),
			...(view.cuts.some((c) => c.filter === 'top-p')
				? {
						line: {
							name: 'cumulative, top-p input',
							values: values((r) => r.cumulative ?? 1),
							format: 'percent' as const,
							domain: [0, 1] as [number, number],
						},
					}
				: {}),
			valueAxis: { title: 'probability', format: 'percent' },
			categoryAxis: { title: 'next token, most likely first' },
			showValues: series.length === 1,
			width: 1200,
			height: 640,
		},
		lines,
	};
}

/** One bar of the histogram chart. */
export interface DrawsRow {
	label: string;
	final: number;
	share: number;
	count: number;
}

/** The histogram's rows: drawn and likely tokens by probability after the filters; past 19, one "all others" row. */
export function drawsRows(result: SampleResult, room = 20): DrawsRow[] {
	const draws = result.draws!;
	const all = [...draws.counts, ...draws.undrawn].sort((a, b) => b.final - a.final || a.id - b.id);
	const rows = all.map((d) => ({
		label: barLabel(d.label),
		final: d.final,
		share: d.count / draws.samples,
		count: d.count,
	}));
	if (rows.length <= room) return rows;
	const rest = rows.slice(room - 1);
	const others = rest.reduce((acc, r) => ({ ...acc, final: acc.final + r.final, count: acc.count + r.count }), {
		label: `${rest.length} others`,
		final: 0,
		share: 0,
		count: 0,
	});
	// The others' probability is whatever the shown rows leave; summing `rest` would miss tokens never drawn.
	const shownFinal = rows.slice(0, room - 1).reduce((s, r) => s + r.final, 0);
	return [
		...rows.slice(0, room - 1),
		{ ...others, label: 'all others', final: Math.max(0, 1 - shownFinal), share: others.count / draws.samples },
	];
}

/** The histogram: each token's share of the draws beside its probability after the filters. */
export function drawsChart(result: SampleResult): BarChartInput {
	const draws = result.draws!;
	const rows = drawsRows(result);
	const s = result.settings;
	return {
		title: `${draws.samples} draws of the token after ${promptTail(result.prompt)}`,
		subtitle: `${engineName(result)} · ${settingsLine(s)} · ${result.next.greedy ? 'greedy: every draw is the top token' : `seed ${s.seed}: draw k uses the first number of run k`}`,
		footer: `Each draw picks one token from the same filtered distribution. With more draws, the shares settle towards the probabilities (the law of large numbers). ${draws.counts.length} different tokens were drawn.`,
		categories: rows.map((r) => r.label),
		series: [
			{
				name: 'probability drawn with (after temperature and filters)',
				values: rows.map((r) => r.final),
				color: categorical(2),
			},
			{ name: `share of the ${draws.samples} draws`, values: rows.map((r) => r.share), color: categorical(4) },
		],
		valueAxis: { title: 'probability, share of draws', format: 'percent' },
		categoryAxis: { title: 'next token, most likely first' },
		width: 1200,
		height: 600,
	};
}
