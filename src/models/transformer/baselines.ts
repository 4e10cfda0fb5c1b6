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

/**
 * Unigram model with add-one (Laplace) smoothing: P(b) = (c(b) + 1) / (N + V), counted on the training stream.
 */
export function unigramBaseline(train: Int32Array, vocabSize: number, targets: readonly Target[]): BaselineResult {
	const counts = new Float64Array(vocabSize);
	for (const id of train) counts[id] = (counts[id] as number) + 1;
	const denom = train.length + vocabSize;
	let total = 0;
	for (const { target } of targets) total -= Math.log(((counts[target] as number) + 1) / denom);
	return { natsPerToken: total / targets.length, totalNats: total, tokens: targets.length };
}

/**
 * Bigram model interpolated with the add-one unigram by Witten–Bell smoothing, which needs no tuned constant:
 * P(b | a) = λ_a · c(a, b)/c(a) + (1 − λ_a) · P_uni(b), with λ_a = c(a) / (c(a) + n(a)) where n(a) is the number
 * of distinct tokens seen after a. An unseen history (c(a) = 0) falls back to the unigram.
 */
export function bigramBaseline(train: Int32Array, vocabSize: number, targets: readonly Target[]): BaselineResult {
	const unigram = new Float64Array(vocabSize);
	for (const id of train) unigram[id] = (unigram[id] as number) + 1;
	const denom = train.length + vocabSize;
	const pairs = new Map<number, number>();
	const history = new Float64Array(vocabSize);
	const distinct = new Float64Array(vocabSize);
	for (let i = 0; i + 1 < train.length; i++) {
		const a = train[i] as number;
		const key = a * vocabSize + (train[i + 1] as number);
		const c = pairs.get(key) ?? 0;
		if (c === 0) distinct[a] = (distinct[a] as number) + 1;
		pairs.set(key, c + 1);
		history[a] = (history[a] as number) + 1;
	}
	let total = 0;
	for (const { previous, target } of targets) {
		const pUni = ((unigram[target] as number) + 1) / denom;
		const ca = history[previous] as number;
		let p = pUni;
		if (ca > 0) {
			const lambda = ca / (ca + (distinct[previous] as number));
			p = (lambda * (pairs.get(previous * vocabSize + target) ?? 0)) / ca + (1 - lambda) * pUni;
		}
		total -= Math.log(p);
	}
	return { natsPerToken: total / targets.length, totalNats: total, tokens: targets.length };
}
