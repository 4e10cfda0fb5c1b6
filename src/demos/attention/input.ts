import type { AutocompleteChoice } from '../../core/interaction.js';
import { UserError } from '../../core/errors.js';
import type { ModelConfig } from '../../models/transformer/index.js';
import { t } from '../../i18n/index.js';

/** The longest input /attention draws, in our model's tokens: a 64 × 64 map still has readable labels. */
export const ATTENTION_MAX_TOKENS = 64;
/** `view:steps` works on this many tokens at most, so that every number of every step fits in a cell. */
export const STEPS_MAX_TOKENS = 8;
/** A bound on the text option itself (characters), so tokenizing stays cheap before the token count is checked. */
export const ATTENTION_TEXT_MAX_CHARACTERS = 1000;
/** How many of a head's 32 dimensions `view:steps` draws for V and the output (all are in the CSV). */
export const STEPS_DIMS_SHOWN = 8;

/** `head`: one head's map; `heads`: every head of a layer; `steps`: one head's arithmetic on a short input. */
export type AttentionView = 'head' | 'heads' | 'steps';

/**
 * Checks 1-based `layer` and `head` (as members count them) against the model and returns them 0-based (as the
 * model indexes them). Members never see a 0-based number.
 */
export function checkLayerHead(config: ModelConfig, layer: number, head: number): { layer: number; head: number } {
	if (!Number.isInteger(layer) || layer < 1 || layer > config.nLayers) {
		throw new UserError(t('attention.errors.layer', { layers: config.nLayers }), 'attention.layer');
	}
	if (!Number.isInteger(head) || head < 1 || head > config.nHeads) {
		throw new UserError(t('attention.errors.head', { heads: config.nHeads }), 'attention.head');
	}
	return { layer: layer - 1, head: head - 1 };
}

/** Autocomplete for `layer` or `head`: every number 1…count whose digits start with what was typed. */
export function numberChoices(count: number, typed: string, name: (n: number) => string): AutocompleteChoice[] {
	const prefix = typed.trim();
	const out: AutocompleteChoice[] = [];
	for (let n = 1; n <= count; n++) if (String(n).startsWith(prefix)) out.push({ name: name(n), value: n });
	return out;
}

/** The autocomplete label of layer `n` (1-based) of `count`. */
export function layerChoiceName(n: number, count: number): string {
	const key = n === 1 ? 'layerFirst' : n === count ? 'layerLast' : 'layer';
	return t(`attention.choices.${key}`, { n, count });
}

/** The error for an input longer than {@link ATTENTION_MAX_TOKENS}: how many tokens it has, and the limit. */
export function tooManyTokensError(tokens: number): UserError {
	return new UserError(t('attention.errors.tooLong', { tokens, max: ATTENTION_MAX_TOKENS }), 'attention.too-long');
}
