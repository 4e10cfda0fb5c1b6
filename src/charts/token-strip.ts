import { mix } from './color.js';
import { cardScene, layoutFooter, layoutHeader, type ChartText } from './frame.js';
import { sceneToPng } from './render.js';
import type { Scene, SceneItem } from './scene.js';
import { measureText, truncate, visibleWhitespace, WHITESPACE_MARKS, type TextMeasurer } from './text.js';
import { PALETTE, THEME } from './theme.js';

/** One token as a tokenizer produced it. */
export interface Token {
	/** The decoded text; a token that is part of a character decodes to U+FFFD (�). */
	text: string;
	id: number;
	/** The token's UTF-8 bytes, shown in hex under tokens that are partial characters (see `showBytes`). */
	bytes?: readonly number[];
}

/** One encoding of a text: a heading (e.g. `cl100k_base · 9 tokens`) and its tokens in order. */
export interface TokenStrip {
	heading: string;
	tokens: readonly Token[];
}

export interface TokenStripsInput extends ChartText {
	/** One or more encodings, stacked top to bottom. */
	strips: readonly TokenStrip[];
	/** Image width in pixels (default 1200); the height follows from the content. */
	width?: number;
	/** Lines of spans per strip before the rest is summarised as "… N more tokens" (default 10). */
	maxLinesPerStrip?: number;
	/** Which tokens get a hex bytes row: those with U+FFFD in their text (default), all with bytes, or none. */
	showBytes?: 'partial' | 'always' | 'never';
}

/** Span backgrounds: the palette's first six colours lightened, so dark text reads on each and neighbours differ. */
export const TOKEN_COLORS = PALETTE.slice(0, 6).map((c) => mix(c, '#ffffff', 0.3));

const FONT_TOKEN = { size: 16 } as const;
const FONT_ID = THEME.fonts.small;
const FONT_BYTES = { size: 11 } as const;
const PAD_X = 6;
const BOX_H = 28;
const ID_H = 17;
const BYTES_H = 15;
const GAP_X = 3;
const GAP_Y = 10;
const MIN_SPAN = 16;
const MARK_COLOR = mix(THEME.textOnLight, '#ffffff', 0.45);
const MARKS = new Set<string>(Object.values(WHITESPACE_MARKS));

/** Hex bytes as shown under a span: `E3 81`. */
export function hexBytes(bytes: readonly number[]): string {
	return bytes.map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
}

function showsBytes(token: Token, mode: TokenStripsInput['showBytes']): boolean {
	if (!token.bytes || token.bytes.length === 0 || mode === 'never') return false;
	return mode === 'always' || token.text.includes('\uFFFD');
}

/**
 * Lays out token strips: per strip a heading, then each token as a coloured span (whitespace made visible) with its
 * id beneath and, for partial characters, its bytes; spans wrap at the image width and after a newline token.
 */
export function layoutTokenStrips(input: TokenStripsInput, measure: TextMeasurer = measureText): Scene {
	const width = input.width ?? 1200;
	const { padding } = THEME;
	const maxX = width - padding;
	const header = layoutHeader(input, width, measure);
	const items: SceneItem[] = [...header.items];
	let y = header.bottom;
	const maxLines = input.maxLinesPerStrip ?? 10;
	const summary: string[] = [];

	input.strips.forEach((strip, stripIndex) => {
		if (stripIndex > 0) y += 14;
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
			const bytes = showsBytes(token, input.showBytes) && token.bytes ? hexBytes(token.bytes) : undefined;
			let label = token.text === '' ? '∅' : visibleWhitespace(token.text);
			const idText = String(token.id);
			const inner = Math.max(
				measure(label, FONT_TOKEN),
				measure(idText, FONT_ID),
				bytes ? measure(bytes, FONT_BYTES) : 0,
			);
			let w = Math.max(MIN_SPAN, Math.ceil(inner + 2 * PAD_X));
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
			const fill = TOKEN_COLORS[i % TOKEN_COLORS.length]!;
			items.push({ kind: 'rect', role: 'token', x, y: top, w, h: BOX_H, fill, radius: 4 });
			items.push(...labelRuns(label, x + w / 2, top + BOX_H / 2, measure));
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
			if (bytes) {
				items.push({
					kind: 'text',
					role: 'token-bytes',
					x: x + w / 2,
					y: top + BOX_H + ID_H + 1,
					text: bytes,
					font: FONT_BYTES,
					color: PALETTE[1],
					align: 'center',
					baseline: 'top',
				});
			}
			shown++;
			x += w + GAP_X;
			// A newline token ends its line, so the strip keeps the text's own line breaks.
			if (token.text.endsWith('\n') && i < strip.tokens.length - 1) {
				x = padding;
				line++;
			}
		}
		const linesUsed = Math.min(line + 1, maxLines);
		y += linesUsed * (lineHeight + GAP_Y) - GAP_Y;
		if (shown < strip.tokens.length) {
			y += 8;
			items.push({
				kind: 'text',
				role: 'strip-more',
				x: padding,
				y,
				text: `… and ${strip.tokens.length - shown} more tokens`,
				font: THEME.fonts.label,
				color: THEME.textMuted,
				align: 'left',
				baseline: 'top',
			});
			y += THEME.fonts.label.size + 4;
		}
		summary.push(`${strip.heading}: ${strip.tokens.length} tokens`);
	});

	const footerProbe = layoutFooter(input, width, 0, measure);
	const height = Math.ceil(y + padding + footerProbe.height);
	items.push(...layoutFooter(input, width, height, measure).items);
	return cardScene(width, height, items, `${input.title}. ${summary.join('; ')}.`);
}

/**
 * A span's label centred on (cx, cy), split into runs so the whitespace marks can be drawn fainter than the text.
 * Runs are placed left to right from the measured widths.
 */
function labelRuns(label: string, cx: number, cy: number, measure: TextMeasurer): SceneItem[] {
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
				font: FONT_TOKEN,
				color: runs[0]!.mark ? MARK_COLOR : THEME.textOnLight,
				align: 'center',
				baseline: 'middle',
			},
		];
	}
	let x = cx - measure(label, FONT_TOKEN) / 2;
	return runs.map((run) => {
		const item: SceneItem = {
			kind: 'text',
			role: 'token-text',
			x,
			y: cy,
			text: run.text,
			font: FONT_TOKEN,
			color: run.mark ? MARK_COLOR : THEME.textOnLight,
			align: 'left',
			baseline: 'middle',
		};
		x += measure(run.text, FONT_TOKEN);
		return item;
	});
}

/** Renders token strips to PNG. */
export async function renderTokenStrips(input: TokenStripsInput): Promise<Buffer> {
	return sceneToPng(layoutTokenStrips(input));
}
