import {
	cellLabel,
	THEME,
	truncate,
	type NumberFormat,
	type SceneItem,
	type TextMeasurer,
} from '../../charts/index.js';
import type { ColorScale } from '../../charts/color-scales.js';
import { textOn } from '../../charts/color.js';
import type { Box } from '../../charts/frame.js';
import { matrixCells } from '../../charts/heatmap.js';
import { colorBarWidth, layoutColorBar } from '../../charts/legend.js';

/**
 * One labelled heatmap inside a larger figure (the heads grid, the steps of one head): the toolkit's single heatmap
 * is a whole card, and its grid has no labels, so these figures place panels themselves with the toolkit's parts
 * (cells, colour bar, cell labels, theme).
 */
export interface Panel {
	title: string;
	values: readonly (readonly number[])[];
	/** true = the cell is masked (hatched, no value). */
	mask?: readonly (readonly boolean[])[];
	rowLabels: readonly string[];
	colLabels: readonly string[];
	scale: ColorScale;
	format?: NumberFormat;
	/**
	 * Print each unmasked value in its cell, where its text fits the cell. With `digits`, a panel whose values do not
	 * all fit drops decimals until they do; a value that still does not fit is left out.
	 */
	showValues: boolean;
	/** Printed in masked cells when values are shown, e.g. `−∞`. */
	maskedText?: string;
	/** Decimals printed in the cells (default: the toolkit's choice from the colour domain). */
	digits?: number;
	/** The largest cell side in pixels (default 64). */
	maxCell?: number;
	/** Give the panel its own colour bar at its right, with this title (panels sharing a scale leave it out). */
	colorBar?: string;
	/** Leave the row labels out: the panel stands right of one with the same rows, which labels them. */
	hideRowLabels?: boolean;
}

const LABEL = THEME.fonts.label;
const TITLE = THEME.fonts.heading;
const TITLE_H = TITLE.size + 12;
const BAR_W = 12;
const MAX_CELL = 64;
/** Room a value keeps from its cell's sides, so neighbouring values never touch. */
const VALUE_PAD = 3;
const LABEL_MAX_W = 120;

interface Geometry {
	cell: number;
	flat: boolean;
	rowLabelW: number;
	/** From the box's left edge to the grid: the row labels and their gap, or 0 when they are left out. */
	labelRoom: number;
	colLabelH: number;
	barRoom: number;
}

function geometry(panel: Panel, box: Box, measure: TextMeasurer): Geometry {
	const rows = panel.rowLabels.length;
	const cols = panel.colLabels.length;
	const rowLabelW = panel.hideRowLabels
		? 0
		: Math.min(LABEL_MAX_W, Math.max(0, ...panel.rowLabels.map((l) => measure(l, LABEL))));
	const labelRoom = panel.hideRowLabels ? 0 : rowLabelW + 8;
	const barRoom = panel.colorBar
		? 22 +
			Math.max(
				colorBarWidth(panel.scale, BAR_W, panel.format ?? 'number', measure),
				measure(panel.colorBar, THEME.fonts.tick) - 10,
			)
		: 0;
	const availW = box.w - labelRoom - barRoom;
	const cellFor = (labelH: number) =>
		Math.max(
			1,
			Math.min(panel.maxCell ?? MAX_CELL, Math.floor(Math.min(availW / cols, (box.h - TITLE_H - labelH) / rows))),
		);
	let colLabelH = LABEL.size + 8;
	let cell = cellFor(colLabelH);
	const flat = panel.colLabels.every((l) => measure(l, LABEL) <= cell - 4);
	if (!flat) {
		colLabelH =
			Math.min(LABEL_MAX_W, Math.max(...panel.colLabels.map((l) => measure(l, LABEL)))) * Math.SQRT1_2 + LABEL.size + 6;
		cell = cellFor(colLabelH);
	}
	return { cell, flat, rowLabelW, labelRoom, colLabelH, barRoom };
}

/** `value` with `digits` decimals and a true minus sign; never `−0.0`. */
export function fixedCell(value: number, digits: number): string {
	const text = value.toFixed(digits);
	return (Number(text) === 0 ? text.replace(/^-/, '') : text).replace(/^-/, '−');
}

/** The most decimals, up to `most`, at which every unmasked value of the panel fits its cell (0 if none does). */
function digitsThatFit(panel: Panel, most: number, fits: (text: string) => boolean): number {
	const shown = panel.values.flatMap((row, r) => row.filter((_, c) => !panel.mask?.[r]?.[c]));
	for (let d = most; d > 0; d--) if (shown.every((v) => fits(fixedCell(v, d)))) return d;
	return 0;
}

