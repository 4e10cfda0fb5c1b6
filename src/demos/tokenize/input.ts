import { UserError } from '../../core/errors.js';
import type { OpenAiModel } from '../../models/tokenizers/index.js';

/** The longest text /tokenize takes, in characters as Discord counts them (code points: an emoji is one). */
export const TOKENIZE_MAX_CHARACTERS = 4000;

/** The `encoding` option: one model's tokenizer, or all three side by side. */
export type EncodingChoice = OpenAiModel | 'compare';

/** The `show` option: tokens and ids; also the id list as text; also every token's UTF-8 bytes. */
export type ShowChoice = 'tokens' | 'ids' | 'bytes';

/** The models `compare` stacks, oldest first, so the counts fall from top to bottom for most text. */
export const COMPARED_MODELS: readonly OpenAiModel[] = ['gpt2', 'gpt-4', 'gpt-4o'];

/** The tokenizers to run for an `encoding` choice. */
export function modelsFor(choice: EncodingChoice): OpenAiModel[] {
	return choice === 'compare' ? [...COMPARED_MODELS] : [choice];
}

/** The number of characters (code points) in `text`. */
export function characterCount(text: string): number {
	let count = 0;
	for (const _ of text) count++;
	return count;
}

/**
 * Refuses text longer than {@link TOKENIZE_MAX_CHARACTERS} with a message that says how long it is, rather than
 * drawing part of it without notice.
 */
export function checkTokenizeText(text: string): void {
	const characters = characterCount(text);
	if (characters > TOKENIZE_MAX_CHARACTERS) {
		throw new UserError(
			`Your text has ${characters.toLocaleString('en-US')} characters; /tokenize takes up to ${TOKENIZE_MAX_CHARACTERS.toLocaleString('en-US')}. ` +
				'Send a shorter part of it.',
			'tokenize.too-long',
		);
	}
}
