import { hexBytes, visibleWhitespace } from '../../charts/index.js';
import { chartText, previewText } from '../tokenize/visible.js';
import type { AttentionData, AttentionToken } from './data.js';

/**
 * A token as a chart label: spaces as `⋅`, newlines as `↵`, tabs as `→`, other invisible characters by name, so
 * `⋅be` and `be` look different (they are different tokens).
 */
export function tokenLabel(text: string): string {
	return visibleWhitespace(chartText(text));
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * How a token is shown in charts and tables: {@link tokenLabel} of its text, or, when its bytes are only part of a
 * character (a Hangul syllable or an emoji split across tokens decodes to U+FFFD), those bytes in hex (`EC 95`), as
 * /tokenize shows them.
 */
export function displayToken(text: string, bytes: ArrayLike<number> | null): string {
	if (bytes && bytes.length > 0 && text.includes('\uFFFD')) {
		try {
			strictUtf8.decode(Uint8Array.from(bytes));
		} catch {
			return hexBytes(Array.from(bytes));
		}
	}
	return tokenLabel(text);
}

/** A token in running text of a reply: `⋅she` in a code span, backticks replaced so the span cannot break. */
export function tokenCode(text: string): string {
	return `\`${tokenLabel(text).replace(/`/g, 'ˋ')}\``;
}

/** A token with its 1-based position, `3 ⋅or`, for charts whose rows the text refers to by number. */
export function numberedLabel(token: AttentionToken, index: number): string {
	return `${index + 1} ${token.label}`;
}

/** `layer 2, head 3` as members count (from 1). */
export function headName(data: Pick<AttentionData, 'layer' | 'head'>): string {
	return `layer ${data.layer + 1}, head ${data.head + 1}`;
}

/** The member's text as one subtitle line: invisible characters marked, cut to `max` characters. */
export function textPreview(text: string, max = 110): string {
	return previewText(text, max);
}
