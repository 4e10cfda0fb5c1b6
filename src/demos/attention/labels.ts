import { visibleWhitespace } from '../../charts/index.js';
import { chartText, previewText } from '../tokenize/visible.js';
import type { AttentionData, AttentionToken } from './data.js';

/**
 * A token as a chart label: spaces as `⋅`, newlines as `↵`, tabs as `→`, other invisible characters by name, so
 * `⋅be` and `be` look different (they are different tokens).
 */
export function tokenLabel(text: string): string {
	return visibleWhitespace(chartText(text));
}

/** A token in running text of a reply: `⋅she` in a code span, backticks replaced so the span cannot break. */
export function tokenCode(text: string): string {
	return `\`${tokenLabel(text).replace(/`/g, 'ˋ')}\``;
}

/** A token with its 1-based position, `3 ⋅or`, for charts whose rows the text refers to by number. */
export function numberedLabel(token: AttentionToken, index: number): string {
	return `${index + 1} ${tokenLabel(token.text)}`;
}

/** `layer 2, head 3` as members count (from 1). */
export function headName(data: Pick<AttentionData, 'layer' | 'head'>): string {
	return `layer ${data.layer + 1}, head ${data.head + 1}`;
}

/** The member's text as one subtitle line: invisible characters marked, cut to `max` characters. */
export function textPreview(tokens: readonly AttentionToken[], max = 110): string {
	return previewText(tokens.map((t) => t.text).join(''), max);
}
