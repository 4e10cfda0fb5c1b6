import { UserError } from '../../core/errors.js';
import type { BytePairEncoding } from '../../models/tokenizers/index.js';
import { tokenPieces } from '../../models/tokenizers/index.js';
import type { ModelConfig } from '../../models/transformer/index.js';
import { previewText, tokenLabel } from '../tokenize/visible.js';
import { t } from '../../i18n/index.js';

// The residual and FFN demos' charts and replies show tokens as /tokenize does.
export { tokenCode, tokenLabel } from '../tokenize/visible.js';

/** A bound on the text option itself (characters), so tokenizing stays cheap before the token count is checked. */
export const MODEL_TEXT_MAX_CHARACTERS = 1000;

/** One token of the member's text as our model reads it. */
export interface ModelToken {
	id: number;
	/** The token's text (bytes decoded as UTF-8; a token that splits a character shows its bytes, e.g. `<EC 95>`). */
	text: string;
}

/** The member's text as our model's tokens, or how many tokens it has when that is more than the model reads. */
export type Tokenized = { kind: 'ok'; tokens: ModelToken[] } | { kind: 'too-long'; tokens: number };

/**
 * Tokenizes member text with our model's BPE (special-token text is read as ordinary text, as tiktoken's
 * `encode_ordinary` does) and refuses more tokens than the model's context holds.
 */
export function tokenizeForModel(tokenizer: BytePairEncoding, text: string, contextLength: number): Tokenized {
	const pieces = tokenPieces(tokenizer, text);
	if (pieces.length > contextLength) return { kind: 'too-long', tokens: pieces.length };
	return { kind: 'ok', tokens: pieces.map((p) => ({ id: p.id, text: p.splitsCharacter ? p.label : p.text })) };
}

/** The error for text longer than the model reads at once. */
export function tooManyTokensError(command: string, tokens: number, contextLength: number): UserError {
	return new UserError(
		t('modelText.tooLong', { tokens: tokens.toLocaleString('en-US'), context: contextLength, command }),
		`${command}.too-long`,
	);
}

/** A token with its position counted from 1, `3 ⋅or`, as the charts label rows. */
export function numberedLabel(text: string, index: number): string {
	return `${index + 1} ${tokenLabel(text)}`;
}

/** The member's text on one line for a subtitle, invisible characters marked, cut to `max` characters. */
export function textPreview(tokens: readonly ModelToken[], max = 110): string {
	return previewText(tokens.map((t) => t.text).join(''), max);
}

/** `layer 2 of 4`, counted from 1 as members count. */
export function layerName(layer: number, layers: number): string {
	return t('modelText.layerName', { layer: layer + 1, layers });
}

/** Checks a 1-based `layer` (as members count) against the model; returns it 0-based (as the model indexes). */
export function checkLayer(command: string, config: Pick<ModelConfig, 'nLayers'>, layer: number): number {
	if (!Number.isInteger(layer) || layer < 1 || layer > config.nLayers) {
		throw new UserError(t('modelText.layer', { layers: config.nLayers }), `${command}.layer`);
	}
	return layer - 1;
}
