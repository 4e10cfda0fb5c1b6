import { t } from '../i18n/index.js';
import { linearScale, xAxisItems, xAxisMargin, xAxisTitle, yAxisItems, yAxisMargin } from './axes.js';
import { barValueLabel, labelFontOf, type BarChartInput } from './bar-input.js';
import { bars } from './bars.js';
import { cardScene, layoutFooter, layoutHeader, type Box } from './frame.js';
import { layoutLegend, type LegendEntry } from './legend.js';
import { sceneToPng } from './render.js';
import type { Scene, SceneItem } from './scene.js';
import { measureText, truncate, type TextMeasurer } from './text.js';
import { categorical, HIGHLIGHT, THEME } from './theme.js';

export { barValueLabel, type BarChartInput, type BarSeries } from './bar-input.js';

const LINE_COLOR = categorical(4);

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

/** Renders a bar chart to PNG. */
export async function renderBarChart(input: BarChartInput): Promise<Buffer> {
	return sceneToPng(layoutBarChart(input));
}
