import { graphemes, measureText, visibleWhitespace, type TextMeasurer } from './text.js';
import { THEME } from './theme.js';

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

/** Which tokens get a hex bytes row: those with U+FFFD in their text (default), all with bytes, or none. */
export type ShowBytes = 'partial' | 'always' | 'never';

/*
 * Sizes from docs/display-standard.md: the chart is at most MAX_WIDTH wide, so the smallest text (ids, bytes: the
 * theme's small size, 22 px) shows at ≥ 10 px in a 550 px desktop embed and ≥ 7 px on a 390 px phone. A long text
 * wraps into more lines rather than shrinking its fonts.
 */
export const FONT_TOKEN = { size: 28 } as const;
export const FONT_ID = THEME.fonts.small;
export const FONT_BYTES = THEME.fonts.small;
export const PAD_X = 8;
export const BOX_H = 42;
export const ID_H = FONT_ID.size + 7;
export const GAP_X = 4;
const MIN_SPAN = 24;
/** Room between the byte groups of neighbouring characters. */
export const GROUP_GAP = 10;

/** Hex bytes as shown under a span: `E3 81`. */
export function hexBytes(bytes: readonly number[]): string {
	return bytes.map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
}

export function showsBytes(token: Token, mode: ShowBytes | undefined): boolean {
	if (!token.bytes || token.bytes.length === 0 || mode === 'never') return false;
	return mode === 'always' || token.text.includes('\uFFFD');
}

/** One character of a span with its own bytes beneath: which bytes make 안. */
export interface ByteGroup {
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
export function spanContent(token: Token, bytes: boolean, measure: TextMeasurer) {
	const label = token.text === '' ? '∅' : visibleWhitespace(token.text);
	const groups = bytes ? byteGroups(token, measure) : undefined;
	const groupsW = groups ? groups.reduce((sum, g) => sum + g.w, 0) + GROUP_GAP * (groups.length - 1) : 0;
	const inner = Math.max(measure(label, FONT_TOKEN), measure(String(token.id), FONT_ID), groupsW);
	return { label, groups, w: Math.max(MIN_SPAN, Math.ceil(inner + 2 * PAD_X)) };
}
