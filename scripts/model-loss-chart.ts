/**
 * The model card's loss curve, drawn with the chart toolkit's line chart: training loss per step (raw and a
 * centred 50-step moving average), validation loss at each evaluation, and the bigram and unigram baselines as dashed
 * lines, all in nats/token.
 */
import { renderLineChart } from '../src/charts/line-chart.js';

export interface LossChartInput {
	train: [number, number][];
	validation: [number, number][];
	baselines: { label: string; value: number; color: string }[];
	title: string;
	subtitle?: string;
	footer?: string;
}

/** Renders the chart as a PNG (1200×700). */
export function renderLossChart(input: LossChartInput): Promise<Buffer> {
	const smooth = movingAverage(input.train, 50);
	const lastStep = Math.max(1, ...input.train.map(([s]) => s), ...input.validation.map(([s]) => s));
	const values = [
		...input.train.map(([, l]) => l),
		...input.validation.map(([, l]) => l),
		...input.baselines.map((b) => b.value),
	];
	const yMax = Math.ceil(Math.max(...values) * 2) / 2;
	const yMin = Math.floor(Math.min(...values) * 2) / 2;
	return renderLineChart({
		title: input.title,
		subtitle: input.subtitle,
		footer: input.footer,
		xTitle: 'training step',
		yTitle: 'cross-entropy (nats/token)',
		yDomain: [yMin, yMax],
		xDomain: [0, lastStep],
		showPoints: false,
		width: 1200,
		height: 700,
		series: [
			{
				name: 'train loss (per step)',
				x: input.train.map(([s]) => s),
				y: input.train.map(([, l]) => l),
				color: '#93c5fd',
			},
			{
				name: 'train loss (centred 50-step average)',
				x: smooth.map(([s]) => s),
				y: smooth.map(([, l]) => l),
				color: '#1d4ed8',
			},
			{
				name: 'validation loss',
				x: input.validation.map(([s]) => s),
				y: input.validation.map(([, l]) => l),
				color: '#dc2626',
			},
			...input.baselines.map((b) => ({
				name: `${b.label} (validation)`,
				x: [0, lastStep],
				y: [b.value, b.value],
				color: b.color,
				dashed: true,
			})),
		],
	});
}

/** Centred moving average over up to `window` points (fewer at the ends), so the curve does not lag the data. */
export function movingAverage(series: readonly [number, number][], window: number): [number, number][] {
	const half = Math.floor(window / 2);
	const prefix = [0];
	for (const [, y] of series) prefix.push((prefix.at(-1) as number) + y);
	return series.map(([x], i) => {
		const from = Math.max(0, i - half);
		const to = Math.min(series.length, i + half + 1);
		return [x, ((prefix[to] as number) - (prefix[from] as number)) / (to - from)];
	});
}
