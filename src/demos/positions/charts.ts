import { divergingScale, formatNumber, type LineChartInput, type Scene } from '../../charts/index.js';
import type { PositionsData, PositionsMatrices } from './analysis.js';
import { layoutPanels } from './matrix-panel.js';

const n = (x: number, digits = 2): string => x.toFixed(digits).replace(/^-/, '−');
const count = (x: number): string => x.toLocaleString('en-US', { maximumFractionDigits: 0 });

/** The sinusoidal encoding (positions × dimensions) and the dot product of every pair of positions. */
export function sinusoidalChart(data: PositionsData, m: PositionsMatrices): Scene {
	const { length, dims } = data;
	const half = dims / 2;
	return layoutPanels(
		{
			title: `Sinusoidal positional encoding: ${length} positions × ${dims} dimensions`,
			subtitle: `PE(pos, 2i) = sin(pos / 10000^(2i/${dims})), PE(pos, 2i+1) = cos(…). Every row has length √(d/2) = ${n(Math.sqrt(half))}, and PE(p)·PE(q) = Σᵢ cos(ωᵢ·(p − q)) depends only on the distance p − q.`,
			footer: `Pair 0 (the first two columns) repeats every ${n(data.fastest)} positions; pair ${half - 1} (the last two) every ${count(data.slowest)}. Nearby rows share the slow columns, so their dot product is high.`,
		},
		[
			{
				title: 'PE: row = position, column = dimension',
				values: m.encoding,
				scale: divergingScale([], [-1, 1]),
				rowTitle: 'position',
				colTitle: 'dimension',
				legendTitle: 'value',
			},
			{
				title: `Dot product PE(p)·PE(q) (max ${formatNumber(half)} = d/2)`,
				values: m.encodingDot,
				scale: divergingScale([], [-half, half]),
				rowTitle: 'position p',
				colTitle: 'position q',
				legendTitle: 'dot',
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
			? `all ${rows} positions (the model has none later)`
			: rows === data.contextLength
				? `all ${rows} positions`
				: `the first ${rows} of its ${data.contextLength} positions`;
	const reach = clipAt(m.learnt.flat(), 0.99);
	return layoutPanels(
		{
			title: `Learnt position embeddings of our tiny-gpt: ${cut} × ${data.dModel} dimensions`,
			subtitle: `Trained with the model (no formula): row p is added to the token embedding at position p. Right: cosine similarity, because the rows' lengths differ (${n(norms.min)} at position ${norms.minAt} to ${n(norms.max)} at ${norms.maxAt}).`,
			footer: `Left: colours end at ±${n(reach, 3)}, the 99th percentile of |value|, so the few larger values do not wash out the rest. Read with the sinusoidal chart: there every row has the same length and similarity depends only on the distance.`,
		},
		[
			{
				title: 'Learnt table: row = position, column = dimension',
				values: m.learnt,
				scale: divergingScale([], [-reach, reach]),
				rowTitle: 'position',
				colTitle: 'dimension',
				legendTitle: 'value',
			},
			{
				title: 'Cosine similarity of positions p and q',
				values: m.learntCosine,
				scale: divergingScale([], [-1, 1]),
				rowTitle: 'position p',
				colTitle: 'position q',
				legendTitle: 'cosine',
				square: true,
			},
		],
	);
}

/** Mean cosine similarity of positions k apart, for both encodings. */
export function distanceChart(data: PositionsData): LineChartInput {
	return {
		title: 'How alike are positions k apart?',
		subtitle: `Mean cosine similarity of every pair of positions at distance k: sinusoidal (d = ${data.dims}, ${data.length} positions) and our model's learnt table (${data.learnt.positions} positions).`,
		footer:
			'Sinusoidal: exactly (1/(d/2))·Σᵢ cos(ωᵢ·k) for every pair. Learnt: an average over the pairs, which differ from one another.',
		series: [
			{ name: `sinusoidal, d = ${data.dims}`, y: data.sinusoidal.curve },
			{ name: `learnt, d = ${data.dModel}`, y: data.learnt.curve },
		],
		xTitle: 'distance k = |p − q| (positions)',
		xDomain: [0, Math.max(1, data.sinusoidal.curve.length - 1, data.learnt.curve.length - 1)],
		yTitle: 'mean cosine',
		yDomain: [-1, 1],
		width: 1200,
		height: 560,
	};
}
