import { divergingScale, formatNumber, type LineChartInput, type Scene } from '../../charts/index.js';
import type { PositionsData, PositionsMatrices } from './analysis.js';
import { layoutPanels } from './matrix-panel.js';
import { t } from '../../i18n/index.js';

const n = (x: number, digits = 2): string => x.toFixed(digits).replace(/^-/, '−');
const count = (x: number): string => x.toLocaleString('en-US', { maximumFractionDigits: 0 });

/** The sinusoidal encoding (positions × dimensions) and the dot product of every pair of positions. */
export function sinusoidalChart(data: PositionsData, m: PositionsMatrices): Scene {
	const { length, dims } = data;
	const half = dims / 2;
	return layoutPanels(
		{
			title: t('positions.chart.sinusoidalTitle', { length, dims }),
			subtitle: t('positions.chart.sinusoidalSubtitle', { dims, norm: n(Math.sqrt(half)) }),
			footer: t('positions.chart.sinusoidalFooter', {
				fastest: n(data.fastest),
				last: half - 1,
				slowest: count(data.slowest),
			}),
		},
		[
			{
				title: t('positions.chart.encodingPanel'),
				values: m.encoding,
				scale: divergingScale([], [-1, 1]),
				rowTitle: t('positions.chart.position'),
				colTitle: t('positions.chart.dimension'),
				legendTitle: t('positions.chart.value'),
			},
			{
				title: t('positions.chart.dotPanel', { max: formatNumber(half) }),
				values: m.encodingDot,
				scale: divergingScale([], [-half, half]),
				rowTitle: t('positions.chart.positionP'),
				colTitle: t('positions.chart.positionQ'),
				legendTitle: t('positions.chart.dot'),
				square: true,
			},
		],
	);
}

/** The `q` quantile of |values| (nearest rank), for a colour domain that a few outliers do not stretch. */
export function clipAt(values: readonly number[], q: number): number {
	const sorted = values.map(Math.abs).sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] || 1;
}

/** The model's learnt position table (first rows) and the cosine similarity of its rows. */
export function learntChart(data: PositionsData, m: PositionsMatrices): Scene {
	const rows = m.learnt.length;
	const { norms } = data.learnt;
	const cut =
		data.length > data.contextLength
			? t('positions.chart.cutAfter', { rows })
			: rows === data.contextLength
				? t('positions.chart.cutAll', { rows })
				: t('positions.chart.cutFirst', { rows, context: data.contextLength });
	const reach = clipAt(m.learnt.flat(), 0.99);
	return layoutPanels(
		{
			title: t('positions.chart.learntTitle', { cut, dModel: data.dModel }),
			subtitle: t('positions.chart.learntSubtitle', {
				min: n(norms.min),
				minAt: norms.minAt,
				max: n(norms.max),
				maxAt: norms.maxAt,
			}),
			footer: t('positions.chart.learntFooter', { reach: n(reach, 3) }),
		},
		[
			{
				title: t('positions.chart.learntPanel'),
				values: m.learnt,
				scale: divergingScale([], [-reach, reach]),
				rowTitle: t('positions.chart.position'),
				colTitle: t('positions.chart.dimension'),
				legendTitle: t('positions.chart.value'),
			},
			{
				title: t('positions.chart.cosinePanel'),
				values: m.learntCosine,
				scale: divergingScale([], [-1, 1]),
				rowTitle: t('positions.chart.positionP'),
				colTitle: t('positions.chart.positionQ'),
				legendTitle: t('positions.chart.cosine'),
				square: true,
			},
		],
	);
}

/** Mean cosine similarity of positions k apart, for both encodings. */
export function distanceChart(data: PositionsData): LineChartInput {
	return {
		title: t('positions.chart.distanceTitle'),
		subtitle: t('positions.chart.distanceSubtitle', {
			dims: data.dims,
			length: data.length,
			positions: data.learnt.positions,
		}),
		footer: t('positions.chart.distanceFooter'),
		series: [
			{ name: t('positions.chart.seriesSinusoidal', { dims: data.dims }), y: data.sinusoidal.curve },
			{ name: t('positions.chart.seriesLearnt', { dModel: data.dModel }), y: data.learnt.curve },
		],
		xTitle: t('positions.chart.distanceAxis'),
		xDomain: [0, Math.max(1, data.sinusoidal.curve.length - 1, data.learnt.curve.length - 1)],
		yTitle: t('positions.chart.meanCosine'),
		yDomain: [-1, 1],
		width: 1200,
		height: 560,
	};
}
