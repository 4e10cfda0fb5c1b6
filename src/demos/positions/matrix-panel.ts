import { cardScene, layoutFooter, layoutHeader, type Box, type ChartText } from '../../charts/frame.js';
import { colorBarWidth, layoutColorBar } from '../../charts/legend.js';
import {
	measureText,
	niceTicks,
	THEME,
	truncate,
	type ColorScale,
	type NumberFormat,
	type Scene,
	type SceneItem,
	type TextMeasurer,
} from '../../charts/index.js';
import { t } from '../../i18n/index.js';

/** One matrix drawn as coloured cells in a box: rows top to bottom, columns left to right, numbered axes, a colour bar. */
export interface MatrixPanel {
	title: string;
	values: readonly (readonly number[])[];
	scale: ColorScale;
	rowTitle: string;
	colTitle: string;
	legendTitle?: string;
	format?: NumberFormat;
	/** Square cells (a position × position similarity); otherwise the cells stretch to fill the box. */
	square?: boolean;
	/** The number printed for row or column index i (default i). */
	rowLabel?: (i: number) => string;
	colLabel?: (i: number) => string;
}

const BAR_W = 14;
const TITLE = THEME.fonts.heading;
const TICK = THEME.fonts.tick;

/** Integer ticks on [0, n − 1], about `count` of them, at a nice step of at least 1. */
export function indexTicks(n: number, count = 6): number[] {
	if (n <= 1) return [0];
	return niceTicks(0, n - 1, count).filter((t) => Number.isInteger(t));
}

/** The cell colours of a matrix, row-major. */
export function matrixFills(values: readonly (readonly number[])[], scale: ColorScale): string[] {
	return values.flatMap((row) => row.map((v) => scale.color(v)));
}

/** Lays out one panel inside `box` (see {@link MatrixPanel}); pure, so tests can check positions and colours. */
export function layoutMatrixPanel(panel: MatrixPanel, box: Box, measure: TextMeasurer = measureText): SceneItem[] {
	const rows = panel.values.length;
	const cols = panel.values[0]?.length ?? 0;
	const format = panel.format ?? 'number';
	const rowLabel = panel.rowLabel ?? String;
	const colLabel = panel.colLabel ?? String;
	const rowTicks = indexTicks(rows);
	const colTicks = indexTicks(cols);
	const items: SceneItem[] = [];
	items.push({
		kind: 'text',
		role: 'panel-title',
		x: box.x,
		y: box.y,
		text: truncate(panel.title, box.w, TITLE, measure),
		font: TITLE,
		color: THEME.text,
		align: 'left',
		baseline: 'top',
	});
	const tickW = Math.max(0, ...rowTicks.map((t) => measure(rowLabel(t), TICK)));
	const legendW = Math.max(
		colorBarWidth(panel.scale, BAR_W, format, measure),
		panel.legendTitle ? measure(panel.legendTitle, TICK) : 0,
	);
	const left = box.x + THEME.fonts.axisTitle.size + 10 + tickW + 8;
	const top = box.y + TITLE.size + 16 + (panel.legendTitle ? 4 : 0);
	const right = box.x + box.w - legendW - 24;
	const bottom = box.y + box.h - (TICK.size + 10) - (THEME.fonts.axisTitle.size + 10);
	let plot: Box = { x: left, y: top, w: Math.max(1, right - left), h: Math.max(1, bottom - top) };
	if (panel.square) {
		const side = Math.min(plot.w / cols, plot.h / rows);
		plot = { x: left, y: top, w: side * cols, h: side * rows };
	}
	const cw = plot.w / cols;
	const ch = plot.h / rows;
	items.push({
		kind: 'cells',
		role: 'cells',
		x: plot.x,
		y: plot.y,
		cellWidth: cw,
		cellHeight: ch,
		rows,
		cols,
		fills: matrixFills(panel.values, panel.scale),
		gap: 0,
	});
	items.push({
		kind: 'rect',
		role: 'plot-frame',
		x: plot.x,
		y: plot.y,
		w: plot.w,
		h: plot.h,
		stroke: THEME.axis,
		lineWidth: 1,
	});
	for (const t of rowTicks) {
		const y = plot.y + (t + 0.5) * ch;
		items.push({
			kind: 'line',
			role: 'row-tick',
			x1: plot.x - 5,
			y1: y,
			x2: plot.x,
			y2: y,
			color: THEME.axis,
			width: 1,
		});
		items.push({
			kind: 'text',
			role: 'row-tick-label',
			x: plot.x - 8,
			y,
			text: rowLabel(t),
			font: TICK,
			color: THEME.textMuted,
			align: 'right',
			baseline: 'middle',
		});
	}
	for (const t of colTicks) {
		const x = plot.x + (t + 0.5) * cw;
		items.push({
			kind: 'line',
			role: 'col-tick',
			x1: x,
			y1: plot.y + plot.h,
			x2: x,
			y2: plot.y + plot.h + 5,
			color: THEME.axis,
			width: 1,
		});
		items.push({
			kind: 'text',
			role: 'col-tick-label',
			x,
			y: plot.y + plot.h + 8,
			text: colLabel(t),
			font: TICK,
			color: THEME.textMuted,
			align: 'center',
			baseline: 'top',
		});
	}
	items.push({
		kind: 'text',
		role: 'row-axis-title',
		x: box.x + THEME.fonts.axisTitle.size / 2,
		y: plot.y + plot.h / 2,
		text: panel.rowTitle,
		font: THEME.fonts.axisTitle,
		color: THEME.textMuted,
		align: 'center',
		baseline: 'middle',
		rotate: -Math.PI / 2,
	});
	items.push({
		kind: 'text',
		role: 'col-axis-title',
		x: plot.x + plot.w / 2,
		y: plot.y + plot.h + TICK.size + 16,
		text: panel.colTitle,
		font: THEME.fonts.axisTitle,
		color: THEME.textMuted,
		align: 'center',
		baseline: 'top',
	});
	const barH = Math.min(plot.h, 320);
	items.push(
		...layoutColorBar(
			panel.scale,
			{ x: plot.x + plot.w + 18, y: plot.y + (plot.h - barH) / 2, w: BAR_W, h: barH },
			panel.legendTitle,
			format,
		),
	);
	return items;
}

/** Panels side by side under one title, each with its own axes and colour bar. */
export function layoutPanels(
	text: ChartText,
	panels: readonly MatrixPanel[],
	width = 1200,
	height = 760,
	measure: TextMeasurer = measureText,
): Scene {
	const { padding } = THEME;
	const header = layoutHeader(text, width, measure);
	const footer = layoutFooter(text, width, height, measure);
	const gap = 36;
	const panelW = (width - 2 * padding - gap * (panels.length - 1)) / panels.length;
	const panelH = height - padding - footer.height - header.bottom;
	const items: SceneItem[] = [...header.items];
	panels.forEach((panel, i) =>
		items.push(
			...layoutMatrixPanel(panel, { x: padding + i * (panelW + gap), y: header.bottom, w: panelW, h: panelH }, measure),
		),
	);
	items.push(...footer.items);
	const described = panels.map((p) => `${p.title} (${p.values.length} × ${p.values[0]?.length ?? 0})`).join('; ');
	return cardScene(width, height, items, t('positions.chart.heatmaps', { title: text.title, panels: described }));
}
