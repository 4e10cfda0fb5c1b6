import { previewText } from '../tokenize/visible.js';
import type { AttentionData, AttentionToken } from './data.js';
import { t } from '../../i18n/index.js';

/** A token with its 1-based position, `3 ⋅or`, for charts whose rows the text refers to by number. */
export function numberedLabel(token: AttentionToken, index: number): string {
	return `${index + 1} ${token.label}`;
}

/** `layer 2, head 3` as members count (from 1). */
export function headName(data: Pick<AttentionData, 'layer' | 'head'>): string {
	return t('attention.headName', { layer: data.layer + 1, head: data.head + 1 });
}

/** The member's text as one subtitle line: invisible characters marked, cut to `max` characters. */
export function textPreview(text: string, max = 110): string {
	return previewText(text, max);
}
