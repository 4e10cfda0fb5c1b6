import type { Scene, SceneItem, TextItem } from './scene.js';
import type { TextMeasurer } from './text.js';
import { wrap } from './text.js';
import { THEME } from './theme.js';

/** The texts every chart may carry around its figure. */
export interface ChartText {
	/** Wrapped onto up to three lines when long. */
	title: string;
	/** A second, quieter line (or three): the model, the input, the settings. */
	subtitle?: string;
	/** Small print under the figure: a source, a caveat, how to read it. */
	footer?: string;
}

/** A rectangle in scene pixels. */
export interface Box {
	x: number;
	y: number;
	w: number;
	h: number;
}

const TITLE_LINE = 1.25;

/** Title and subtitle lines from the top-left padding; `bottom` is where the figure may start. */
export function layoutHeader(
	text: ChartText,
	width: number,
	measure: TextMeasurer,
): { items: TextItem[]; bottom: number } {
	const { padding, fonts } = THEME;
	const maxWidth = width - 2 * padding;
	const items: TextItem[] = [];
	let y = padding;
	for (const line of wrap(text.title, maxWidth, fonts.title, measure, 3)) {
		items.push({
			kind: 'text',
			role: 'title',
			x: padding,
			y,
			text: line,
			font: fonts.title,
			color: THEME.text,
			align: 'left',
			baseline: 'top',
		});
		y += fonts.title.size * TITLE_LINE;
	}
	if (text.subtitle) {
		y += 4;
		for (const line of wrap(text.subtitle, maxWidth, fonts.subtitle, measure, 3)) {
			items.push({
				kind: 'text',
				role: 'subtitle',
				x: padding,
				y,
				text: line,
				font: fonts.subtitle,
				color: THEME.textMuted,
				align: 'left',
				baseline: 'top',
			});
			y += fonts.subtitle.size * TITLE_LINE;
		}
	}
	return { items, bottom: Math.round(y + 18) };
}

/**
 * The footer's lines (up to `maxLines`, the last cut with an ellipsis), and the height they take above the bottom
 * padding (0 when there is no footer).
 */
export function layoutFooter(
	text: ChartText,
	width: number,
	height: number,
	measure: TextMeasurer,
	maxLines = 2,
): { items: TextItem[]; height: number } {
	if (!text.footer) return { items: [], height: 0 };
	const { padding, fonts } = THEME;
	const lines = wrap(text.footer, width - 2 * padding, fonts.small, measure, maxLines);
	const lineHeight = fonts.small.size * TITLE_LINE;
	const top = height - padding - lines.length * lineHeight;
	const items = lines.map((line, i): TextItem => ({
		kind: 'text',
		role: 'footer',
		x: padding,
		y: top + i * lineHeight,
		text: line,
		font: fonts.small,
		color: THEME.textFaint,
		align: 'left',
		baseline: 'top',
	}));
	return { items, height: Math.round(lines.length * lineHeight + 12) };
}

/** A scene on the theme's card: background, the given items, and a 1-pixel border drawn last so nothing covers it. */
export function cardScene(width: number, height: number, items: SceneItem[], description: string): Scene {
	const border: SceneItem = {
		kind: 'rect',
		role: 'border',
		x: 0.5,
		y: 0.5,
		w: width - 1,
		h: height - 1,
		stroke: THEME.border,
		lineWidth: 1,
	};
	return { width, height, background: THEME.background, items: [...items, border], description };
}
