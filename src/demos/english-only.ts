import { t } from '../i18n/index.js';

const HANGUL = /\p{Script=Hangul}/gu;

/**
 * What our model makes of Korean, for a reply whose text has some: tiny-gpt was trained on English only, and its
 * byte-level BPE learnt no merge of any non-ASCII byte (tests/demos/english-only.test.ts checks the shipped
 * tokenizer), so every UTF-8 byte of a Korean character is a token of its own that training never showed it.
 * `tokens` is the whole text's token count; `then` says what that means for the demo; the way out is /tokenize's
 * real tokenizers, and `engine:openai` when a language model is configured. Empty when the text has no Korean.
 */
export function englishOnlyNote(
	text: string,
	tokens: number,
	then: 'sample' | 'layers' | 'ngram',
	llmConfigured: boolean,
): string {
	const hangul = text.match(HANGUL) ?? [];
	if (hangul.length === 0) return '';
	const saw = t('modelText.englishOnly.saw', {
		count: hangul.length,
		tokens: tokens.toLocaleString('en-US'),
		bytes: Buffer.byteLength(hangul.join(''), 'utf8').toLocaleString('en-US'),
	});
	return [
		t('modelText.englishOnly.title'),
		saw,
		t(`modelText.englishOnly.${then}`),
		llmConfigured ? t('modelText.englishOnly.openai') : '',
		t('modelText.englishOnly.tokenize'),
	]
		.filter(Boolean)
		.join(' ');
}
