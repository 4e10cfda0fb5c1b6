/** Cross-entropy of a baseline on a set of predicted tokens. */
export interface BaselineResult {
	/** Mean nats per predicted token. */
	natsPerToken: number;
	/** Total nats over every predicted token (for bits per byte). */
	totalNats: number;
	tokens: number;
}

/** A prediction target: token `target` at a position whose previous token is `previous`. */
export interface Target {
	previous: number;
	target: number;
}

/** A target with the token two back (`before`), or `undefined` when `previous` is its document's first token. */
export interface TrigramTarget extends Target {
	before: number | undefined;
}

/**
 * Witten–Bell interpolation, which needs no tuned constant: P = λ · count/history + (1 − λ) · lower, with
 * λ = history / (history + distinct), where `history` is how often the context was seen with a token after it,
 * `count` how often this token followed it, and `distinct` how many different tokens did. An unseen context
 * (history 0) is the lower-order model alone. The one formula the bigram, the trigram and /ngram's panels use.
 */
export function wittenBell(count: number, history: number, distinct: number, lower: number): number {
	if (history === 0) return lower;
	const lambda = history / (history + distinct);
	return (lambda * count) / history + (1 - lambda) * lower;
}

/** Add-one (Laplace) unigram: P(b) = (c(b) + 1) / (N + V). */
export function addOneUnigram(counts: Float64Array, total: number): (token: number) => number {
	const denom = total + counts.length;
	return (token) => ((counts[token] as number) + 1) / denom;
}

function unigramCounts(train: Int32Array, vocabSize: number): Float64Array {
	const counts = new Float64Array(vocabSize);
	for (const id of train) counts[id] = (counts[id] as number) + 1;
	return counts;
}

/**
 * Unigram model with add-one (Laplace) smoothing: P(b) = (c(b) + 1) / (N + V), counted on the training stream.
 */
export function unigramBaseline(train: Int32Array, vocabSize: number, targets: readonly Target[]): BaselineResult {
	const unigram = addOneUnigram(unigramCounts(train, vocabSize), train.length);
	let total = 0;
	for (const { target } of targets) total -= Math.log(unigram(target));
	return { natsPerToken: total / targets.length, totalNats: total, tokens: targets.length };
}

/** How often each context of one or two tokens was followed by each token, on the training stream. */
interface ContextCounts {
	/** c(context, token), keyed by the context's key × V + token. */
	pairs: Map<number, number>;
	/** c(context): how often it was followed by anything. */
	history: Map<number, number>;
	/** n(context): how many distinct tokens followed it. */
	distinct: Map<number, number>;
}

/** Counts every context of `order` tokens (1 or 2) and its next token in `train`. */
function contextCounts(train: Int32Array, vocabSize: number, order: 1 | 2): ContextCounts {
	const counts: ContextCounts = { pairs: new Map(), history: new Map(), distinct: new Map() };
	for (let i = order; i < train.length; i++) {
		const context =
			order === 1 ? (train[i - 1] as number) : (train[i - 2] as number) * vocabSize + (train[i - 1] as number);
		const key = context * vocabSize + (train[i] as number);
		const c = counts.pairs.get(key) ?? 0;
		if (c === 0) counts.distinct.set(context, (counts.distinct.get(context) ?? 0) + 1);
		counts.pairs.set(key, c + 1);
		counts.history.set(context, (counts.history.get(context) ?? 0) + 1);
	}
	return counts;
}

function probabilityAfter(counts: ContextCounts, context: number, token: number, vocabSize: number, lower: number) {
	return wittenBell(
		counts.pairs.get(context * vocabSize + token) ?? 0,
		counts.history.get(context) ?? 0,
		counts.distinct.get(context) ?? 0,
		lower,
	);
}

/**
 * Bigram model interpolated with the add-one unigram by Witten–Bell smoothing ({@link wittenBell}):
 * P(b | a) = λ_a · c(a, b)/c(a) + (1 − λ_a) · P_uni(b). An unseen history (c(a) = 0) falls back to the unigram.
 */
export function bigramBaseline(train: Int32Array, vocabSize: number, targets: readonly Target[]): BaselineResult {
	const unigram = addOneUnigram(unigramCounts(train, vocabSize), train.length);
	const bigrams = contextCounts(train, vocabSize, 1);
	let total = 0;
	for (const { previous, target } of targets)
		total -= Math.log(probabilityAfter(bigrams, previous, target, vocabSize, unigram(target)));
	return { natsPerToken: total / targets.length, totalNats: total, tokens: targets.length };
}

/**
 * Trigram model interpolated by Witten–Bell with the bigram above, itself interpolated with the unigram:
 * P(c | a, b) = λ_ab · c(a, b, c)/c(a, b) + (1 − λ_ab) · P_bi(c | b). An unseen pair (a, b), or a target whose
 * document has only one token before it, falls back to the bigram.
 */
export function trigramBaseline(
	train: Int32Array,
	vocabSize: number,
	targets: readonly TrigramTarget[],
): BaselineResult {
	const unigram = addOneUnigram(unigramCounts(train, vocabSize), train.length);
	const bigrams = contextCounts(train, vocabSize, 1);
	const trigrams = contextCounts(train, vocabSize, 2);
	let total = 0;
	for (const { before, previous, target } of targets) {
		const pBi = probabilityAfter(bigrams, previous, target, vocabSize, unigram(target));
		const p =
			before === undefined ? pBi : probabilityAfter(trigrams, before * vocabSize + previous, target, vocabSize, pBi);
		total -= Math.log(p);
	}
	return { natsPerToken: total / targets.length, totalNats: total, tokens: targets.length };
}

/**
 * Every validation token after its document's first, with the two tokens before it: the same targets as the
 * model's windows (`windowTargets(validationWindows(…))`), which lose the token two back at a window's start.
 */
export function documentTargets(docs: readonly Int32Array[]): TrigramTarget[] {
	const out: TrigramTarget[] = [];
	for (const ids of docs)
		for (let i = 1; i < ids.length; i++)
			out.push({
				before: i >= 2 ? ids[i - 2] : undefined,
				previous: ids[i - 1] as number,
				target: ids[i] as number,
			});
	return out;
}
