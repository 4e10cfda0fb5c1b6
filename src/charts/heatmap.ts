import { t } from '../i18n/index.js';
import { textOn } from './color.js';
import { divergingScale, sequentialScale, type ColorScale } from './color-scales.js';
import { cardScene, layoutFooter, layoutHeader, type Box, type ChartText } from './frame.js';
import { colorBarWidth, layoutColorBar } from './legend.js';
import { sceneToPng } from './render.js';
import type { CellsItem, Scene, SceneItem } from './scene.js';
import { measureText, truncate, type TextMeasurer } from './text.js';
import { THEME } from './theme.js';
import { formatNumber, type NumberFormat } from './ticks.js';

/** A matrix of values; `mask[r][c]` true marks a cell that does not exist (e.g. above the causal diagonal). */
export interface Matrix {
	values: readonly (readonly number[])[];
	mask?: readonly (readonly boolean[])[];
}

/** Options shared by single heatmaps and grids of them. */
export interface HeatmapScaleOptions {
	/** Sequential (viridis) for non-negative data such as attention weights; diverging (blue–white–red, 0 white) for signed data. */
	scale?: 'sequential' | 'diverging';
	/** Fixes the colour domain (e.g. [0, 1] for probabilities, [−1, 1] for cosine); otherwise the data's range. */
	domain?: [number, number];
	/** How legend ticks and cell numbers print. */
	format?: NumberFormat;
	legendTitle?: string;
}

export interface HeatmapInput extends ChartText, Matrix, HeatmapScaleOptions {
	rowLabels: readonly string[];
	colLabels: readonly string[];
	rowAxisTitle?: string;
	colAxisTitle?: string;
	/** Numbers in the cells: 'auto' (default) prints them when cells are large enough to hold them. */
	showValues?: boolean | 'auto';
	width?: number;
	height?: number;
}

const LABEL_FONT = THEME.fonts.label;
const CELL_FONT = THEME.fonts.small;
const BAR_W = 16;

/** Checks that values (and mask) are rows × cols; throws naming the first bad row. */
export function checkMatrix(m: Matrix, rows: number, cols: number, what = 'heatmap'): void {
	if (m.values.length !== rows) throw new Error(`${what}: ${m.values.length} rows of values for ${rows} rows`);
	m.values.forEach((row, r) => {
		if (row.length !== cols) throw new Error(`${what}: row ${r} has ${row.length} values for ${cols} columns`);
		if (m.mask && m.mask[r]?.length !== cols) throw new Error(`${what}: mask row ${r} does not have ${cols} entries`);
	});
}

/** The colour scale for the unmasked values of some matrices (all heads share one). */
export function scaleFor(matrices: readonly Matrix[], options: HeatmapScaleOptions): ColorScale {
	const values: number[] = [];
	for (const m of matrices)
		m.values.forEach((row, r) =>
			row.forEach((v, c) => {
				if (!m.mask?.[r]?.[c]) values.push(v);
			}),
		);
	return options.scale === 'diverging'
		? divergingScale(values, options.domain)
		: sequentialScale(values, options.domain);
}

/** The cells item of a matrix at (x, y): fills from the scale, `null` for masked cells. */
export function matrixCells(m: Matrix, scale: ColorScale, x: number, y: number, cell: number): CellsItem {
	const rows = m.values.length;
	const cols = m.values[0]?.length ?? 0;
	const fills: (string | null)[] = [];
	m.values.forEach((row, r) => row.forEach((v, c) => fills.push(m.mask?.[r]?.[c] ? null : scale.color(v))));
	const hasMask = fills.includes(null);
	return {
		kind: 'cells',
		role: 'cells',
		x,
		y,
		cellWidth: cell,
		cellHeight: cell,
		rows,
		cols,
		fills,
		gap: cell >= 10 ? 1 : 0,
		...(hasMask ? { masked: { fill: THEME.masked, hatch: THEME.hatch } } : {}),
	};
}

/**
 * A number short enough for a cell, with the same decimals in every cell of a map: percent as a whole number, else
 * two decimals when the colour domain is within ±1 (cosines, weights), one within ±10, none beyond.
 */
export function cellLabel(value: number, format: NumberFormat = 'number', domain: [number, number] = [-1, 1]): string {
	if (format === 'percent') return `${Math.round(value * 100)}`;
	const reach = Math.max(Math.abs(domain[0]), Math.abs(domain[1]));
	const text = value.toFixed(reach <= 1 ? 2 : reach <= 10 ? 1 : 0);
	// "-0.00" would claim a sign the rounded number does not have.
	return (Number(text) === 0 ? text.replace(/^-/, '') : text).replace(/^-/, '−');
}

/**
 * Lays out one heatmap: row labels at the left, column labels above (rotated when they do not fit), square cells,
 * masked cells hatched, a colour bar with ticks at the right, and numbers in the cells when they fit.
 */
