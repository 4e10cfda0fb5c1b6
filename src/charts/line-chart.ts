import { t } from '../i18n/index.js';
import { linearScale, logScale, xAxisItems, xAxisMargin, yAxisItems, yAxisMargin, type Scale } from './axes.js';
import { extent } from './color-scales.js';
import { cardScene, layoutFooter, layoutHeader, type Box, type ChartText } from './frame.js';
import { layoutLegend } from './legend.js';
import { sceneToPng } from './render.js';
import type { Scene, SceneItem } from './scene.js';
import { measureText, type TextMeasurer } from './text.js';
import { categorical, THEME } from './theme.js';
import type { NumberFormat } from './ticks.js';

export interface LineSeries {
	name: string;
	/** x values; default 0, 1, 2, … (e.g. positions, or steps when logged every step). */
	x?: readonly number[];
	/** y values; NaN (and, on a log axis, values ≤ 0) break the line. */
	y: readonly number[];
	color?: string;
	dashed?: boolean;
}

export interface LineChartInput extends ChartText {
	series: readonly LineSeries[];
	xTitle?: string;
	yTitle?: string;
	yScale?: 'linear' | 'log';
	xDomain?: [number, number];
	yDomain?: [number, number];
	yFormat?: NumberFormat;
	/** Dots at each data point (default: when every series has at most 40 points). */
	showPoints?: boolean;
	width?: number;
	height?: number;
}

/** The drawable runs of a series: consecutive points with finite pixel positions, as flat x, y arrays. */
export function segments(xs: readonly number[], ys: readonly number[], xScale: Scale, yScale: Scale): number[][] {
	const runs: number[][] = [];
	let run: number[] = [];
	for (let i = 0; i < ys.length; i++) {
		const x = xs[i]!;
		const y = ys[i]!;
		const ok = Number.isFinite(x) && Number.isFinite(y) && (yScale.kind !== 'log' || y > 0);
		if (ok) run.push(xScale.map(x), yScale.map(y));
		else if (run.length > 0) {
			runs.push(run);
			run = [];
		}
	}
	if (run.length > 0) runs.push(run);
	return runs;
}

/** Lays out a line chart: several series, a legend when more than one, linear or log y, nice ticks on both axes. */
export function layoutLineChart(input: LineChartInput, measure: TextMeasurer = measureText): Scene {
	const width = input.width ?? 1200;
	const height = input.height ?? 600;
	const { padding } = THEME;
	const header = layoutHeader(input, width, measure);
	const footer = layoutFooter(input, width, height, measure);
	const items: SceneItem[] = [...header.items];
	const xsOf = (s: LineSeries): readonly number[] => s.x ?? s.y.map((_, i) => i);
	for (const s of input.series)
		if (s.x && s.x.length !== s.y.length)
			throw new Error(`line chart: series "${s.name}" has ${s.x.length} x and ${s.y.length} y values`);
	const colors = input.series.map((s, i) => s.color ?? categorical(i));
	const legend =
		input.series.length > 1
			? layoutLegend(
					input.series.map((s, i) => ({ label: s.name, color: colors[i]!, shape: s.dashed ? 'dashed' : 'line' })),
					padding,
					header.bottom - 8,
					width - 2 * padding,
					measure,
				)
			: { items: [], height: 0 };
	items.push(...legend.items);
	const top = header.bottom + (legend.height > 0 ? legend.height + 8 : 0);

	const log = input.yScale === 'log';
	const xDomain = input.xDomain ?? extent(input.series.flatMap((s) => [...xsOf(s)]));
	const yValues = input.series.flatMap((s) => s.y.filter((v) => Number.isFinite(v) && (!log || v > 0)));
	const yDomain = input.yDomain ?? extent(yValues);
	const makeY = (range: [number, number]): Scale =>
		log ? logScale(yDomain, range) : linearScale(yDomain, range, { format: input.yFormat, nice: !input.yDomain });
	const plot: Box = { x: padding + yAxisMargin(makeY([1, 0]), input.yTitle, measure), y: top, w: 0, h: 0 };
	plot.w = width - padding - plot.x - 8;
	plot.h = height - padding - footer.height - xAxisMargin(input.xTitle) - top;
	const xScale = linearScale(xDomain, [plot.x, plot.x + plot.w], { nice: !input.xDomain, ticks: 8 });
	const yScale = makeY([plot.y + plot.h, plot.y]);
	items.push(...yAxisItems(yScale, plot, { side: 'left', title: input.yTitle }, measure));
	items.push(...xAxisItems(xScale, plot, input.xTitle));
	items.push({
		kind: 'line',
		role: 'baseline',
		x1: plot.x,
		y1: plot.y + plot.h,
		x2: plot.x + plot.w,
		y2: plot.y + plot.h,
		color: THEME.axis,
		width: 1,
	});
	if (!log && yScale.domain[0] < 0 && yScale.domain[1] > 0) {
		items.push({
			kind: 'line',
			role: 'zero-line',
			x1: plot.x,
			y1: yScale.map(0),
			x2: plot.x + plot.w,
			y2: yScale.map(0),
			color: THEME.axis,
			width: 1,
		});
	}
	const showPoints = input.showPoints ?? input.series.every((s) => s.y.length <= 40);
	input.series.forEach((s, i) => {
		for (const points of segments(xsOf(s), s.y, xScale, yScale)) {
			items.push({
				kind: 'polyline',
				role: 'series',
				points,
				color: colors[i]!,
				width: 2.5,
				...(s.dashed ? { dash: [7, 5] } : {}),
			});
			if (showPoints)
				for (let k = 0; k < points.length; k += 2)
					items.push({
						kind: 'circle',
						role: 'series-point',
						cx: points[k]!,
						cy: points[k + 1]!,
						r: 3,
						fill: colors[i]!,
					});
		}
	});
	items.push(...footer.items);
	const names = input.series.map((s) => s.name).join(', ');
	return cardScene(
		width,
		height,
		items,
		t(log ? 'charts.alt.lineLog' : 'charts.alt.line', { title: input.title, series: names }),
	);
}

/** Renders a line chart to PNG. */
export async function renderLineChart(input: LineChartInput): Promise<Buffer> {
	return sceneToPng(layoutLineChart(input));
}
