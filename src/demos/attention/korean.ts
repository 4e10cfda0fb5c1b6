import { codeSpan } from '../../core/visible-text.js';
import { t } from '../../i18n/index.js';
import type { AttentionData } from './data.js';

/**
 * What a member who typed Korean should know: our model learnt from English text only, so its tokenizer reads Hangul
 * byte by byte (what it saw, counted on the member's own first Korean word), and which demos do read Korean:
 * /tokenize always, `/similarity engine:openai` when the bot has an embedding model. Empty for text without Hangul.
 */
export function koreanNotes(data: AttentionData, openaiConfigured: boolean): string[] {
	const k = data.korean;
	if (!k) return [];
	const seen = { model: data.model, word: codeSpan(k.word), bytes: k.bytes, tokens: k.tokens };
	return [
		t(k.tokens === k.bytes ? 'attention.korean.bytes' : 'attention.korean.pieces', seen),
		t('attention.korean.tokenize'),
		...(openaiConfigured ? [t('attention.korean.openai')] : []),
	];
}
