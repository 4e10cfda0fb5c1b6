import { argmax, softmax, type Vector } from './softmax.js';

/** Decoding options, in the order they are applied. Defaults switch each filter off. */
export interface SamplingOptions {
	/** Divides the logits. 0 means greedy (argmax); 1 leaves them unchanged. Default 1. */
	temperature?: number;
	/** Keep the k most likely tokens (ties at the k-th probability are all kept). 0 = off. Default 0. */
	topK?: number;
	/** Keep the smallest most-likely set whose cumulative probability reaches p (at least one token). 1 = off. */
	topP?: number;
	/** Keep tokens with probability ≥ minP · p_max. 0 = off. Default 0. */
	minP?: number;
}

export type FilterName = 'temperature' | 'top-k' | 'top-p' | 'min-p';

/** What one filter did, for a chart: the distribution before and after, and where it cut. */
export interface FilterStep {
	name: FilterName;
	/** The option's value as given (or its default). */
	param: number;
	/** False when the option has its "off" value; then `after` equals `before`. */
	active: boolean;
	/** Probabilities entering the filter (for temperature: softmax of the raw logits). */
	before: Float64Array;
	/** Probabilities leaving the filter, renormalised to sum to 1 over the kept tokens. */
	after: Float64Array;
	/** Token ids still in the running after this filter, most likely first (ties: lower id first). */
	kept: number[];
	/**
	 * Where the filter cut, in terms of the `before` distribution:
	 * - temperature: undefined;
	 * - top-k: the k-th largest probability (every token at or above it is kept);
	 * - top-p: the cumulative probability of the kept set (≥ p);
	 * - min-p: the threshold minP · p_max.
	 */
	cutoff?: number;
	/** top-p only: every candidate token sorted by descending probability (ties: lower id first)… */
	order?: number[];
	/** …and the running sum of their `before` probabilities in that order. */
	cumulative?: Float64Array;
}

/** The full result of {@link applyFilters}. */
export interface FilteredDistribution {
	/** The final distribution to sample from (zero outside `kept`). */
	probs: Float64Array;
	/** Surviving token ids, most likely first. */
	kept: number[];
	/** True when temperature 0 made the choice deterministic (one token with probability 1). */
	greedy: boolean;
	/** One entry per filter, in the order applied: temperature, top-k, top-p, min-p. */
	steps: FilterStep[];
}

/**
 * Applies temperature, top-k, top-p and min-p to logits, in that order, renormalising after each filter, as
 * Hugging Face's logits processors do (masking logits to −∞ and re-taking softmax is the same as renormalising).
 *
 * Tie rules (documented because a chart shows them):
 * - temperature 0 puts all the mass on the argmax; among equal maxima the lowest token id wins.
 * - top-k keeps every token whose probability is ≥ the k-th largest one, so ties at the boundary are all kept
 *   and more than k tokens can survive (Hugging Face's `TopKLogitsWarper` rule). k ≥ vocabulary keeps all.
 * - top-p walks tokens by descending probability, ties broken by lower token id, and stops at the first prefix
 *   whose sum reaches p (within 1e-12, so float rounding cannot push p = 0.8 past a token summing to exactly 0.8).
 *   p = 0 therefore keeps exactly one token; p = 1 is off.
 * - min-p keeps p ≥ minP · p_max, so minP = 1 keeps exactly the tokens tied for the maximum.
 */
export function applyFilters(logits: Vector, options: SamplingOptions = {}): FilteredDistribution {
	const temperature = options.temperature ?? 1;
	const topK = options.topK ?? 0;
	const topP = options.topP ?? 1;
	const minP = options.minP ?? 0;
	validate(logits, temperature, topK, topP, minP);

	const steps: FilterStep[] = [];
	const raw = softmax(logits);
	let current: Float64Array;
	const scaled =
		temperature === 0 || temperature === 1
			? null
			: Float64Array.from(logits as ArrayLike<number>, (l) => l / temperature);
	// A temperature so near 0 that a finite logit / T overflows (e.g. 1e-320, found by tests/fuzz) is the T → 0
	// limit: greedy. A logit that was already −∞ (a masked token) stays −∞ and gets probability 0, not greedy.
	const greedy = temperature === 0 || (scaled !== null && overflowed(logits, scaled));
	if (greedy) {
		current = new Float64Array(logits.length);
		current[argmax(logits)] = 1;
	} else if (scaled === null) {
		current = raw;
	} else {
		current = softmax(scaled);
	}
	const after = current;
	steps.push(
		lazily({ name: 'temperature', param: temperature, active: temperature !== 1, before: raw, after }, 'kept', () =>
			keptIds(after),
		),
	);

	const k = topKStep(current, topK);
	steps.push(k);
	const p = topPStep(k.after, topP);
	steps.push(p);
	const m = minPStep(p.after, minP);
	steps.push(m);
	return lazily({ probs: m.after, greedy, steps }, 'kept', () => m.kept);
}

/*
 * The kept lists and the top-p order are sorted views of the vocabulary, wanted by the charts for the first token
 * only; generating asks for none of them for the tokens after it. Sorting 4,096 ids per generated token was a quarter
 * of a default /sample's time, so these are computed when first read (then kept), with the same values as before.
 */
