import { UserError } from '../../core/errors.js';
import { FAMILIES, isFamily, type Family } from '../../models/tokenizers/index.js';
import { formatNumber, t } from '../../i18n/index.js';

/** The longest text /tokenize takes, in characters as Discord counts them (code points: an emoji is one). */
export const TOKENIZE_MAX_CHARACTERS = 4000;

/** The `encoding` option: one family's tokenizer, several side by side, or every family's token count. */
export type EncodingChoice = Family | 'compare' | 'all';

/** Most tokenizers `compare` stacks in one chart. */
export const COMPARE_MAX = 4;

/** The `show` option: tokens and ids; also the id list as text; also every token's UTF-8 bytes. */
export type ShowChoice = 'tokens' | 'ids' | 'bytes';

/** The models `compare` stacks, oldest first, so the counts fall from top to bottom for most text. */
export const COMPARED_MODELS: readonly Family[] = ['gpt2', 'gpt-4', 'gpt-4o'];

/**
 * The tokenizers to run for an `encoding` choice. `compare` takes the member's `families` (comma- or
 * space-separated, up to {@link COMPARE_MAX}) or OpenAI's three; `all` takes every family.
 */
export function modelsFor(choice: EncodingChoice, families?: string): Family[] {
	if (choice === 'all') return [...FAMILIES];
	if (choice !== 'compare') return [choice];
	if (families === undefined || families.trim() === '') return [...COMPARED_MODELS];
	const names = [
		...new Set(
			families
				.split(/[\s,]+/)
				.filter(Boolean)
				.map((n) => n.toLowerCase()),
		),
	];
	const unknown = names.filter((n) => !isFamily(n));
	if (unknown.length > 0)
		throw new UserError(
			t('tokenize.errors.unknownFamily', {
				count: unknown.length,
				names: unknown.join(', '),
				families: FAMILIES.join(', '),
			}),
			'tokenize.unknown-family',
		);
	if (names.length > COMPARE_MAX)
		throw new UserError(t('tokenize.errors.tooMany', { max: COMPARE_MAX, count: names.length }), 'tokenize.too-many');
	return names as Family[];
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
			t('tokenize.errors.tooLong', {
				characters: formatNumber(characters),
				max: formatNumber(TOKENIZE_MAX_CHARACTERS),
			}),
			'tokenize.too-long',
		);
	}
}
