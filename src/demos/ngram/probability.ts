import type { TinyGpt } from '../../models/transformer/index.js';
import { displayToken } from '../tokenize/visible.js';
import { NGRAM_MODELS, ngramCorpus, ngramDistributions, type ContextCounts, type NgramModel } from './counts.js';

/** The probability one count model gives one next token after a prompt, with the counts behind it. */
export interface NgramProbability {
	p: number;
	/** How /ngram shows the next token and the context tokens. */
	label: string;
	context: string[];
	/** The context's counts (none for the unigram). */
	counts: ContextCounts | null;
	/** c(next) in the training stream, its length and the vocabulary size: the unigram's add-one terms. */
	unigramCount: number;
	trainTokens: number;
	vocabulary: number;
	/** The next token's probability under the order below, which Witten–Bell mixes in (bigram and trigram). */
	lower?: number;
	nextId: number;
}

/**
 * The probability `order` gives the token `next` after `prompt` — the figure /ngram's panel for that model shows —
 * counted on tiny-gpt's training text in its own tokens. `next` must be exactly one of its tokens.
 */
export async function ngramProbability(
	model: TinyGpt,
	prompt: string,
	next: string,
	order: NgramModel,
): Promise<NgramProbability> {
	const tokenizer = model.tokenizer!;
	const ids = tokenizer.encode(prompt);
	if (ids.length === 0) throw new RangeError('ngram-probability: empty prompt');
	const nextIds = tokenizer.encode(next);
	if (nextIds.length !== 1)
		throw new RangeError(`“${next}” is ${nextIds.length} tiny-gpt tokens; an n-gram question needs exactly one`);
	const nextId = nextIds[0]!;
	const corpus = await ngramCorpus(model);
	const distributions = ngramDistributions(corpus, ids);
	const at = NGRAM_MODELS.indexOf(order);
	const { probs, counts } = distributions[at]!;
	const label = (id: number) => displayToken(tokenizer.decode([id]), tokenizer.tokenBytes(id));
	return {
		p: probs[nextId]!,
		label: label(nextId),
		context: (counts?.context ?? []).map(label),
		counts,
		unigramCount: corpus.unigramCounts[nextId]!,
		trainTokens: corpus.train.length,
		vocabulary: corpus.unigramCounts.length,
		...(at > 0 ? { lower: distributions[at - 1]!.probs[nextId]! } : {}),
		nextId,
	};
}
