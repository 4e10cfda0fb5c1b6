import { mix } from './color.js';
import { cardScene, layoutFooter, layoutHeader, type ChartText } from './frame.js';
import { sceneToPng } from './render.js';
import type { Scene, SceneItem } from './scene.js';
import { specialRect, SPECIAL_TOKEN_COLOR } from './special-token.js';
import { measureText, type TextMeasurer } from './text.js';
import { PALETTE, THEME } from './theme.js';
import { byteGroupItems, labelRuns } from './token-labels.js';
import {
	BOX_H,
	FONT_BYTES,
	FONT_ID,
	GAP_X,
	ID_H,
	showsBytes,
	spanContent,
	type ShowBytes,
	type Token,
} from './token-span.js';
import { wrapSpans } from './token-wrap.js';
import { t } from '../i18n/index.js';

/** One encoding of a text: a heading (e.g. `cl100k_base · 9 tokens`) and its tokens in order. */
export interface TokenStrip {
	heading: string;
	tokens: readonly Token[];
}

export interface TokenStripsInput extends ChartText {
	/** One or more encodings, stacked top to bottom. */
	strips: readonly TokenStrip[];
	/**
	 * Image width in pixels; the height follows from the content. Default: as wide as the tokens need on one line,
	 * between {@link MIN_WIDTH} and {@link MAX_WIDTH}, so a short text is drawn large where Discord shrinks the image.
	 */
	width?: number;
	/**
	 * Lines of spans per strip before the rest is summarised as "… N more tokens" (default 10); fewer when the chart
	 * would otherwise be taller than {@link MAX_HEIGHT} or than it is wide.
	 */
	maxLinesPerStrip?: number;
	/** Whether a newline token ends its line, so the strip keeps the text's line breaks (default true). */
	breakAtNewlines?: boolean;
	/** Which tokens get a hex bytes row: those with U+FFFD in their text (default), all with bytes, or none. */
	showBytes?: ShowBytes;
}

/** Span backgrounds: the palette's first six colours lightened, so dark text reads on each and neighbours differ. */
export const TOKEN_COLORS = PALETTE.slice(0, 6).map((c) => mix(c, '#ffffff', 0.3));

/* Sizes from docs/display-standard.md, as token-span.ts explains. */
const BYTES_H = FONT_BYTES.size + 5;
const GAP_Y = 12;
/** The narrowest and widest token chart (see docs/display-standard.md). */
export const MIN_WIDTH = 560;
export const MAX_WIDTH = 1200;
/** The tallest token chart; a chart is also never taller than wide. */
export const MAX_HEIGHT = 1200;
/** Footer lines before the rest is cut: a narrow chart needs more lines for the same notes. */
const FOOTER_LINES = 4;
/** Room above each strip after the first. */
const STRIP_GAP = 14;

/** The width the strips need to put each line of the text (up to its newlines) on one line, headings included. */
export function naturalWidth(input: TokenStripsInput, measure: TextMeasurer = measureText): number {
	let widest = 0;
	for (const strip of input.strips) {
		widest = Math.max(widest, measure(strip.heading, THEME.fonts.heading));
		let line = 0;
		for (const token of strip.tokens) {
			line += spanContent(token, showsBytes(token, input.showBytes), measure).w + GAP_X;
			widest = Math.max(widest, line - GAP_X);
			if (input.breakAtNewlines !== false && token.text.endsWith('\n')) line = 0;
		}
	}
	const title = measure(input.title, THEME.fonts.title);
	return Math.ceil(Math.max(widest, Math.min(title, MAX_WIDTH)) + 2 * THEME.padding);
}

/**
 * Lays out token strips: per strip a heading, then each token as a coloured span (whitespace made visible) with its
 * id beneath and, for partial characters, its bytes; spans wrap at the image width and after a newline token. Without
 * a set width, a text whose strips would be cut at its natural width gets the widest chart instead.
 */
export function layoutTokenStrips(input: TokenStripsInput, measure: TextMeasurer = measureText): Scene {
	if (input.width !== undefined) return fitHeight(input, input.width, measure).scene;
	const natural = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, naturalWidth(input, measure)));
	const first = fitHeight(input, natural, measure);
	return first.cut && natural < MAX_WIDTH ? fitHeight(input, MAX_WIDTH, measure).scene : first.scene;
}

