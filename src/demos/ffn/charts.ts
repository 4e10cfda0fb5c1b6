import type { BarChartInput, HeatmapInput } from '../../charts/index.js';
import { layerName, numberedLabel, textPreview, tokenLabel } from '../residual/model-text.js';
import type { FfnData } from './data.js';

/** Units are numbered from 0, as the columns of W₁ (and ffn-top.json) number them. */
export const unitName = (unit: number): string => `#${unit}`;

/** Tokens (rows) × the units that are some token's three most active (columns), activations after GELU. */
export function unitsHeatmap(data: FfnData): HeatmapInput {
	const rows = data.tokens.length;
	return {
		title: `FFN of ${layerName(data.layer, data.layers)}: the most active hidden units at each token`,
		subtitle: `“${textPreview(data.tokens)}” · activation after GELU of ${data.chartUnits.length} of the ${data.dFF} units: each token's 3 most active, in order of first appearance`,
		footer:
			'The same function runs at every position: a row depends only on that token’s vector after attention, not on the other rows.',
		rowLabels: data.tokens.map((t, i) => numberedLabel(t.text, i)),
		colLabels: data.chartUnits.map(unitName),
		values: data.chartValues,
		scale: 'diverging',
		legendTitle: 'activation',
		rowAxisTitle: 'token',
		colAxisTitle: 'hidden unit',
		width: 1200,
		height: Math.max(560, Math.min(1400, 260 + rows * 28)),
	};
}

/** One repeated token's most active units at both of its positions. */
export function repeatChart(data: FfnData): BarChartInput | null {
	const r = data.repeat;
	if (!r) return null;
	const [i, j] = r.positions;
	const label = tokenLabel(r.token.text);
	return {
		title: `“${label}” at positions ${i + 1} and ${j + 1}: the same FFN, different inputs`,
		subtitle: `${layerName(data.layer, data.layers)}: the ${r.units.length} units that are most active at either position, activation after GELU`,
		categories: r.units.map(unitName),
		series: [
			{ name: `${label} at position ${i + 1}`, values: r.values[0] },
			{ name: `${label} at position ${j + 1}`, values: r.values[1] },
		],
		valueAxis: { title: 'activation' },
		categoryAxis: { title: 'hidden unit' },
		width: 1200,
		height: 520,
	};
}
