import { softmax } from '../../models/sampling/index.js';
import type { TinyGpt } from '../../models/transformer/index.js';
import { displayToken } from '../tokenize/visible.js';
import { ngramDistributions, type HeldOut, type NgramCorpus, type NgramModel } from './counts.js';
import { NGRAM_TOP } from './input.js';

/** One of a panel's most likely next tokens. */
export interface NgramRow {
	id: number;
	/** How charts and replies show the token (see `displayToken`). */
	label: string;
	p: number;
	/** How often it followed the panel's context in the training text (count models with a context only). */
	count?: number;
}

/** One model's panel: its top next tokens, its held-out cross-entropy, and what it looked at. */
export interface NgramPanel {
	model: NgramModel | 'tiny-gpt';
	/** Held-out nats per token, from the model card. */
	heldOut: number;
	/** Labels of the context tokens the model conditions on (tiny-gpt: the last ones of up to 128). */
	context: string[];
	/** Tokens of context the model read. */
	contextTokens: number;
	/** Times the context occurs in the training text followed by a token (count models with a context only). */
	seen?: number;
	/** Distinct tokens that followed it there. */
	distinct?: number;
	rows: NgramRow[];
}

/** /ngram's result: the prompt and four panels, lowest order first. */
export interface NgramView {
	prompt: string;
	promptTokens: number;
	trainTokens: number;
	vocabulary: number;
	panels: NgramPanel[];
}

/** The top `n` ids by probability, ties to the lower id. */
export function topIds(probs: ArrayLike<number>, n: number): number[] {
	return Array.from({ length: probs.length }, (_, i) => i)
		.sort((a, b) => (probs[b] as number) - (probs[a] as number) || a - b)
		.slice(0, n);
}

/** Runs the three count models and tiny-gpt on the prompt's tokens. */
export function ngramView(model: TinyGpt, corpus: NgramCorpus, heldOut: HeldOut, prompt: string): NgramView {
	const tokenizer = model.tokenizer!;
	const ids = tokenizer.encode(prompt);
	if (ids.length === 0) throw new RangeError('ngram: empty prompt');
	const label = (id: number) => displayToken(tokenizer.decode([id]), tokenizer.tokenBytes(id));
	const rowsOf = (probs: ArrayLike<number>, followers?: Float64Array): NgramRow[] =>
		topIds(probs, NGRAM_TOP).map((id) => ({
			id,
			label: label(id),
			p: probs[id] as number,
			...(followers ? { count: followers[id] } : {}),
		}));
	const panels: NgramPanel[] = ngramDistributions(corpus, ids).map(({ model: name, probs, counts }) => ({
		model: name,
		heldOut: heldOut[name],
		context: (counts?.context ?? []).map(label),
		contextTokens: counts?.context.length ?? 0,
		...(counts ? { seen: counts.seen, distinct: counts.distinct } : {}),
		rows: rowsOf(probs, counts?.followers),
	}));
	const window = ids.slice(-model.config.contextLength);
	panels.push({
		model: 'tiny-gpt',
		heldOut: heldOut['tiny-gpt'],
		context: window.slice(-3).map(label),
		contextTokens: window.length,
		rows: rowsOf(softmax(model.nextLogits(window))),
	});
	return {
		prompt,
		promptTokens: ids.length,
		trainTokens: corpus.train.length,
		vocabulary: model.config.vocabSize,
		panels,
	};
}