/** The width and height a panel takes inside `box` (it keeps square cells, so it is often smaller than the box). */
export function panelSize(panel: Panel, box: Box, measure: TextMeasurer): { w: number; h: number } {
	const g = geometry(panel, box, measure);
	return {
		w: g.labelRoom + panel.colLabels.length * g.cell + g.barRoom,
		h: TITLE_H + g.colLabelH + panel.rowLabels.length * g.cell,
	};
}

/** Lays a panel out in `box`, from its top-left corner: title, column labels, row labels, cells, values, colour bar. */
export function layoutPanel(panel: Panel, box: Box, measure: TextMeasurer): SceneItem[] {
	const g = geometry(panel, box, measure);
	const rows = panel.rowLabels.length;
	const cols = panel.colLabels.length;
	const format = panel.format ?? 'number';
	const gridX = box.x + g.labelRoom;
	const gridY = box.y + TITLE_H + g.colLabelH;
	const items: SceneItem[] = [];
	// The title may use the whole box, which is often wider than the square cells leave the panel.
	const titleW = Math.max(g.labelRoom + cols * g.cell + g.barRoom, box.w);
	items.push({
		kind: 'text',
		role: 'panel-title',
		x: box.x,
		y: box.y,
		text: truncate(panel.title, titleW, TITLE, measure),
		font: TITLE,
		color: THEME.text,
		align: 'left',
		baseline: 'top',
	});
	const cells = matrixCells(panel, panel.scale, gridX, gridY, g.cell);
	items.push({ ...cells, role: 'panel-cells' });
	const fits = (text: string) => measure(text, THEME.fonts.small) <= g.cell - 2 * VALUE_PAD;
	const digits = panel.digits === undefined ? undefined : digitsThatFit(panel, panel.digits, fits);
	if (panel.showValues) {
		panel.values.forEach((row, r) =>
			row.forEach((v, c) => {
				const fill = cells.fills[r * cols + c];
				const x = gridX + (c + 0.5) * g.cell;
				const y = gridY + (r + 0.5) * g.cell;
				if (fill === null || fill === undefined) {
					if (panel.maskedText && fits(panel.maskedText))
						items.push({
							kind: 'text',
							role: 'cell-masked',
							x,
							y,
							text: panel.maskedText,
							font: THEME.fonts.small,
							color: THEME.textFaint,
							align: 'center',
							baseline: 'middle',
						});
					return;
				}
				const text = digits === undefined ? cellLabel(v, format, panel.scale.domain) : fixedCell(v, digits);
				if (!fits(text)) return;
				items.push({
					kind: 'text',
					role: 'cell-value',
					x,
					y,
					text,
					font: THEME.fonts.small,
					color: textOn(fill, THEME.textOnLight, '#ffffff'),
					align: 'center',
					baseline: 'middle',
				});
			}),
		);
	}
	const every = Math.max(1, Math.ceil((LABEL.size + 2) / g.cell));
	panel.rowLabels.forEach((label, r) => {
		if (panel.hideRowLabels || r % every !== 0) return;
		items.push({
			kind: 'text',
			role: 'row-label',
			x: gridX - 8,
			y: gridY + (r + 0.5) * g.cell,
			text: truncate(label, LABEL_MAX_W, LABEL, measure),
			font: LABEL,
			color: THEME.text,
			align: 'right',
			baseline: 'middle',
		});
	});
	panel.colLabels.forEach((label, c) => {
		if (c % every !== 0) return;
		const x = gridX + (c + 0.5) * g.cell;
		items.push(
			g.flat
				? {
						kind: 'text',
						role: 'col-label',
						x,
						y: gridY - 6,
						text: label,
						font: LABEL,
						color: THEME.text,
						align: 'center',
						baseline: 'bottom',
					}
				: {
						kind: 'text',
						role: 'col-label',
						x: x - 2,
						y: gridY - 8,
						text: truncate(label, LABEL_MAX_W, LABEL, measure),
						font: LABEL,
						color: THEME.text,
						align: 'left',
						baseline: 'middle',
						rotate: -Math.PI / 4,
					},
		);
	});
	if (panel.colorBar) {
		const h = Math.min(rows * g.cell, 300);
		const bar: Box = {
			x: gridX + cols * g.cell + 22,
			y: gridY + Math.max(16, (rows * g.cell - h) / 2),
			w: BAR_W,
			h: Math.min(h, rows * g.cell - 16),
		};
		items.push(...layoutColorBar(panel.scale, bar, panel.colorBar, format));
	}
	return items;
}
