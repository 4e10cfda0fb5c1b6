import { mix } from './color.js';
import { cardScene, layoutFooter, layoutHeader, type ChartText } from './frame.js';
import { sceneToPng } from './render.js';
import type { Scene, SceneItem } from './scene.js';
import { graphemes, measureText, truncate, visibleWhitespace, WHITESPACE_MARKS, type TextMeasurer } from './text.js';
import { PALETTE, THEME } from './theme.js';
import { t } from '../i18n/index.js';

/** One token as a tokenizer produced it. */
export interface Token {
	/** The decoded text; a token that is part of a character decodes to U+FFFD (�). */
	text: string;
	id: number;
	/** The token's UTF-8 bytes, shown in hex under tokens that are partial characters (see `showBytes`). */
	bytes?: readonly number[];
	/** A special (control) token, e.g. `<|im_start|>`: drawn dark with a yellow border, its literal text in yellow. */
	special?: boolean;
}

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
	showBytes?: 'partial' | 'always' | 'never';
}

/** Span backgrounds: the palette's first six colours lightened, so dark text reads on each and neighbours differ. */
export const TOKEN_COLORS = PALETTE.slice(0, 6).map((c) => mix(c, '#ffffff', 0.3));

/*
 * Sizes from docs/display-standard.md: the chart is at most MAX_WIDTH wide, so the smallest text (ids, bytes: the
 * theme's small size, 22 px) shows at ≥ 10 px in a 550 px desktop embed and ≥ 7 px on a 390 px phone. A long text
 * wraps into more lines rather than shrinking its fonts.
 */
const FONT_TOKEN = { size: 28 } as const;
const FONT_ID = THEME.fonts.small;
const FONT_BYTES = THEME.fonts.small;
const PAD_X = 8;
const BOX_H = 42;
const ID_H = FONT_ID.size + 7;
const BYTES_H = FONT_BYTES.size + 5;
const GAP_X = 4;
const GAP_Y = 12;
const MIN_SPAN = 24;
/** Whitespace marks: dark and bold on the light spans, so `⋅⋅⋅` reads as three spaces, not an empty box. */
const MARK_COLOR = mix(THEME.textOnLight, '#ffffff', 0.2);
const FONT_MARK = { size: FONT_TOKEN.size, weight: 'bold' } as const;
/** The narrowest and widest token chart (see docs/display-standard.md). */
export const MIN_WIDTH = 560;
export const MAX_WIDTH = 1200;
/** The tallest token chart; a chart is also never taller than wide. */
export const MAX_HEIGHT = 1200;
/** Footer lines before the rest is cut: a narrow chart needs more lines for the same notes. */
const FOOTER_LINES = 4;
/** Room above each strip after the first. */
const STRIP_GAP = 14;
/** Room between the byte groups of neighbouring characters. */
const GROUP_GAP = 10;
const MARKS = new Set<string>(Object.values(WHITESPACE_MARKS));
/** Special tokens: unlike every light span, so a chat template's markers stand out from the text around them. */
export const SPECIAL_TOKEN_FILL = '#0b0c0e';
export const SPECIAL_TOKEN_COLOR = PALETTE[3];

/** Hex bytes as shown under a span: `E3 81`. */
export function hexBytes(bytes: readonly number[]): string {
	return bytes.map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
}

function showsBytes(token: Token, mode: TokenStripsInput['showBytes']): boolean {
	if (!token.bytes || token.bytes.length === 0 || mode === 'never') return false;
	return mode === 'always' || token.text.includes('\uFFFD');
}

/** One character of a span with its own bytes beneath: which bytes make 안. */
interface ByteGroup {
	label: string;
	hex: string;
	w: number;
}

/**
 * A token's characters, each with its UTF-8 bytes, when its text is exactly its bytes (a whole-character token);
 * otherwise (part of a character, or text renamed for display) one group with all the bytes.
 */
export function byteGroups(token: Token, measure: TextMeasurer = measureText): ByteGroup[] {
	const bytes = token.bytes ?? [];
	const whole = Buffer.from(token.text, 'utf8');
	const exact = whole.length === bytes.length && whole.every((b, i) => b === bytes[i]);
	const parts = exact ? graphemes(token.text) : [token.text];
	return parts.map((part) => {
		const label = part === '' ? '∅' : visibleWhitespace(part);
		const hex = hexBytes(exact ? [...Buffer.from(part, 'utf8')] : bytes);
		return { label, hex, w: Math.max(measure(label, FONT_TOKEN), measure(hex, FONT_BYTES)) };
	});
}

