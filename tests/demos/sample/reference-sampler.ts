/*
 * Sampling written again from its definitions, for tests that hold /sample's charts and text to an independent
 * computation: nothing here calls src/models/sampling.
 */

export interface ReferenceOptions {
	temperature: number;
	topK: number;
	topP: number;
	minP: number;
}

export interface ReferenceFiltered {
	raw: number[];
	tempered: number[];
	afterTopK: number[];
	afterTopP: number[];
	final: number[];
}

function softmax(xs: readonly number[]): number[] {
	const max = Math.max(...xs);
	const e = xs.map((x) => Math.exp(x - max));
	const sum = e.reduce((a, b) => a + b, 0);
	return e.map((x) => x / sum);
}

function renormalise(probs: readonly number[], keep: (p: number, id: number) => boolean): number[] {
	const kept = probs.map((p, id) => (keep(p, id) ? p : 0));
	const sum = kept.reduce((a, b) => a + b, 0);
	return kept.map((p) => p / sum);
}

/** Ids by descending probability, the lower id first among equals. */
export function byProbability(probs: readonly number[]): number[] {
	return probs.map((_, i) => i).sort((a, b) => probs[b]! - probs[a]! || a - b);
}

/**
 * Temperature divides the logits (0: all mass on the first maximum); top-k keeps the tokens at least as likely as the
 * k-th (k past the candidates keeps all); top-p keeps the shortest most-likely prefix whose sum reaches p (at least
 * one token); min-p keeps p ≥ min_p · p_max; each renormalises, in that order.
 */
export function referenceFilters(logits: readonly number[], o: ReferenceOptions): ReferenceFiltered {
	const raw = softmax(logits);
	let tempered: number[];
	if (o.temperature === 0) {
		const best = logits.indexOf(Math.max(...logits));
		tempered = logits.map((_, i) => (i === best ? 1 : 0));
	} else tempered = softmax(logits.map((x) => x / o.temperature));
	let afterTopK = tempered;
	const candidates = tempered.filter((p) => p > 0).length;
	if (o.topK > 0 && o.topK < candidates) {
		const kth = [...tempered].sort((a, b) => b - a)[o.topK - 1]!;
		afterTopK = renormalise(tempered, (p) => p >= kth);
	}
	let afterTopP = afterTopK;
	if (o.topP < 1) {
		const keep = new Set<number>();
		let sum = 0;
		for (const id of byProbability(afterTopK)) {
			if (afterTopK[id]! === 0) break;
			keep.add(id);
			sum += afterTopK[id]!;
			if (sum >= o.topP - 1e-12) break;
		}
		afterTopP = renormalise(afterTopK, (_, id) => keep.has(id));
	}
	let final = afterTopP;
	if (o.minP > 0) {
		const max = Math.max(...afterTopP);
		final = renormalise(afterTopP, (p) => p > 0 && p >= o.minP * max);
	}
	return { raw, tempered, afterTopK, afterTopP, final };
}

/** mulberry32, written out again: the numbers u in [0, 1) of the stream of `seed`, from number `from` (1-based). */
export function streamNumbers(seed: number, from: number, count: number): number[] {
	let state = seed >>> 0;
	const out: number[] = [];
	for (let i = 1; i < from + count; i++) {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		if (i >= from) out.push(((t ^ (t >>> 14)) >>> 0) / 4294967296);
	}
	return out;
}

/** The first token id whose running sum of probabilities, in id order, exceeds u × total. */
export function pick(probs: readonly number[], u: number): number {
	const total = probs.reduce((a, b) => a + b, 0);
	let running = 0;
	for (let i = 0; i < probs.length; i++) {
		running += probs[i]!;
		if (running > u * total) return i;
	}
	return probs.length - 1;
}
