import { t } from '../i18n/index.js';
import { layoutTable, type CardTable } from './card-table.js';
import { cardScene, layoutFooter, layoutHeader, type ChartText } from './frame.js';
import { sceneToPng } from './render.js';
import type { Scene, SceneItem } from './scene.js';
import { measureText, truncate, wrap, type TextMeasurer } from './text.js';
import { categorical, THEME } from './theme.js';

export type { CardTable } from './card-table.js';

/** A big number with a caption: "Quizzes · 12 · 3 this week". */
export interface StatTile {
	label: string;
	value: string;
	note?: string;
	/** Colour of the value (default the theme text colour). */
	color?: string;
}

/** A labelled progress bar: "Week 3 worksheets · 4 / 6". */
export interface ProgressItem {
	label: string;
	value: number;
	max: number;
	color?: string;
}

export interface CardInput extends ChartText {
	tiles?: readonly StatTile[];
	progress?: readonly ProgressItem[];
	table?: CardTable;
	/** A paragraph, wrapped. */
	text?: string;
	/** Another chart's scene, embedded at its own size below the rest (its background and border are dropped). */
	figure?: Scene;
	/** Width in pixels (default 900, or wider to fit the figure); the height follows from the content. */
	width?: number;
}

/** A tile holds its label, its value and a note, one under the other at the theme's sizes. */
const TILE_VALUE_Y = 14 + THEME.fonts.small.size + 6;
const TILE_H = TILE_VALUE_Y + THEME.fonts.tileValue.size + 8 + THEME.fonts.small.size + 12;
const TILE_GAP = 14;
const TILES_PER_ROW = 4;
/** A progress bar's track sits under its label with 10 px between; the next bar follows 14 px below the track. */
const PROGRESS_TRACK_Y = THEME.fonts.label.size + 10;
const PROGRESS_TRACK_H = 12;
const PROGRESS_H = PROGRESS_TRACK_Y + PROGRESS_TRACK_H + 14;
const SECTION_GAP = 22;

/** The fraction shown by a progress bar, clamped to [0, 1]; 0 when max is not positive. */
export function progressFraction(value: number, max: number): number {
	return max > 0 ? Math.max(0, Math.min(1, value / max)) : 0;
}

