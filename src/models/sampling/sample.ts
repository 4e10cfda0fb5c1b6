import { applyFilters, type FilteredDistribution, type SamplingOptions } from './filters.js';
import type { Rng } from './prng.js';
import type { Vector } from './softmax.js';

/**
 * Draws a token id by inverse CDF: takes u = rng.next() in [0, 1) and returns the first id whose running sum of
 * probabilities exceeds u · total. Dividing by the actual total (rather than assuming 1) keeps the draw exact when
 * float rounding leaves the sum a hair off 1. Tokens with probability 0 are never returned.
 */
export function sample(probs: Vector, rng: Rng): number {
	let total = 0;
	let last = -1;
	for (let i = 0; i < probs.length; i++) {
		const p = probs[i] as number;
		if (p < 0 || Number.isNaN(p)) throw new RangeError(`probability at ${i} is ${p}`);
		if (p > 0) last = i;
		total += p;
	}
	if (last === -1) throw new RangeError('sample: no token has positive probability');
	const target = rng.next() * total;
	let running = 0;
	for (let i = 0; i < probs.length; i++) {
		running += probs[i] as number;
		if (running > target) return i;
	}
	// Only reachable through rounding when u is within an ulp of 1.
	return last;
}

/** One sampling decision: the filtered distribution (for charts) and the token drawn from it. */
export interface SampledToken extends FilteredDistribution {
	token: number;
}

/**
 * Filters `logits` with `options` and draws one token. With temperature 0 the argmax is returned and the
 * generator is not advanced, so greedy decoding does not depend on the seed.
 */
export function sampleFromLogits(logits: Vector, options: SamplingOptions, rng: Rng): SampledToken {
	const filtered = applyFilters(logits, options);
	const token = filtered.greedy ? (filtered.kept[0] as number) : sample(filtered.probs, rng);
	// Added in place, not spread: a spread would read (and so sort) the lazily listed kept tokens (see filters.ts).
	return Object.assign(filtered, { token });
}
