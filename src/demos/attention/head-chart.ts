import type { HeatmapInput } from '../../charts/index.js';
import { causalMask, type AttentionData } from './data.js';
import { headName, textPreview } from './labels.js';

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
		title: `Attention of ${headName(data)} in ${data.model}`,
		subtitle:
			`“${textPreview(data.input)}” · ${n} ${n === 1 ? 'token' : 'tokens'}. Row = a query token; its cells = how much it attends to each key token ` +
			'at or before it. Every row sums to 1.',
		footer:
			`Hatched cells are the causal mask: a token may not attend to tokens after it (their weight is exactly 0). ` +
			`Weights = softmax(Q·Kᵀ / √${data.headDim}) of this head; ${data.nHeads} heads × ${data.nLayers} layers, counted from 1.`,
		values: data.weights[data.head]!,
		mask: causalMask(n),
		rowLabels: labels,
		colLabels: labels,
		rowAxisTitle: 'query token (row sums to 1)',
		colAxisTitle: 'key token (attended to)',
		scale: 'sequential',
		domain: [0, 1],
		legendTitle: 'weight',
		showValues: 'auto',
		width,
		// Tall enough for square cells of the size the width allows, so long inputs do not leave an empty band.
		height: Math.max(640, 300 + n * cell),
	};
}
