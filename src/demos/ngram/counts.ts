import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { addOneUnigram, wittenBell } from '../../models/transformer/baselines.js';
import { readCorpusSplits, tokenizeSplits } from '../../models/transformer/dataset.js';
import { repoRoot } from '../../models/transformer/paths.js';
import type { TinyGpt } from '../../models/transformer/index.js';

/** The three count models /ngram shows, lowest order first. */
export const NGRAM_MODELS = ['unigram', 'bigram', 'trigram'] as const;
export type NgramModel = (typeof NGRAM_MODELS)[number];

/**
 * tiny-gpt's training stream (both documents, joined by end-of-text, in its own tokens) and each token's count:
 * all an n-gram model over it needs. Counting the followers of one context is a scan of 1.2 M tokens (a few ms),
 * so no table of every bigram and trigram is kept in memory.
 */
export interface NgramCorpus {
	train: Int32Array;
	unigramCounts: Float64Array;
}

/** Held-out cross-entropy (nats/token) of each model, as the model card gives it. */
export type HeldOut = Record<NgramModel | 'tiny-gpt', number>;

const corpora = new WeakMap<TinyGpt, Promise<NgramCorpus>>();

/** The model's training stream, tokenized once per thread (about half a second) exactly as training split it. */
export function ngramCorpus(model: TinyGpt): Promise<NgramCorpus> {
	let corpus = corpora.get(model);
	if (!corpus) {
		corpus = (async () => {
			const splits = await readCorpusSplits(path.join(repoRoot(), 'assets/corpus'));
			const { train } = tokenizeSplits(model.tokenizer!, splits);
			const unigramCounts = new Float64Array(model.config.vocabSize);
			for (const id of train) unigramCounts[id] = (unigramCounts[id] as number) + 1;
			return { train, unigramCounts };
		})();
		corpus.catch(() => corpora.delete(model));
		corpora.set(model, corpus);
	}
	return corpus;
}

/** The validation figures of the model card (assets/models/<name>/metrics.json), trigram row included. */
export async function heldOutFigures(name: string): Promise<HeldOut> {
	const file = path.join(repoRoot(), 'assets/models', name, 'metrics.json');
	const v = (
		JSON.parse(await readFile(file, 'utf8')) as {
			validation: Record<'model' | NgramModel, { natsPerToken: number } | undefined>;
		}
	).validation;
	const nats = (key: 'model' | NgramModel) => {
		const value = v[key]?.natsPerToken;
		if (value === undefined) throw new Error(`${file} has no ${key} row (scripts/ngram-baselines.ts adds it)`);
		return value;
	};
	return {
		'unigram': nats('unigram'),
		'bigram': nats('bigram'),
		'trigram': nats('trigram'),
		'tiny-gpt': nats('model'),
	};
}

/** One context's counts: how often it was followed by anything, by how many distinct tokens, and by each token. */
export interface ContextCounts {
	/** The context's token ids (one for the bigram, two for the trigram). */
	context: number[];
	/** c(context): positions in the training stream where the context is followed by a token. */
	seen: number;
	/** n(context): distinct tokens after it. */
	distinct: number;
	/** c(context, token) for every token. */
	followers: Float64Array;
}

/** Counts what follows `context` (its last one or two ids) in the training stream. */
export function countAfter(corpus: NgramCorpus, context: readonly number[]): ContextCounts {
	const { train } = corpus;
	const followers = new Float64Array(corpus.unigramCounts.length);
	const n = context.length;
	let seen = 0;
	let distinct = 0;
	for (let i = n; i < train.length; i++) {
		let match = true;
		for (let k = 0; k < n && match; k++) match = train[i - n + k] === context[k];
		if (!match) continue;
		const next = train[i] as number;
		if (followers[next] === 0) distinct++;
		followers[next] = (followers[next] as number) + 1;
		seen++;
	}
	return { context: [...context], seen, distinct, followers };
}

/** A count model's next-token distribution after a prompt, and the counts of the context it used. */
export interface NgramDistribution {
	model: NgramModel;
	probs: Float64Array;
	/** The context's counts (none for the unigram; none for the trigram after a one-token prompt). */
	counts: ContextCounts | null;
}

/**
 * The unigram (add-one), bigram and trigram (each Witten–Bell interpolated with the order below, as on the model
 * card) distributions over the whole vocabulary after `ids`, the prompt's tokens.
 */
export function ngramDistributions(corpus: NgramCorpus, ids: readonly number[]): NgramDistribution[] {
	const vocab = corpus.unigramCounts.length;
	const unigram = addOneUnigram(corpus.unigramCounts, corpus.train.length);
	const uni = Float64Array.from({ length: vocab }, (_, t) => unigram(t));
	const interpolate = (counts: ContextCounts, lower: Float64Array) =>
		lower.map((p, t) => wittenBell(counts.followers[t] as number, counts.seen, counts.distinct, p));
	const bigramCounts = countAfter(corpus, ids.slice(-1));
	const bi = interpolate(bigramCounts, uni);
	const trigramCounts = ids.length >= 2 ? countAfter(corpus, ids.slice(-2)) : null;
	return [
		{ model: 'unigram', probs: uni, counts: null },
		{ model: 'bigram', probs: bi, counts: bigramCounts },
		{ model: 'trigram', probs: trigramCounts ? interpolate(trigramCounts, bi) : bi, counts: trigramCounts },
	];
}
