import type { HeatmapInput } from '../../charts/index.js';
import { causalMask, type AttentionData } from './data.js';
import { headName, textPreview } from './labels.js';
import { t } from '../../i18n/index.js';

/** Where each row of a map puts most of its weight: the key index and the weight (ties: the earlier key). */
export function rowMaxima(weights: readonly (readonly number[])[]): { key: number; weight: number }[] {
	return weights.map((row, query) => {
		let key = 0;
		for (let c = 1; c <= query; c++) if ((row[c] as number) > (row[key] as number)) key = c;
		return { key, weight: row[key] as number };
	});
}

/**
 * The single-head view: a T × T heatmap, rows = query tokens, columns = key tokens, each labelled with its token;
 * future cells hatched (the causal mask); one colour scale fixed to [0, 1] so maps of different heads compare.
 * Numbers go in the cells when they fit (up to 20 tokens).
 */
export function headChart(data: AttentionData): HeatmapInput {
	const n = data.tokens.length;
	const labels = data.tokens.map((t) => t.label);
	const width = Math.max(1000, Math.min(1600, 420 + n * 22));
	const cell = Math.min(48, Math.floor((width - 330) / n));
	return {
		title: t('attention.chart.headTitle', { head: headName(data), model: data.model }),
		subtitle: t('attention.chart.headSubtitle', {
			text: textPreview(data.input),
			tokens: t('attention.tokens', { count: n }),
		}),
		footer: t('attention.chart.headFooter', { dk: data.headDim, heads: data.nHeads, layers: data.nLayers }),
		values: data.weights[data.head]!,
		mask: causalMask(n),
		rowLabels: labels,
		colLabels: labels,
		rowAxisTitle: t('attention.chart.rowAxis'),
		colAxisTitle: t('attention.chart.colAxis'),
		scale: 'sequential',
		domain: [0, 1],
		legendTitle: t('attention.chart.weight'),
		showValues: 'auto',
		width,
		// Tall enough for square cells of the size the width allows, so long inputs do not leave an empty band.
		height: Math.max(640, 300 + n * cell),
	};
}