export function layoutHeatmap(input: HeatmapInput, measure: TextMeasurer = measureText): Scene {
	const rows = input.rowLabels.length;
	const cols = input.colLabels.length;
	checkMatrix(input, rows, cols);
	const width = input.width ?? 1200;
	const height = input.height ?? 700;
	const { padding } = THEME;
	const format = input.format ?? 'number';
	const header = layoutHeader(input, width, measure);
	const footer = layoutFooter(input, width, height, measure);
	const scale = scaleFor([input], input);
	const items: SceneItem[] = [...header.items];

	const maxLabel = Math.min(200, width * 0.2);
	const rowLabels = input.rowLabels.map((l) => truncate(l, maxLabel, LABEL_FONT, measure));
	const rowLabelW = Math.max(0, ...rowLabels.map((l) => measure(l, LABEL_FONT)));
	const legendW = Math.max(
		colorBarWidth(scale, BAR_W, format, measure),
		input.legendTitle ? measure(input.legendTitle, THEME.fonts.tick) : 0,
	);
	const leftRoom = (input.rowAxisTitle ? THEME.fonts.axisTitle.size + 12 : 0) + rowLabelW + 8;
	const availW = width - 2 * padding - leftRoom - 30 - legendW;
	const top = header.bottom + (input.colAxisTitle ? THEME.fonts.axisTitle.size + 10 : 0);
	const availH = height - padding - footer.height - top;
	// Column labels: horizontal when each fits its cell, else rotated 45°, which needs height = width × sin 45°.
	let cell = Math.floor(Math.min(availW / cols, (availH - LABEL_FONT.size - 8) / rows));
	const flat = input.colLabels.every((l) => measure(l, LABEL_FONT) <= cell - 4);
	let colLabels = input.colLabels.map((l) => truncate(l, flat ? cell - 4 : maxLabel, LABEL_FONT, measure));
	let colLabelH = LABEL_FONT.size + 8;
	if (!flat) {
		colLabelH = Math.max(...colLabels.map((l) => measure(l, LABEL_FONT))) * Math.SQRT1_2 + LABEL_FONT.size + 6;
		cell = Math.floor(Math.min(availW / cols, (availH - colLabelH) / rows));
		colLabels = input.colLabels.map((l) => truncate(l, maxLabel, LABEL_FONT, measure));
	}
	cell = Math.max(1, Math.min(cell, 64));
	const blockW = leftRoom + cols * cell + 30 + legendW;
	const x0 = padding + Math.max(0, Math.floor((width - 2 * padding - blockW) / 2));
	const grid: Box = { x: x0 + leftRoom, y: top + colLabelH, w: cols * cell, h: rows * cell };

	const cells = matrixCells(input, scale, grid.x, grid.y, cell);
	items.push(cells);
	// Values are written in the cells only when the widest of them fits its cell at the legible size (display standard).
	const widestValue = Math.max(
		0,
		...input.values.flat().map((v) => measure(cellLabel(v, format, scale.domain), CELL_FONT)),
	);
	const fits = widestValue <= cell - 6 && CELL_FONT.size <= cell - 4;
	const showValues = input.showValues === true || (input.showValues !== false && fits && rows * cols <= 400);
	if (showValues) {
		input.values.forEach((row, r) =>
			row.forEach((v, c) => {
				const fill = cells.fills[r * cols + c];
				if (fill === null || fill === undefined) return;
				items.push({
					kind: 'text',
					role: 'cell-value',
					x: grid.x + (c + 0.5) * cell,
					y: grid.y + (r + 0.5) * cell,
					text: cellLabel(v, format, scale.domain),
					font: CELL_FONT,
					color: textOn(fill, THEME.textOnLight, '#ffffff'),
					align: 'center',
					baseline: 'middle',
				});
			}),
		);
	}
	const labelsEvery = Math.max(1, Math.ceil((LABEL_FONT.size + 2) / cell));
	rowLabels.forEach((label, r) => {
		if (r % labelsEvery !== 0) return;
		items.push({
			kind: 'text',
			role: 'row-label',
			x: grid.x - 8,
			y: grid.y + (r + 0.5) * cell,
			text: label,
			font: LABEL_FONT,
			color: THEME.text,
			align: 'right',
			baseline: 'middle',
		});
	});
	colLabels.forEach((label, c) => {
		if (c % labelsEvery !== 0) return;
		const x = grid.x + (c + 0.5) * cell;
		items.push(
			flat
				? {
						kind: 'text',
						role: 'col-label',
						x,
						y: grid.y - 6,
						text: label,
						font: LABEL_FONT,
						color: THEME.text,
						align: 'center',
						baseline: 'bottom',
					}
				: {
						kind: 'text',
						role: 'col-label',
						x: x - 2,
						y: grid.y - 8,
						text: label,
						font: LABEL_FONT,
						color: THEME.text,
						align: 'left',
						baseline: 'middle',
						rotate: -Math.PI / 4,
					},
		);
	});
	if (input.rowAxisTitle) {
		items.push({
			kind: 'text',
			role: 'row-axis-title',
			x: x0 + THEME.fonts.axisTitle.size / 2,
			y: grid.y + grid.h / 2,
			text: input.rowAxisTitle,
			font: THEME.fonts.axisTitle,
			color: THEME.textMuted,
			align: 'center',
			baseline: 'middle',
			rotate: -Math.PI / 2,
		});
	}
	if (input.colAxisTitle) {
		items.push({
			kind: 'text',
			role: 'col-axis-title',
			x: grid.x + grid.w / 2,
			y: header.bottom,
			text: input.colAxisTitle,
			font: THEME.fonts.axisTitle,
			color: THEME.textMuted,
			align: 'center',
			baseline: 'top',
		});
	}
	const barH = Math.min(grid.h, 360);
	const barBox: Box = { x: grid.x + grid.w + 30, y: grid.y + (grid.h - barH) / 2, w: BAR_W, h: barH };
	items.push(...layoutColorBar(scale, barBox, input.legendTitle, format));
	items.push(...footer.items);
	return cardScene(
		width,
		height,
		items,
		t('charts.alt.heatmap', {
			title: input.title,
			rows,
			cols,
			from: formatNumber(scale.domain[0]),
			to: formatNumber(scale.domain[1]),
		}),
	);
}

/** Renders a heatmap to PNG. */
export async function renderHeatmap(input: HeatmapInput): Promise<Buffer> {
	return sceneToPng(layoutHeatmap(input));
}