/**
 * The layout with the most lines per strip (up to `maxLinesPerStrip`) that keeps the chart within
 * {@link MAX_HEIGHT} and no taller than wide; one line per strip at least.
 */
function fitHeight(input: TokenStripsInput, width: number, measure: TextMeasurer) {
	const limit = Math.min(MAX_HEIGHT, width);
	for (let lines = input.maxLinesPerStrip ?? 10; ; lines--) {
		const laid = layoutAt(input, width, lines, measure);
		if (laid.scene.height <= limit || lines <= 1) return laid;
	}
}

function layoutAt(input: TokenStripsInput, width: number, maxLines: number, measure: TextMeasurer) {
	const { padding } = THEME;
	const maxX = width - padding;
	const header = layoutHeader(input, width, measure);
	const items: SceneItem[] = [...header.items];
	let y = header.bottom;
	const summary: string[] = [];
	let cut = false;

	input.strips.forEach((strip, stripIndex) => {
		if (stripIndex > 0) y += STRIP_GAP;
		items.push({
			kind: 'text',
			role: 'strip-heading',
			x: padding,
			y,
			text: strip.heading,
			font: THEME.fonts.heading,
			color: THEME.text,
			align: 'left',
			baseline: 'top',
		});
		y += THEME.fonts.heading.size + 12;
		const withBytes = strip.tokens.some((t) => showsBytes(t, input.showBytes));
		const lineHeight = BOX_H + ID_H + (withBytes ? BYTES_H : 0);
		const { spans, lines: linesUsed } = wrapSpans(strip.tokens, input, maxX, maxLines, measure);
		for (const { token, index: i, content, label, x, line, w } of spans) {
			const idText = String(token.id);
			const top = y + line * (lineHeight + GAP_Y);
			if (token.special) {
				items.push(specialRect(x, top, w));
				items.push(...labelRuns(label, x + w / 2, top + BOX_H / 2, measure, SPECIAL_TOKEN_COLOR));
			} else {
				const fill = TOKEN_COLORS[i % TOKEN_COLORS.length]!;
				items.push({ kind: 'rect', role: 'token', x, y: top, w, h: BOX_H, fill, radius: 4 });
				if (!content.groups || content.groups.length === 1 || label !== content.label)
					items.push(...labelRuns(label, x + w / 2, top + BOX_H / 2, measure));
			}
			items.push({
				kind: 'text',
				role: 'token-id',
				x: x + w / 2,
				y: top + BOX_H + 3,
				text: idText,
				font: FONT_ID,
				color: THEME.textMuted,
				align: 'center',
				baseline: 'top',
			});
			if (content.groups) items.push(...byteGroupItems(content.groups, x, w, top, measure));
		}
		y += linesUsed * (lineHeight + GAP_Y) - GAP_Y;
		const shown = spans.length;
		if (shown < strip.tokens.length) {
			cut = true;
			y += 8;
			items.push({
				kind: 'text',
				role: 'strip-more',
				x: padding,
				y,
				text: t('charts.moreTokens', { count: strip.tokens.length - shown }),
				font: THEME.fonts.label,
				color: THEME.textMuted,
				align: 'left',
				baseline: 'top',
			});
			y += THEME.fonts.label.size + 4;
		}
		summary.push(t('charts.alt.stripTokens', { heading: strip.heading, count: strip.tokens.length }));
	});

	const footerProbe = layoutFooter(input, width, 0, measure, FOOTER_LINES);
	const height = Math.ceil(y + padding + footerProbe.height);
	items.push(...layoutFooter(input, width, height, measure, FOOTER_LINES).items);
	const scene = cardScene(width, height, items, `${input.title}. ${summary.join('; ')}.`);
	return { scene, cut };
}

/** Renders token strips to PNG. */
export async function renderTokenStrips(input: TokenStripsInput): Promise<Buffer> {
	return sceneToPng(layoutTokenStrips(input));
}
