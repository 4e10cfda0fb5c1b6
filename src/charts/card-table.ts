import type { SceneItem } from './scene.js';
import { truncate, type TextMeasurer } from './text.js';
import { HIGHLIGHT, THEME } from './theme.js';

/** A small table, e.g. a leaderboard. */
export interface CardTable {
	columns: readonly { title: string; align?: 'left' | 'right' }[];
	rows: readonly (readonly string[])[];
	/** Row drawn in the highlight colour (e.g. the member who asked). */
	highlightRow?: number;
}

const ROW_H = THEME.fonts.label.size + 12;

/** Draws a table into `items` from (x, y); returns the y below it. Column widths follow their widest cell. */
export function layoutTable(
	table: CardTable,
	items: SceneItem[],
	x: number,
	y: number,
	inner: number,
	measure: TextMeasurer,
): number {
	const font = THEME.fonts.label;
	const head = THEME.fonts.small;
	const natural = table.columns.map(
		(col, c) => Math.max(measure(col.title, head), ...table.rows.map((row) => measure(row[c] ?? '', font))) + 24,
	);
	const total = natural.reduce((a, b) => a + b, 0);
	// The first left-aligned column (the names) absorbs the difference, growing or shrinking (its text is truncated);
	// numbers keep their natural width, since a cut number would be a wrong number.
	const widths = [...natural];
	const flexible = Math.max(
		0,
		table.columns.findIndex((c) => c.align !== 'right'),
	);
	widths[flexible] = Math.max(60, widths[flexible]! + inner - total);
	const cellX = (c: number): number => x + widths.slice(0, c).reduce((a, b) => a + b, 0);
	table.columns.forEach((col, c) => {
		const right = col.align === 'right';
		items.push({
			kind: 'text',
			role: 'table-head',
			x: right ? cellX(c) + widths[c]! - 12 : cellX(c) + 12,
			y: y + ROW_H / 2,
			text: col.title,
			font: head,
			color: THEME.textFaint,
			align: right ? 'right' : 'left',
			baseline: 'middle',
		});
	});
	y += ROW_H;
	table.rows.forEach((row, r) => {
		const highlighted = table.highlightRow === r;
		if (r % 2 === 0 || highlighted)
			items.push({
				kind: 'rect',
				role: 'table-row',
				x,
				y,
				w: inner,
				h: ROW_H,
				fill: THEME.surface,
				radius: 6,
				...(highlighted ? { stroke: HIGHLIGHT, lineWidth: 1.5 } : {}),
			});
		table.columns.forEach((col, c) => {
			const right = col.align === 'right';
			const text = truncate(row[c] ?? '', widths[c]! - 24, font, measure);
			items.push({
				kind: 'text',
				role: 'table-cell',
				x: right ? cellX(c) + widths[c]! - 12 : cellX(c) + 12,
				y: y + ROW_H / 2,
				text,
				font,
				color: highlighted ? HIGHLIGHT : THEME.text,
				align: right ? 'right' : 'left',
				baseline: 'middle',
			});
		});
		y += ROW_H;
	});
	return y;
}
