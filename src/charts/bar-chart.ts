import { t } from '../i18n/index.js';
import { linearScale, xAxisItems, xAxisMargin, xAxisTitle, yAxisItems, yAxisMargin, type Scale } from './axes.js';
import { mix } from './color.js';
import { cardScene, layoutFooter, layoutHeader, type Box, type ChartText } from './frame.js';
import { layoutLegend, type LegendEntry } from './legend.js';
import { sceneToPng } from './render.js';
import type { Scene, SceneItem } from './scene.js';
import { measureText, truncate, type TextMeasurer } from './text.js';
import type { FontSpec } from './fonts.js';
import { categorical, HIGHLIGHT, THEME } from './theme.js';
import { formatNumber, type NumberFormat } from './ticks.js';

export interface BarSeries {
	name: string;
	values: readonly number[];
	/** Defaults to the palette colour of the series' position. */
	color?: string;
}

export interface BarChartInput extends ChartText {
	categories: readonly string[];
	/** One series, or two to compare (before/after); each has one value per category. */
	series: readonly BarSeries[];
	/** Bars grow up from a category axis at the bottom (default) or right from one at the left. */
	orientation?: 'vertical' | 'horizontal';
	/** Marks one category (e.g. the sampled token): outlined, its label bold, and `label` printed by the bars. */
	highlight?: { index: number; label?: string };
	/** Categories after `afterIndex` are dimmed (filtered out, e.g. by top-k), with a dashed line at the boundary. */
	cutoff?: { afterIndex: number; label: string };
	/** A dashed line across the value axis (e.g. a min-p threshold). */
	threshold?: { value: number; label: string };
	/** A line on a secondary value axis at the right (vertical charts only), e.g. cumulative probability. */
	line?: { name: string; values: readonly number[]; format?: NumberFormat; domain?: [number, number]; color?: string };
	valueAxis?: { title?: string; format?: NumberFormat; domain?: [number, number] };
	categoryAxis?: { title?: string };
	/** Print each bar's value at its end (default: one series and at most 24 bars). */
	showValues?: boolean;
	width?: number;
	height?: number;
}

const DIM = 0.62;
const LINE_COLOR = categorical(4);

/**
 * The value text printed on a bar: percent with one decimal (two significant digits below 0.1%, so a tiny
 * probability never prints as 0.0%), or three significant digits.
 */
export function barValueLabel(value: number, format: NumberFormat = 'number'): string {
	if (format !== 'percent') return formatNumber(value);
	const percent = value * 100;
	return `${Math.abs(percent) >= 0.1 || percent === 0 ? percent.toFixed(1) : formatNumber(percent, 2)}%`.replace(
		/^-/,
		'−',
	);
}

/** A category label's font: bold for the highlighted one. Measured and drawn with the same font, so a bold label fits. */
function labelFontOf(input: BarChartInput): (index: number) => FontSpec {
	const bold = { ...THEME.fonts.label, weight: 'bold' as const };
	return (index) => (input.highlight?.index === index ? bold : THEME.fonts.label);
}