function lazily<T extends object, K extends string, V>(target: T, key: K, compute: () => V): T & Record<K, V> {
	Object.defineProperty(target, key, {
		enumerable: true,
		configurable: true,
		get(): V {
			const value = compute();
			Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
			return value;
		},
	});
	return target as T & Record<K, V>;
}

function topKStep(before: Float64Array, topK: number): FilterStep {
	const active = topK > 0;
	if (!active || topK >= countPositive(before)) return passThrough('top-k', topK, active, before);
	const sorted = descendingOrder(before);
	const cutoff = before[sorted[topK - 1] as number] as number;
	const after = keepWhere(before, (prob) => prob >= cutoff);
	return lazily({ name: 'top-k' as const, param: topK, active, before, after, cutoff }, 'kept', () => keptIds(after));
}

function topPStep(before: Float64Array, topP: number): FilterStep {
	const active = topP < 1;
	if (!active) {
		const off = lazily(passThrough('top-p', topP, active, before), 'order', () => keptIds(before));
		return lazily(off, 'cumulative', () => runningSums(before, off.order));
	}
	const order = keptIds(before);
	const cumulative = runningSums(before, order);
	let cut = order.length;
	for (let r = 0; r < order.length; r++) {
		if ((cumulative[r] as number) >= topP - 1e-12) {
			cut = r + 1;
			break;
		}
	}
	const keep = new Set(order.slice(0, cut));
	const after = keepWhere(before, (_prob, id) => keep.has(id));
	return lazily(
		{ name: 'top-p' as const, param: topP, active, before, after, cutoff: cumulative[cut - 1], order, cumulative },
		'kept',
		() => keptIds(after),
	);
}

function minPStep(before: Float64Array, minP: number): FilterStep {
	const active = minP > 0;
	if (!active) return passThrough('min-p', minP, active, before);
	let max = 0;
	for (const prob of before) if (prob > max) max = prob;
	const cutoff = minP * max;
	const after = keepWhere(before, (prob) => prob > 0 && prob >= cutoff);
	return lazily({ name: 'min-p' as const, param: minP, active, before, after, cutoff }, 'kept', () => keptIds(after));
}

/** True when dividing by the temperature turned a finite logit into ±∞. */
function overflowed(logits: Vector, scaled: Float64Array): boolean {
	for (let i = 0; i < scaled.length; i++) {
		if (Number.isFinite(logits[i]) && !Number.isFinite(scaled[i])) return true;
	}
	return false;
}

function passThrough(name: FilterName, param: number, active: boolean, before: Float64Array): FilterStep {
	return lazily({ name, param, active, before, after: before }, 'kept', () => keptIds(before));
}

/** The running sum of `probs` over `order`. */
function runningSums(probs: Float64Array, order: readonly number[]): Float64Array {
	const sums = new Float64Array(order.length);
	let sum = 0;
	for (let r = 0; r < order.length; r++) {
		sum += probs[order[r] as number] as number;
		sums[r] = sum;
	}
	return sums;
}

/** Zeroes the tokens `keep` rejects and renormalises the rest. */
function keepWhere(probs: Float64Array, keep: (prob: number, id: number) => boolean): Float64Array {
	const out = new Float64Array(probs.length);
	let sum = 0;
	for (let i = 0; i < probs.length; i++) {
		const prob = probs[i] as number;
		if (keep(prob, i)) {
			out[i] = prob;
			sum += prob;
		}
	}
	for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) / sum;
	return out;
}

/*
 * The filters that are off pass the same array on, and each step lists its kept ids in order: remembering the order of
 * each array sorts the vocabulary once per sampled token instead of up to five times (generation calls this per token).
 */
const orders = new WeakMap<Float64Array, readonly number[]>();

/** Token ids sorted by descending probability, ties broken by lower id (shared: callers must not mutate it). */
function descendingOrder(probs: Float64Array): readonly number[] {
	let order = orders.get(probs);
	if (!order) {
		const ids = Array.from({ length: probs.length }, (_, i) => i);
		order = ids.sort((a, b) => (probs[b] as number) - (probs[a] as number) || a - b);
		orders.set(probs, order);
	}
	return order;
}

function keptIds(probs: Float64Array): number[] {
	return descendingOrder(probs).filter((id) => (probs[id] as number) > 0);
}

function countPositive(probs: Float64Array): number {
	let n = 0;
	for (const prob of probs) if (prob > 0) n++;
	return n;
}

function validate(logits: Vector, temperature: number, topK: number, topP: number, minP: number): void {
	if (logits.length === 0) throw new RangeError('logits must not be empty');
	if (!(temperature >= 0) || !Number.isFinite(temperature))
		throw new RangeError(`temperature must be ≥ 0, got ${temperature}`);
	if (!Number.isInteger(topK) || topK < 0) throw new RangeError(`topK must be an integer ≥ 0, got ${topK}`);
	if (!(topP >= 0 && topP <= 1)) throw new RangeError(`topP must be in [0, 1], got ${topP}`);
	if (!(minP >= 0 && minP <= 1)) throw new RangeError(`minP must be in [0, 1], got ${minP}`);
}
