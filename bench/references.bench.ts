import { layoutBarChart, type BarChartInput } from '../src/charts/bar-chart.js';
import { encodePngSync } from '../src/charts/png.js';
import { renderScene } from '../src/charts/render.js';
import { median, timeRuns, type BenchRow, type BenchSuite } from './types.js';

const RUNS = 21;
const WIDTH = 1200;
const HEIGHT = 600;

/** The next-token bar chart /sample draws: the 12 likeliest tokens after a prompt and their probabilities. */
const TOKENS = [
	' mat',
	' floor',
	' sofa',
	' bed',
	' chair',
	' table',
	' roof',
	' rug',
	' window',
	' box',
	' grass',
	' lap',
];
const PROBS = [0.31, 0.17, 0.11, 0.08, 0.07, 0.05, 0.04, 0.035, 0.03, 0.025, 0.02, 0.015];
const TITLE = 'Next token after “The cat sat on the”';

/** The part of chartjs-node-canvas's API the benchmark uses. */
type ChartJSNodeCanvasClass = new (options: { width: number; height: number; backgroundColour: string }) => {
	renderToBuffer(configuration: unknown, mimeType: 'image/png'): Promise<Buffer>;
};

/**
 * Chart rendering against the usual Node choice, chartjs-node-canvas (Chart.js on node-canvas, i.e. Cairo), drawing
 * the same bar chart (12 bars, title, axis titles, value axis 0–35 %) at 1200×600 to a PNG, median of 21 runs after
 * 3 warm-ups. Ours: layout + Skia (@napi-rs/canvas) draw + our PNG encoder, the production path. chartjs-node-canvas
 * needs the `canvas` package, built from source against Cairo (optionalDependencies; apt: libcairo2-dev
 * libpango1.0-dev libjpeg-dev libgif-dev librsvg2-dev): without it this row says so instead of a number.
 */
const suite: BenchSuite = {
	area: 'references',
	async run(): Promise<BenchRow[]> {
		const input: BarChartInput = {
			title: TITLE,
			categories: TOKENS,
			series: [{ name: 'probability', values: PROBS }],
			valueAxis: { title: 'probability', format: 'percent', domain: [0, 0.35] },
			categoryAxis: { title: 'token' },
			width: WIDTH,
			height: HEIGHT,
		};
		const ours = median(
			await timeRuns(() => {
				const canvas = renderScene(layoutBarChart(input));
				return encodePngSync(canvas.data(), canvas.width, canvas.height);
			}, RUNS),
		);
		let ChartJSNodeCanvas: ChartJSNodeCanvasClass;
		try {
			// An optional dependency that only installs where Cairo is: named through a variable so the type check
			// (part of `npm test`) does not need it.
			const name = 'chartjs-node-canvas';
			({ ChartJSNodeCanvas } = (await import(name)) as { ChartJSNodeCanvas: ChartJSNodeCanvasClass });
		} catch (error) {
			return [
				{
					name: `chart: bar chart 1200×600 → PNG, ours (chartjs-node-canvas unavailable: ${(error as Error).message.split('\n')[0]})`,
					value: ours,
					unit: 'ms',
				},
			];
		}
		const chartjs = new ChartJSNodeCanvas({ width: WIDTH, height: HEIGHT, backgroundColour: 'white' });
		const config = {
			type: 'bar' as const,
			data: {
				labels: TOKENS,
				datasets: [{ label: 'probability', data: PROBS.map((p) => p * 100), backgroundColor: '#4C72B0' }],
			},
			options: {
				animation: false as const,
				plugins: { title: { display: true, text: TITLE }, legend: { display: false } },
				scales: {
					y: { min: 0, max: 35, title: { display: true, text: 'probability (%)' } },
					x: { title: { display: true, text: 'token' } },
				},
			},
		};
		const theirs = median(await timeRuns(() => chartjs.renderToBuffer(config, 'image/png'), RUNS));
		return [
			{
				name: 'chart: the same 12-bar chart 1200×600 → PNG, ours (layout + Skia + our encoder; median)',
				value: ours,
				unit: 'ms',
				reference: { name: 'chartjs-node-canvas (Chart.js on Cairo)', value: theirs, unit: 'ms' },
				ratio: theirs / ours,
				note: 'speed-up, higher is better',
			},
		];
	},
};

export default suite;