/** Lays out a card: title, stat tiles, progress bars, a table, a paragraph and a figure, each only if given. */
export function layoutCard(input: CardInput, measure: TextMeasurer = measureText): Scene {
	const width = Math.max(input.width ?? 900, input.figure ? input.figure.width + 2 * THEME.padding : 0);
	const { padding } = THEME;
	const inner = width - 2 * padding;
	const header = layoutHeader(input, width, measure);
	const items: SceneItem[] = [...header.items];
	let y = header.bottom;

	if (input.tiles && input.tiles.length > 0) {
		const perRow = Math.min(TILES_PER_ROW, input.tiles.length);
		const tileW = (inner - (perRow - 1) * TILE_GAP) / perRow;
		input.tiles.forEach((tile, i) => {
			const x = padding + (i % perRow) * (tileW + TILE_GAP);
			const top = y + Math.floor(i / perRow) * (TILE_H + TILE_GAP);
			const textW = tileW - 32;
			items.push({ kind: 'rect', role: 'tile', x, y: top, w: tileW, h: TILE_H, fill: THEME.surface, radius: 10 });
			items.push({
				kind: 'text',
				role: 'tile-label',
				x: x + 16,
				y: top + 14,
				text: truncate(tile.label, textW, THEME.fonts.small, measure),
				font: THEME.fonts.small,
				color: THEME.textMuted,
				align: 'left',
				baseline: 'top',
			});
			items.push({
				kind: 'text',
				role: 'tile-value',
				x: x + 16,
				y: top + TILE_VALUE_Y,
				text: truncate(tile.value, textW, THEME.fonts.tileValue, measure),
				font: THEME.fonts.tileValue,
				color: tile.color ?? THEME.text,
				align: 'left',
				baseline: 'top',
			});
			if (tile.note)
				items.push({
					kind: 'text',
					role: 'tile-note',
					x: x + 16,
					y: top + TILE_H - 12,
					text: truncate(tile.note, textW, THEME.fonts.small, measure),
					font: THEME.fonts.small,
					color: THEME.textFaint,
					align: 'left',
					baseline: 'bottom',
				});
		});
		y += Math.ceil(input.tiles.length / perRow) * (TILE_H + TILE_GAP) - TILE_GAP + SECTION_GAP;
	}

	for (const [i, p] of (input.progress ?? []).entries()) {
		const fraction = progressFraction(p.value, p.max);
		const count = `${p.value} / ${p.max}`;
		const countW = measure(count, THEME.fonts.label);
		items.push({
			kind: 'text',
			role: 'progress-label',
			x: padding,
			y,
			text: truncate(p.label, inner - countW - 16, THEME.fonts.label, measure),
			font: THEME.fonts.label,
			color: THEME.text,
			align: 'left',
			baseline: 'top',
		});
		items.push({
			kind: 'text',
			role: 'progress-count',
			x: padding + inner,
			y,
			text: count,
			font: THEME.fonts.label,
			color: THEME.textMuted,
			align: 'right',
			baseline: 'top',
		});
		items.push({
			kind: 'rect',
			role: 'progress-track',
			x: padding,
			y: y + PROGRESS_TRACK_Y,
			w: inner,
			h: PROGRESS_TRACK_H,
			fill: THEME.surface,
			radius: 6,
		});
		if (fraction > 0)
			items.push({
				kind: 'rect',
				role: 'progress-fill',
				x: padding,
				y: y + PROGRESS_TRACK_Y,
				w: Math.max(PROGRESS_TRACK_H, inner * fraction),
				h: PROGRESS_TRACK_H,
				fill: p.color ?? categorical(i === 0 ? 0 : 2),
				radius: 6,
			});
		y += PROGRESS_H;
	}
	if (input.progress && input.progress.length > 0) y += SECTION_GAP - 12;

	if (input.table) {
		y = layoutTable(input.table, items, padding, y, inner, measure) + SECTION_GAP;
	}
	if (input.text) {
		for (const line of wrap(input.text, inner, THEME.fonts.label, measure, 12)) {
			items.push({
				kind: 'text',
				role: 'paragraph',
				x: padding,
				y,
				text: line,
				font: THEME.fonts.label,
				color: THEME.text,
				align: 'left',
				baseline: 'top',
			});
			y += THEME.fonts.label.size * 1.45;
		}
		y += SECTION_GAP;
	}
	if (input.figure) {
		const figure = input.figure;
		const dx = Math.round((width - figure.width) / 2);
		items.push({
			kind: 'rect',
			role: 'figure-background',
			x: dx,
			y,
			w: figure.width,
			h: figure.height,
			fill: figure.background,
			stroke: THEME.border,
			lineWidth: 1,
			radius: 8,
		});
		items.push({
			kind: 'group',
			role: 'figure',
			dx,
			dy: y,
			items: figure.items.filter((item) => item.role !== 'border'),
		});
		y += figure.height + SECTION_GAP;
	}
	const footerProbe = layoutFooter(input, width, 0, measure);
	const height = Math.ceil(y - SECTION_GAP + padding + footerProbe.height);
	items.push(...layoutFooter(input, width, height, measure).items);
	return cardScene(width, height, items, describe(input));
}

function describe(input: CardInput): string {
	const parts = [input.title];
	for (const tile of input.tiles ?? []) parts.push(`${tile.label}: ${tile.value}`);
	for (const p of input.progress ?? [])
		parts.push(t('charts.alt.progress', { label: p.label, value: p.value, max: p.max }));
	if (input.table) parts.push(t('charts.alt.table', { count: input.table.rows.length }));
	return `${parts.join('. ')}.`;
}

/** Renders a card to PNG. */
export async function renderCard(input: CardInput): Promise<Buffer> {
	return sceneToPng(layoutCard(input));
}
