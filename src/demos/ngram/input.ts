import { UserError } from '../../core/errors.js';
import { t } from '../../i18n/index.js';

/** The longest prompt /ngram takes, in characters: the n-grams read its last two tokens, tiny-gpt its last 128. */
export const NGRAM_PROMPT_MAX_CHARACTERS = 500;

/** Tokens each panel of the chart lists. */
export const NGRAM_TOP = 8;

/** Refuses a prompt that holds no token (empty after Discord trims it). */
export function checkNgramPrompt(prompt: string): void {
	if (prompt.length === 0) throw new UserError(t('ngram.empty'), 'ngram.empty');
}