/** Lays out a bar chart (see BarChartInput) as a scene. Throws on inconsistent input lengths. */
export function layoutBarChart(input: BarChartInput, measure: TextMeasurer = measureText): Scene {
	const n = input.categories.length;
	for (const s of input.series)
		if (s.values.length !== n)
			throw new Error(`bar chart: series "${s.name}" has ${s.values.length} values for ${n} categories`);
	if (input.line && input.line.values.length !== n)
		throw new Error(`bar chart: line has ${input.line.values.length} values for ${n} categories`);
	const horizontal = input.orientation === 'horizontal';
	if (horizontal && input.line) throw new Error('bar chart: a secondary line needs the vertical orientation');
	const width = input.width ?? 1200;
	const height = input.height ?? 600;
	const { padding } = THEME;
	const format = input.valueAxis?.format ?? 'number';
	const header = layoutHeader(input, width, measure);
	const footer = layoutFooter(input, width, height, measure);
	const items: SceneItem[] = [...header.items];

	const legendEntries: LegendEntry[] = input.series.map((s, i) => ({
		label: s.name,
		color: s.color ?? categorical(i),
		shape: 'rect',
	}));
	if (input.line) legendEntries.push({ label: input.line.name, color: input.line.color ?? LINE_COLOR, shape: 'line' });
	if (input.highlight?.label) legendEntries.push({ label: input.highlight.label, color: HIGHLIGHT, shape: 'outline' });
	const showLegend = input.series.length > 1 || input.line !== undefined || input.highlight?.label !== undefined;
	const legend = showLegend
		? layoutLegend(legendEntries, padding, header.bottom - 8, width - 2 * padding, measure)
		: { items: [], height: 0 };
	items.push(...legend.items);
	const top = header.bottom + (legend.height > 0 ? legend.height + 4 : 0);
	const bottom = height - padding - footer.height;

	const values = input.series.flatMap((s) => s.values).filter(Number.isFinite);
	const domain = input.valueAxis?.domain ?? [
		Math.min(0, ...values),
		Math.max(0, ...values, input.threshold?.value ?? 0),
	];
	const showValues = input.showValues ?? (input.series.length === 1 && n <= 24);

	if (horizontal) {
		const fontOf = labelFontOf(input);
		const labels = input.categories.map((c, i) => truncate(c, width * 0.25, fontOf(i), measure));
		const labelW = Math.max(0, ...labels.map((l, i) => measure(l, fontOf(i))));
		const valueRoom = showValues
			? Math.max(0, ...values.map((v) => measure(barValueLabel(v, format), THEME.fonts.tick))) + 14
			: 12;
		const plot: Box = {
			x: padding + (input.categoryAxis?.title ? THEME.fonts.axisTitle.size + 12 : 0) + labelW + 10,
			y: top,
			w: 0,
			h: 0,
		};
		plot.w = width - padding - valueRoom - plot.x;
		plot.h = bottom - xAxisMargin(input.valueAxis?.title) - top;
		const scale = linearScale(domain, [plot.x, plot.x + plot.w], { format, nice: !input.valueAxis?.domain });
		items.push(...xAxisItems(scale, plot, input.valueAxis?.title));
		items.push(...bars(input, plot, scale, labels, true, showValues, format, true, valueRoom));
		if (input.categoryAxis?.title) {
			items.push({
				kind: 'text',
				role: 'left-axis-title',
				x: padding + THEME.fonts.axisTitle.size / 2,
				y: plot.y + plot.h / 2,
				text: input.categoryAxis.title,
				font: THEME.fonts.axisTitle,
				color: THEME.textMuted,
				align: 'center',
				baseline: 'middle',
				rotate: -Math.PI / 2,
			});
		}
	} else {
		const plot: Box = { x: 0, y: top + (showValues || input.highlight || input.cutoff ? 22 : 0), w: 0, h: 0 };
		const probe = linearScale(domain, [0, 1], { format, nice: !input.valueAxis?.domain });
		plot.x = padding + yAxisMargin(probe, input.valueAxis?.title, measure);
		const lineFormat = input.line?.format ?? 'percent';
		const lineScaleProbe = input.line
			? linearScale(input.line.domain ?? [0, 1], [0, 1], { format: lineFormat, nice: !input.line.domain })
			: undefined;
		const right = lineScaleProbe ? yAxisMargin(lineScaleProbe, input.line!.name, measure) : 0;
		plot.w = width - padding - right - plot.x;
		const band = plot.w / Math.max(1, n);
		const labelFont = THEME.fonts.label;
		const fontOf = labelFontOf(input);
		const fits = input.categories.every((c, i) => measure(c, fontOf(i)) <= band - 4);
		const rotatedMax = Math.min(160, (height - top) * 0.3);
		const labels = input.categories.map((c, i) => truncate(c, fits ? band - 4 : rotatedMax, fontOf(i), measure));
		const labelH = fits
			? labelFont.size + 10
			: Math.max(...labels.map((l, i) => measure(l, fontOf(i)))) * Math.SQRT1_2 + labelFont.size + 8;
		plot.h = bottom - (input.categoryAxis?.title ? THEME.fonts.axisTitle.size + 14 : 0) - labelH - plot.y;
		const scale = linearScale(domain, [plot.y + plot.h, plot.y], { format, nice: !input.valueAxis?.domain });
		items.push(...yAxisItems(scale, plot, { side: 'left', title: input.valueAxis?.title }, measure));
		items.push(...bars(input, plot, scale, labels, false, showValues, format, fits));
		if (input.categoryAxis?.title)
			items.push({
				...xAxisTitle({ ...plot, h: plot.h + labelH - THEME.fonts.tick.size - 10 }, input.categoryAxis.title),
			});
		if (input.line && lineScaleProbe) {
			const lineScale = linearScale(input.line.domain ?? [0, 1], [plot.y + plot.h, plot.y], {
				format: lineFormat,
				nice: !input.line.domain,
			});
			const color = input.line.color ?? LINE_COLOR;
			items.push(
				...yAxisItems(lineScale, plot, { side: 'right', title: input.line.name, grid: false, color }, measure),
			);
			const points = input.line.values.flatMap((v, i) => [plot.x + band * (i + 0.5), lineScale.map(v)]);
			items.push({ kind: 'polyline', role: 'line', points, color, width: 2.5 });
			input.line.values.forEach((v, i) =>
				items.push({
					kind: 'circle',
					role: 'line-point',
					cx: plot.x + band * (i + 0.5),
					cy: lineScale.map(v),
					r: 3.5,
					fill: color,
				}),
			);
		}
	}
	items.push(...footer.items);
	const described = input.categories
		.slice(0, 10)
		.map((c, i) => `${c} ${input.series.map((s) => barValueLabel(s.values[i]!, format)).join('/')}`);
	const shown = `${described.join(', ')}${n > 10 ? ', …' : ''}`;
	return cardScene(width, height, items, t('charts.alt.bar', { title: input.title, values: shown }));
}

