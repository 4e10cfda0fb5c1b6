import type { BarChartInput, HeatmapInput } from '../../charts/index.js';
import { layerName, numberedLabel, textPreview, tokenLabel } from '../residual/model-text.js';
import type { FfnData } from './data.js';
import { t } from '../../i18n/index.js';

/** Units are numbered from 0, as the columns of W₁ (and ffn-top.json) number them. */
export const unitName = (unit: number): string => `#${unit}`;

/** Tokens (rows) × the units that are some token's three most active (columns), activations after GELU. */
export function unitsHeatmap(data: FfnData): HeatmapInput {
	const rows = data.tokens.length;
	return {
		title: t('ffn.chart.title', { layer: layerName(data.layer, data.layers) }),
		subtitle: t('ffn.chart.subtitle', {
			text: textPreview(data.tokens),
			shown: data.chartUnits.length,
			dFF: data.dFF,
		}),
		footer: t('ffn.chart.footer'),
		rowLabels: data.tokens.map((t, i) => numberedLabel(t.text, i)),
		colLabels: data.chartUnits.map(unitName),
		values: data.chartValues,
		scale: 'diverging',
		legendTitle: t('ffn.chart.activation'),
		rowAxisTitle: t('ffn.chart.token'),
		colAxisTitle: t('ffn.chart.unit'),
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
		title: t('ffn.chart.repeatTitle', { token: label, first: i + 1, second: j + 1 }),
		subtitle: t('ffn.chart.repeatSubtitle', { layer: layerName(data.layer, data.layers), count: r.units.length }),
		categories: r.units.map(unitName),
		series: [
			{ name: t('ffn.chart.atPosition', { token: label, position: i + 1 }), values: r.values[0] },
			{ name: t('ffn.chart.atPosition', { token: label, position: j + 1 }), values: r.values[1] },
		],
		valueAxis: { title: t('ffn.chart.activation') },
		categoryAxis: { title: t('ffn.chart.unit') },
		width: 1200,
		height: 520,
	};
}
