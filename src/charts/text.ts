import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { cssFont, ensureFonts, type FontSpec } from './fonts.js';

/** Width in pixels of `text` drawn in `font`. Layouts take one so tests can pass a predictable fake. */
export type TextMeasurer = (text: string, font: FontSpec) => number;

let context: SKRSContext2D | undefined;
const cache = new Map<string, number>();
const CACHE_LIMIT = 20_000;

/** Measures with Skia and the shipped fonts (registered on first use). Results are cached per font and text. */
export const measureText: TextMeasurer = (text, font) => {
	const key = `${font.weight ?? 'normal'}|${font.size}|${text}`;
	const hit = cache.get(key);
	if (hit !== undefined) return hit;
	if (!context) {
		ensureFonts();
		context = createCanvas(1, 1).getContext('2d');
	}
	context.font = cssFont(font);
	const width = context.measureText(text).width;
	// A long-running bot measures many distinct tokens; dropping everything now and then keeps memory bounded.
	if (cache.size >= CACHE_LIMIT) cache.clear();
	cache.set(key, width);
	return width;
};

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The user-perceived characters of `text` (a ZWJ emoji or a flag is one). */
export function graphemes(text: string): string[] {
	return Array.from(segmenter.segment(text), (s) => s.segment);
}

export const ELLIPSIS = '…';

/**
 * `text` cut to fit `maxWidth`, ending in an ellipsis when cut. Cuts between graphemes, never inside an emoji or a
 * Hangul syllable. Returns '' when not even the ellipsis fits.
 */
export function truncate(text: string, maxWidth: number, font: FontSpec, measure: TextMeasurer): string {
	if (measure(text, font) <= maxWidth) return text;
	return withEllipsis(text, maxWidth, font, measure);
}

/** The longest grapheme prefix of `text` that fits `maxWidth` with an ellipsis appended ('' if the ellipsis alone does not fit). */
function withEllipsis(text: string, maxWidth: number, font: FontSpec, measure: TextMeasurer): string {
	if (measure(ELLIPSIS, font) > maxWidth) return '';
	const parts = graphemes(text);
	// Binary search on the number of graphemes kept: widths grow with the prefix.
	let lo = 0;
	let hi = parts.length;
	while (lo < hi) {
		const mid = Math.ceil((lo + hi) / 2);
		if (measure(parts.slice(0, mid).join('').trimEnd() + ELLIPSIS, font) <= maxWidth) lo = mid;
		else hi = mid - 1;
	}
	return parts.slice(0, lo).join('').trimEnd() + ELLIPSIS;
}

/**
 * Breaks `text` into lines no wider than `maxWidth`: at spaces where it can, and between graphemes for a word wider
 * than a line (long URLs, CJK without spaces). Keeps explicit newlines. At most `maxLines` lines; the last one is
 * truncated with an ellipsis when text remains.
 */
export function wrap(
	text: string,
	maxWidth: number,
	font: FontSpec,
	measure: TextMeasurer,
	maxLines = Number.POSITIVE_INFINITY,
): string[] {
	const lines: string[] = [];
	for (const paragraph of text.split('\n')) {
		let line = '';
		for (const word of paragraph.split(/(?<= )/)) {
			const candidate = line + word;
			if (measure(candidate.trimEnd(), font) <= maxWidth) {
				line = candidate;
				continue;
			}
			if (line.trim() !== '') lines.push(line.trimEnd());
			line = '';
			if (measure(word.trimEnd(), font) <= maxWidth) {
				line = word;
				continue;
			}
			// The word alone is too wide: fill lines grapheme by grapheme.
			for (const g of graphemes(word)) {
				if (line !== '' && measure((line + g).trimEnd(), font) > maxWidth) {
					lines.push(line.trimEnd());
					line = '';
				}
				line += g;
			}
		}
		lines.push(line.trimEnd());
	}
	if (lines.length <= maxLines) return lines;
	const kept = lines.slice(0, maxLines);
	kept[maxLines - 1] = withEllipsis(kept[maxLines - 1]!, maxWidth, font, measure);
	return kept;
}

/** The marks that make whitespace visible in token strips (`←` for a carriage return: back to the line start). */
export const WHITESPACE_MARKS = { ' ': '⋅', '\n': '↵', '\t': '→', '\r': '←' } as const;

/** Characters that draw nothing at all, shown by name so a token made of one is not an empty box. */
export const INVISIBLE_NAMES: Readonly<Record<string, string>> = {
	'\u200b': '[ZWSP]',
	'\u200c': '[ZWNJ]',
	'\u200d': '[ZWJ]',
	'\u2060': '[WJ]',
	'\ufe0e': '[VS15]',
	'\ufe0f': '[VS16]',
	'\ufeff': '[BOM]',
};

/**
 * `text` with spaces, newlines, tabs and carriage returns replaced by their visible marks, and zero-width characters
 * by their names, except inside an emoji sequence, where the joiner and the emoji variation selector do their job.
 */
export function visibleWhitespace(text: string): string {
	return graphemes(text)
		.map((g) => {
			if (g.length > 1 && /\p{Extended_Pictographic}/u.test(g)) return g;
			return g
				.replace(/[ \n\t\r]/g, (c) => WHITESPACE_MARKS[c as keyof typeof WHITESPACE_MARKS])
				.replace(/\u200b|\u200c|\u200d|\u2060|\ufe0e|\ufe0f|\ufeff/g, (c) => INVISIBLE_NAMES[c]!);
		})
		.join('');
}