/** A span's label and inner width (before padding), with its byte groups when the bytes row is drawn. */
function spanContent(token: Token, bytes: boolean, measure: TextMeasurer) {
	const label = token.text === '' ? '∅' : visibleWhitespace(token.text);
	const groups = bytes ? byteGroups(token, measure) : undefined;
	const groupsW = groups ? groups.reduce((sum, g) => sum + g.w, 0) + GROUP_GAP * (groups.length - 1) : 0;
	const inner = Math.max(measure(label, FONT_TOKEN), measure(String(token.id), FONT_ID), groupsW);
	return { label, groups, w: Math.max(MIN_SPAN, Math.ceil(inner + 2 * PAD_X)) };
}

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
		let x = padding;
		let line = 0;
		let shown = 0;
		for (const [i, token] of strip.tokens.entries()) {
			const content = spanContent(token, showsBytes(token, input.showBytes), measure);
			let label = content.label;
			const idText = String(token.id);
			let w = content.w;
			if (x > padding && x + w > maxX) {
				x = padding;
				line++;
			}
			if (line >= maxLines) break;
			if (w > maxX - padding) {
				w = maxX - padding;
				label = truncate(label, w - 2 * PAD_X, FONT_TOKEN, measure);
			}
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
			shown++;
			x += w + GAP_X;
			// A newline token ends its line, so the strip keeps the text's own line breaks.
			if (input.breakAtNewlines !== false && token.text.endsWith('\n') && i < strip.tokens.length - 1) {
				x = padding;
				line++;
			}
		}
		const linesUsed = Math.min(line + 1, maxLines);
		y += linesUsed * (lineHeight + GAP_Y) - GAP_Y;
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

/** A special token's span: dark, with a border in the label's colour. */
function specialRect(x: number, y: number, w: number): SceneItem {
	const fill = SPECIAL_TOKEN_FILL;
	return { kind: 'rect', role: 'token', x, y, w, h: BOX_H, fill, stroke: SPECIAL_TOKEN_COLOR, lineWidth: 2, radius: 4 };
}

/**
 * Each character of a span over its own bytes: the groups side by side, centred in the span, each character centred
 * over its hex (when there is more than one group; a single group's label is drawn by {@link labelRuns}).
 */
function byteGroupItems(groups: readonly ByteGroup[], x: number, w: number, top: number, measure: TextMeasurer) {
	const total = groups.reduce((sum, g) => sum + g.w, 0) + GROUP_GAP * (groups.length - 1);
	let gx = x + (w - total) / 2;
	const items: SceneItem[] = [];
	for (const g of groups) {
		const cx = gx + g.w / 2;
		if (groups.length > 1) items.push(...labelRuns(g.label, cx, top + BOX_H / 2, measure));
		items.push({
			kind: 'text',
			role: 'token-bytes',
			x: cx,
			y: top + BOX_H + ID_H,
			text: g.hex,
			font: FONT_BYTES,
			color: PALETTE[1],
			align: 'center',
			baseline: 'top',
		});
		gx += g.w + GROUP_GAP;
	}
	return items;
}

/**
 * A span's label centred on (cx, cy), split into runs so the whitespace marks can be drawn fainter than the text.
 * Runs are placed left to right from the measured widths.
 */
function labelRuns(
	label: string,
	cx: number,
	cy: number,
	measure: TextMeasurer,
	textColor: string = THEME.textOnLight,
): SceneItem[] {
	const runs: { text: string; mark: boolean }[] = [];
	for (const ch of label) {
		const mark = MARKS.has(ch);
		const last = runs[runs.length - 1];
		if (last && last.mark === mark) last.text += ch;
		else runs.push({ text: ch, mark });
	}
	if (runs.length === 1) {
		return [
			{
				kind: 'text',
				role: 'token-text',
				x: cx,
				y: cy,
				text: label,
				font: runs[0]!.mark ? FONT_MARK : FONT_TOKEN,
				color: runs[0]!.mark ? MARK_COLOR : textColor,
				align: 'center',
				baseline: 'middle',
			},
		];
	}
	const fontOf = (run: { mark: boolean }) => (run.mark ? FONT_MARK : FONT_TOKEN);
	let x = cx - runs.reduce((sum, run) => sum + measure(run.text, fontOf(run)), 0) / 2;
	return runs.map((run) => {
		const item: SceneItem = {
			kind: 'text',
			role: 'token-text',
			x,
			y: cy,
			text: run.text,
			font: fontOf(run),
			color: run.mark ? MARK_COLOR : textColor,
			align: 'left',
			baseline: 'middle',
		};
		x += measure(run.text, fontOf(run));
		return item;
	});
}

/** Renders token strips to PNG. */
export async function renderTokenStrips(input: TokenStripsInput): Promise<Buffer> {
	return sceneToPng(layoutTokenStrips(input));
}
