import { barValueLabel, categorical, type BarChartInput, type BarSeries } from '../../charts/index.js';
import { previewText } from '../tokenize/visible.js';
import type { FilterCut, NextTokenView } from './distribution.js';
import { settingsLine } from './input.js';
import type { SampleResult } from './result.js';
import { t } from '../../i18n/index.js';

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
			return t('sample.chart.minPLabel', { param: trim(cut.param) });
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
	return t(result.engine === 'local' ? 'sample.chart.ourModel' : 'sample.chart.realModel', { model: result.model });
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
			name: t(result.engine === 'local' ? 'sample.chart.seriesModel' : 'sample.chart.seriesReal'),
			values: values((r) => r.raw),
			color: categorical(0),
		},
	];
	if (s.temperature !== 1)
		series.push({
			name: view.greedy
				? t('sample.chart.seriesGreedy')
				: t('sample.chart.seriesTemperature', { temperature: trim(s.temperature) }),
			values: values((r) => r.tempered),
			color: categorical(1),
		});
	if (view.cuts.length > 0)
		series.push({ name: t('sample.chart.seriesFilters'), values: values((r) => r.final), color: categorical(2) });
	const finalCuts = view.cuts.filter((c) => c.kept === view.kept);
	const finalLabel =
		finalCuts.length > 0 ? finalCuts.map(cutLabel).join(' · ') : view.greedy ? t('sample.chart.onlyTop') : '';
	const cutoff =
		view.kept < n && finalLabel
			? { afterIndex: view.kept - 1, label: t('sample.chart.kept', { label: finalLabel, count: view.kept }) }
			: undefined;
	const earlier = new Map<number, string[]>();
	for (const cut of view.cuts) {
		if (cut.kept === view.kept || cut.kept >= n) continue;
		earlier.set(cut.kept - 1, [...(earlier.get(cut.kept - 1) ?? []), cutLabel(cut)]);
	}
	const lines = [...earlier].map(([afterIndex, labels]) => ({
		afterIndex,
		label: t('sample.chart.kept', { label: labels.join(' · '), count: afterIndex + 1 }),
	}));
	const sampled = view.rows[view.sampledRow]!;
	const beyond = view.cuts
		.filter((c) => c.kept >= n)
		.map((c) => t('sample.chart.keeps', { label: cutLabel(c), count: c.kept.toLocaleString('en-US') }));
	const covered =
		result.covered === undefined
			? ''
			: t('sample.chart.covered', { covered: barValueLabel(result.covered, 'percent') });
	return {
		input: {
			title: t('sample.chart.title', { prompt: promptTail(result.prompt), engine: engineName(result) }),
			subtitle: t('sample.chart.subtitle', {
				settings: settingsLine(s),
				kept: view.kept.toLocaleString('en-US'),
				vocabulary: view.vocabulary.toLocaleString('en-US'),
				covered,
			}),
			footer:
				(view.cuts.length > 0 || view.greedy ? t('sample.chart.footerFilters') : t('sample.chart.footerNoFilter')) +
				(beyond.length > 0 ? t('sample.chart.footerBeyond', { cuts: beyond.join('; '), top }) : '') +
				(result.engine === 'local'
					? t('sample.chart.footerOthers', {
							raw: barValueLabel(view.othersRaw, 'percent'),
							final: barValueLabel(view.othersFinal, 'percent'),
						})
					: ''),
			categories: view.rows.map((_, i) => rowLabel(view, i, top)),
			series,
			highlight: {
				index: view.sampledRow,
				label: view.greedy
					? t('sample.chart.greedyPick', { token: sampled.label })
					: t('sample.chart.sampled', { seed: s.seed, token: sampled.label }),
			},
			...(cutoff ? { cutoff } : {}),
			...(view.cuts.some((c) => c.filter === 'top-p')
				? {
						line: {
							name: t('sample.chart.cumulative'),
							values: values((r) => r.cumulative ?? 1),
							format: 'percent' as const,
							domain: [0, 1] as [number, number],
						},
					}
				: {}),
			valueAxis: { title: t('sample.chart.probability'), format: 'percent' },
			categoryAxis: { title: t('sample.chart.nextToken') },
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
		label: t('sample.chart.others', { count: rest.length }),
		final: 0,
		share: 0,
		count: 0,
	});
	// The others' probability is whatever the shown rows leave; summing `rest` would miss tokens never drawn.
	const shownFinal = rows.slice(0, room - 1).reduce((s, r) => s + r.final, 0);
	return [
		...rows.slice(0, room - 1),
		{
			...others,
			label: t('sample.chart.allOthers'),
			final: Math.max(0, 1 - shownFinal),
			share: others.count / draws.samples,
		},
	];
}

/** The histogram: each token's share of the draws beside its probability after the filters. */
export function drawsChart(result: SampleResult): BarChartInput {
	const draws = result.draws!;
	const rows = drawsRows(result);
	const s = result.settings;
	return {
		title: t('sample.chart.drawsTitle', { count: draws.samples, prompt: promptTail(result.prompt) }),
		subtitle: `${engineName(result)} · ${settingsLine(s)} · ${result.next.greedy ? t('sample.chart.drawsGreedy') : t('sample.chart.drawsSeed', { seed: s.seed })}`,
		footer: t('sample.chart.drawsFooter', { count: draws.counts.length }),
		categories: rows.map((r) => r.label),
		series: [
			{
				name: t('sample.chart.drawsProbability'),
				values: rows.map((r) => r.final),
				color: categorical(2),
			},
			{
				name: t('sample.chart.drawsShare', { count: draws.samples }),
				values: rows.map((r) => r.share),
				color: categorical(4),
			},
		],
		valueAxis: { title: t('sample.chart.drawsAxis'), format: 'percent' },
		categoryAxis: { title: t('sample.chart.nextToken') },
		width: 1200,
		height: 600,
	};
}
