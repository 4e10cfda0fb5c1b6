import type { ColorScale } from './color-scales.js';
import type { Box } from './frame.js';
import type { SceneItem } from './scene.js';
import type { TextMeasurer } from './text.js';
import { truncate } from './text.js';
import { THEME } from './theme.js';
import { formatTicks, type NumberFormat } from './ticks.js';

/** One legend entry: a swatch in the shape the chart draws the thing with, and its name. */
export interface LegendEntry {
	label: string;
	color: string;
	shape: 'rect' | 'line' | 'dashed' | 'circle' | 'outline';
	/** A label in bold and the full text colour: an entry the chart highlights (a word the member asked about). */
	bold?: boolean;
}

const SWATCH = 14;
const ROW = 22;

/**
 * A legend flowing left to right from (x, y) and wrapping at `maxWidth`; labels longer than a third of the width
 * are truncated. Returns the items and the height used.
 */
export function layoutLegend(
	entries: readonly LegendEntry[],
	x: number,
	y: number,
	maxWidth: number,
	measure: TextMeasurer,
): { items: SceneItem[]; height: number } {
	const font = THEME.fonts.label;
	const items: SceneItem[] = [];
	let cx = x;
	let cy = y;
	for (const entry of entries) {
		const entryFont = entry.bold ? { ...font, weight: 'bold' as const } : font;
		const label = truncate(entry.label, maxWidth / 3, entryFont, measure);
		const w = SWATCH + 6 + measure(label, entryFont);
		if (cx > x && cx + w > x + maxWidth) {
			cx = x;
			cy += ROW;
		}
		const mid = cy + ROW / 2;
		items.push(...swatch(entry, cx, mid));
		items.push({
			kind: 'text',
			role: 'legend-label',
			x: cx + SWATCH + 6,
			y: mid,
			text: label,
			font: entryFont,
			color: entry.bold ? THEME.text : THEME.textMuted,
			align: 'left',
			baseline: 'middle',
		});
		cx += w + 20;
	}
	return { items, height: entries.length === 0 ? 0 : cy - y + ROW };
}

function swatch(entry: LegendEntry, x: number, mid: number): SceneItem[] {
	const role = 'legend-swatch';
	switch (entry.shape) {
		case 'rect':
			return [{ kind: 'rect', role, x, y: mid - SWATCH / 2, w: SWATCH, h: SWATCH, fill: entry.color, radius: 2 }];
		case 'outline':
			return [
				{
					kind: 'rect',
					role,
					x: x + 1,
					y: mid - SWATCH / 2 + 1,
					w: SWATCH - 2,
					h: SWATCH - 2,
					stroke: entry.color,
					lineWidth: 2,
					radius: 2,
				},
			];
		case 'circle':
			return [{ kind: 'circle', role, cx: x + SWATCH / 2, cy: mid, r: 5, fill: entry.color }];
		case 'line':
		case 'dashed':
			return [
				{
					kind: 'line',
					role,
					x1: x,
					y1: mid,
					x2: x + SWATCH,
					y2: mid,
					color: entry.color,
					width: 2.5,
					...(entry.shape === 'dashed' ? { dash: [4, 3] } : {}),
				},
			];
	}
}

/** How many steps a colour bar is drawn with: enough that banding is invisible. */
const COLOR_BAR_STEPS = 128;

/**
 * A vertical colour bar in `box` (high values at the top) with tick marks and labels to its right and an optional
 * title above. `format` prints the ticks (e.g. percent for probabilities).
 */
export function layoutColorBar(
	scale: ColorScale,
	box: Box,
	title: string | undefined,
	format: NumberFormat = 'number',
): SceneItem[] {
	const items: SceneItem[] = [];
	const [lo, hi] = scale.domain;
	const fills: string[] = [];
	for (let i = 0; i < COLOR_BAR_STEPS; i++) fills.push(scale.color(hi - ((i + 0.5) / COLOR_BAR_STEPS) * (hi - lo)));
	items.push({
		kind: 'cells',
		role: 'color-bar',
		x: box.x,
		y: box.y,
		cellWidth: box.w,
		cellHeight: box.h / COLOR_BAR_STEPS,
		rows: COLOR_BAR_STEPS,
		cols: 1,
		fills,
		gap: 0,
		asImage: true,
	});
	items.push({
		kind: 'rect',
		role: 'color-bar-frame',
		x: box.x,
		y: box.y,
		w: box.w,
		h: box.h,
		stroke: THEME.axis,
		lineWidth: 1,
	});
	const labels = formatTicks(scale.ticks, format);
	scale.ticks.forEach((tick, i) => {
		const y = box.y + ((hi - tick) / (hi - lo)) * box.h;
		items.push({
			kind: 'line',
			role: 'color-bar-tick',
			x1: box.x + box.w,
			y1: y,
			x2: box.x + box.w + 5,
			y2: y,
			color: THEME.axis,
			width: 1,
		});
		items.push({
			kind: 'text',
			role: 'color-bar-label',
			x: box.x + box.w + 8,
			y,
			text: labels[i]!,
			font: THEME.fonts.tick,
			color: THEME.textMuted,
			align: 'left',
			baseline: 'middle',
		});
	});
	if (title)
		items.push({
			kind: 'text',
			role: 'color-bar-title',
			x: box.x,
			y: box.y - 10,
			text: title,
			font: THEME.fonts.tick,
			color: THEME.textMuted,
			align: 'left',
			baseline: 'bottom',
		});
	return items;
}

/** Width a colour bar takes with its labels: bar + tick + widest label. */
export function colorBarWidth(
	scale: ColorScale,
	barWidth: number,
	format: NumberFormat,
	measure: TextMeasurer,
): number {
	return barWidth + 8 + Math.max(0, ...formatTicks(scale.ticks, format).map((l) => measure(l, THEME.fonts.tick)));
}
