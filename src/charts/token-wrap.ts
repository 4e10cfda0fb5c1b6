import { truncate, type TextMeasurer } from './text.js';
import { THEME } from './theme.js';
import { FONT_TOKEN, GAP_X, PAD_X, showsBytes, spanContent, type ShowBytes, type Token } from './token-span.js';

/** A token's span placed in its strip: its line (from 0), left edge and width, and its label cut to fit. */
export interface PlacedSpan {
	token: Token;
	/** The token's place in the strip (its colour follows from it). */
	index: number;
	content: ReturnType<typeof spanContent>;
	label: string;
	x: number;
	line: number;
	w: number;
}

/**
 * Wraps a strip's spans into lines: a span that would pass `maxX` starts the next line, and a newline token ends its
 * line (unless `breakAtNewlines` is false), so the strip keeps the text's own line breaks. A span wider than a line
 * is cut to it with its label truncated. Stops at `maxLines`: `spans` holds the tokens that fit, `lines` the lines used.
 */
export function wrapSpans(
	tokens: readonly Token[],
	input: { showBytes?: ShowBytes; breakAtNewlines?: boolean },
	maxX: number,
	maxLines: number,
	measure: TextMeasurer,
): { spans: PlacedSpan[]; lines: number } {
	const { padding } = THEME;
	const spans: PlacedSpan[] = [];
	let x = padding;
	let line = 0;
	for (const [i, token] of tokens.entries()) {
		const content = spanContent(token, showsBytes(token, input.showBytes), measure);
		let label = content.label;
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
		spans.push({ token, index: i, content, label, x, line, w });
		x += w + GAP_X;
		// A newline token ends its line, so the strip keeps the text's own line breaks.
		if (input.breakAtNewlines !== false && token.text.endsWith('\n') && i < tokens.length - 1) {
			x = padding;
			line++;
		}
	}
	return { spans, lines: Math.min(line + 1, maxLines) };
}
