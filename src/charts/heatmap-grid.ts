import { t } from '../i18n/index.js';
import { cardScene, layoutFooter, layoutHeader, type ChartText } from './frame.js';
import { checkMatrix, matrixCells, scaleFor, type HeatmapScaleOptions, type Matrix } from './heatmap.js';
import { colorBarWidth, layoutColorBar } from './legend.js';
import { sceneToPng } from './render.js';
import type { Scene, SceneItem } from './scene.js';
import { measureText, truncate, type TextMeasurer } from './text.js';
import { THEME } from './theme.js';
import { formatNumber } from './ticks.js';

/** One small heatmap of a grid, e.g. one attention head. */
export interface HeatmapPanel extends Matrix {
	title: string;
}

export interface HeatmapGridInput extends ChartText, HeatmapScaleOptions {
	/** All panels must have the same shape; they share one colour scale so their colours compare. */
	panels: readonly HeatmapPanel[];
	/** Panels per row (default: the count that makes the largest cells). */
	columns?: number;
	width?: number;
	height?: number;
}

const BAR_W = 14;
const PANEL_TITLE = THEME.fonts.label;
const GAP = 18;

/**
 * Lays out a grid of small heatmaps sharing one colour scale and one colour bar: panel titles above each, no row or
 * column labels (a single heatmap shows those). Picks the column count that gives the largest square cells.
 */
export function layoutHeatmapGrid(input: HeatmapGridInput, measure: TextMeasurer = measureText): Scene {
	const n = input.panels.length;
	if (n === 0) throw new Error('heatmap grid: no panels');
	const rows = input.panels[0]!.values.length;
	const cols = input.panels[0]!.values[0]?.length ?? 0;
	input.panels.forEach((p, i) => checkMatrix(p, rows, cols, `heatmap grid panel ${i}`));
	const width = input.width ?? 1200;
	const height = input.height ?? 600;
	const { padding } = THEME;
	const format = input.format ?? 'number';
	const header = layoutHeader(input, width, measure);
	const footer = layoutFooter(input, width, height, measure);
	const scale = scaleFor(input.panels, input);
	const legendW = Math.max(
		colorBarWidth(scale, BAR_W, format, measure),
		input.legendTitle ? measure(input.legendTitle, THEME.fonts.tick) : 0,
	);
	const availW = width - 2 * padding - 30 - legendW;
	const availH = height - padding - footer.height - header.bottom;
	const titleH = PANEL_TITLE.size + 8;

	const cellFor = (columns: number): number => {
		const gridRows = Math.ceil(n / columns);
		const panelW = (availW - (columns - 1) * GAP) / columns;
		const panelH = (availH - (gridRows - 1) * GAP) / gridRows - titleH;
		return Math.floor(Math.min(panelW / cols, panelH / rows));
	};
	let columns = input.columns ?? 1;
	if (input.columns === undefined) for (let c = 2; c <= n; c++) if (cellFor(c) > cellFor(columns)) columns = c;
	const cell = Math.max(1, cellFor(columns));
	const panelW = cols * cell;
	const panelH = rows * cell;
	const gridRows = Math.ceil(n / columns);
	const blockW = columns * panelW + (columns - 1) * GAP + 30 + legendW;
	const x0 = padding + Math.max(0, Math.floor((width - 2 * padding - blockW) / 2));

	const items: SceneItem[] = [...header.items];
	input.panels.forEach((panel, i) => {
		const x = x0 + (i % columns) * (panelW + GAP);
		const y = header.bottom + Math.floor(i / columns) * (panelH + titleH + GAP);
		items.push({
			kind: 'text',
			role: 'panel-title',
			x: x + panelW / 2,
			y,
			text: truncate(panel.title, panelW + GAP - 4, PANEL_TITLE, measure),
			font: PANEL_TITLE,
			color: THEME.text,
			align: 'center',
			baseline: 'top',
		});
		items.push({ ...matrixCells(panel, scale, x, y + titleH, cell), role: 'panel-cells' });
	});
	const gridH = gridRows * (panelH + titleH) + (gridRows - 1) * GAP;
	const barH = Math.min(gridH - titleH, 360);
	const barX = x0 + columns * panelW + (columns - 1) * GAP + 30;
	items.push(
		...layoutColorBar(
			scale,
			{ x: barX, y: header.bottom + titleH + (gridH - titleH - barH) / 2, w: BAR_W, h: barH },
			input.legendTitle,
			format,
		),
	);
	items.push(...footer.items);
	return cardScene(
		width,
		height,
		items,
		t('charts.alt.heatmapGrid', {
			title: input.title,
			count: n,
			rows,
			cols,
			from: formatNumber(scale.domain[0]),
			to: formatNumber(scale.domain[1]),
		}),
	);
}

/** Renders a grid of heatmaps to PNG. */
export async function renderHeatmapGrid(input: HeatmapGridInput): Promise<Buffer> {
	return sceneToPng(layoutHeatmapGrid(input));
}