/** Bars, category labels, value labels, highlight, cut-off and threshold, for either orientation. */
function bars(
	input: BarChartInput,
	plot: Box,
	scale: Scale,
	labels: string[],
	horizontal: boolean,
	showValues: boolean,
	format: NumberFormat,
	labelsFit = true,
	valueRoom = 0,
): SceneItem[] {
	const items: SceneItem[] = [];
	const n = input.categories.length;
	const band = (horizontal ? plot.h : plot.w) / Math.max(1, n);
	const group = band * 0.74;
	const barSize = group / Math.max(1, input.series.length);
	const zero = scale.map(Math.max(scale.domain[0], Math.min(scale.domain[1], 0)));
	const dimmed = (i: number): boolean => input.cutoff !== undefined && i > input.cutoff.afterIndex;
	const fontOf = labelFontOf(input);
	for (let i = 0; i < n; i++) {
		const start = (horizontal ? plot.y : plot.x) + band * i + (band - group) / 2;
		const highlighted = input.highlight?.index === i;
		input.series.forEach((s, k) => {
			const value = s.values[i]!;
			const end = scale.map(value);
			const base = s.color ?? categorical(k);
			const fill = dimmed(i) ? mix(base, THEME.background, DIM) : base;
			const pos = start + k * barSize;
			const rect = horizontal
				? { x: Math.min(zero, end), y: pos, w: Math.abs(end - zero), h: barSize - 1 }
				: { x: pos, y: Math.min(zero, end), w: barSize - 1, h: Math.abs(end - zero) };
			items.push({ kind: 'rect', role: 'bar', ...rect, fill });
			if (showValues) {
				const text = barValueLabel(value, format);
				const color = dimmed(i) ? THEME.textFaint : THEME.text;
				items.push(
					horizontal
						? {
								kind: 'text',
								role: 'bar-value',
								x: Math.max(zero, end) + 6,
								y: pos + barSize / 2,
								text,
								font: THEME.fonts.tick,
								color,
								align: 'left',
								baseline: 'middle',
							}
						: {
								kind: 'text',
								role: 'bar-value',
								x: pos + barSize / 2,
								y: Math.min(zero, end) - 5,
								text,
								font: THEME.fonts.tick,
								color,
								align: 'center',
								baseline: 'bottom',
							},
				);
			}
		});
		const font = fontOf(i);
		const color = highlighted ? HIGHLIGHT : dimmed(i) ? THEME.textFaint : THEME.text;
		const mid = (horizontal ? plot.y : plot.x) + band * (i + 0.5);
		const text = labels[i]!;
		if (horizontal)
			items.push({
				kind: 'text',
				role: 'category-label',
				x: plot.x - 10,
				y: mid,
				text,
				font,
				color,
				align: 'right',
				baseline: 'middle',
			});
		else if (labelsFit)
			items.push({
				kind: 'text',
				role: 'category-label',
				x: mid,
				y: plot.y + plot.h + 8,
				text,
				font,
				color,
				align: 'center',
				baseline: 'top',
			});
		else
			items.push({
				kind: 'text',
				role: 'category-label',
				x: mid + 4,
				y: plot.y + plot.h + 8,
				text,
				font,
				color,
				align: 'right',
				baseline: 'middle',
				rotate: -Math.PI / 4,
			});
		if (highlighted) {
			const outline = horizontal
				? { x: plot.x - 2, y: start - 3, w: plot.w + valueRoom, h: group + 6 }
				: { x: start - 3, y: plot.y - 2, w: group + 6, h: plot.h + 4 };
			items.push({ kind: 'rect', role: 'highlight', ...outline, stroke: HIGHLIGHT, lineWidth: 2, radius: 4 });
		}
	}
	items.push({
		kind: 'line',
		role: 'baseline',
		...(horizontal
			? { x1: zero, y1: plot.y, x2: zero, y2: plot.y + plot.h }
			: { x1: plot.x, y1: zero, x2: plot.x + plot.w, y2: zero }),
		color: THEME.axis,
		width: 1,
	});
	if (input.cutoff && input.cutoff.afterIndex < n - 1) {
		const at = (horizontal ? plot.y : plot.x) + band * (input.cutoff.afterIndex + 1);
		items.push({
			kind: 'line',
			role: 'cutoff',
			...(horizontal
				? { x1: plot.x, y1: at, x2: plot.x + plot.w, y2: at }
				: { x1: at, y1: plot.y, x2: at, y2: plot.y + plot.h }),
			color: THEME.textMuted,
			width: 1.5,
			dash: [6, 4],
		});
		items.push(
			horizontal
				? {
						kind: 'text',
						role: 'cutoff-label',
						x: plot.x + plot.w,
						y: at + 4,
						text: input.cutoff.label,
						font: THEME.fonts.tick,
						color: THEME.textMuted,
						align: 'right',
						baseline: 'top',
					}
				: {
						kind: 'text',
						role: 'cutoff-label',
						x: at + 6,
						y: plot.y - 6,
						text: input.cutoff.label,
						font: THEME.fonts.tick,
						color: THEME.textMuted,
						align: 'left',
						baseline: 'bottom',
					},
		);
	}
	if (input.threshold) {
		const at = scale.map(input.threshold.value);
		items.push({
			kind: 'line',
			role: 'threshold',
			...(horizontal
				? { x1: at, y1: plot.y, x2: at, y2: plot.y + plot.h }
				: { x1: plot.x, y1: at, x2: plot.x + plot.w, y2: at }),
			color: categorical(5),
			width: 1.5,
			dash: [6, 4],
		});
		items.push(
			horizontal
				? {
						kind: 'text',
						role: 'threshold-label',
						x: at + 4,
						y: plot.y - 4,
						text: input.threshold.label,
						font: THEME.fonts.tick,
						color: categorical(5),
						align: 'left',
						baseline: 'bottom',
					}
				: {
						kind: 'text',
						role: 'threshold-label',
						x: plot.x + plot.w - 4,
						y: at - 4,
						text: input.threshold.label,
						font: THEME.fonts.tick,
						color: categorical(5),
						align: 'right',
						baseline: 'bottom',
					},
		);
	}
	return items;
}

/** Renders a bar chart to PNG. */
export async function renderBarChart(input: BarChartInput): Promise<Buffer> {
	return sceneToPng(layoutBarChart(input));
}
