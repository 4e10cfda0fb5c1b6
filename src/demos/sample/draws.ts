import { createRng, sample, type FilteredDistribution } from '../../models/sampling/index.js';
import type { ShownToken } from './distribution.js';

/**
 * The generator state at the start of each run: run k (0-based) starts after k × `stride` numbers of mulberry32(seed),
 * because each run of `stride` sampled tokens takes exactly one number per token. `createRng(state)` continues the
 * stream from there (see `Rng.state`).
 */
export function runStarts(seed: number, stride: number, runs: number): number[] {
	const rng = createRng(seed);
	const starts: number[] = [];
	for (let k = 0; k < runs; k++) {
		starts.push(rng.state());
		for (let i = 0; i < stride; i++) rng.nextUint32();
	}
	return starts;
}

/**
 * Draws the next token once per run from the same filtered distribution: run k's first number picks it, exactly as
 * run k's first generated token is picked. Greedy takes no numbers and always returns the top token.
 */
export function drawFirstTokens(filtered: FilteredDistribution, starts: readonly number[]): number[] {
	return starts.map((state) => (filtered.greedy ? filtered.kept[0]! : sample(filtered.probs, createRng(state))));
}

/** One token of the histogram. */
export interface DrawCount extends ShownToken {
	id: number;
	count: number;
	/** Its probability after the filters (what each draw used). */
	final: number;
}

/** The histogram of the draws. */
export interface DrawsView {
	samples: number;
	/** Tokens drawn at least once, most drawn first (ties: more probable first, then lower id). */
	counts: DrawCount[];
	/** The most probable tokens after the filters that were never drawn (up to the chart's room). */
	undrawn: DrawCount[];
}

/** Counts the draws and lists the likely tokens that were not drawn, for the histogram chart. */
export function countDraws(
	draws: readonly number[],
	probs: ArrayLike<number>,
	tokenOf: (id: number) => ShownToken,
	room = 20,
): DrawsView {
	const counts = new Map<number, number>();
	for (const id of draws) counts.set(id, (counts.get(id) ?? 0) + 1);
	const row = (id: number): DrawCount => ({
		id,
		...tokenOf(id),
		count: counts.get(id) ?? 0,
		final: probs[id] as number,
	});
	const drawn = [...counts.keys()].map(row).sort((a, b) => b.count - a.count || b.final - a.final || a.id - b.id);
	const undrawn: DrawCount[] = [];
	const left = room - drawn.length;
	if (left > 0) {
		const ids = Array.from({ length: probs.length }, (_, i) => i).filter(
			(i) => (probs[i] as number) > 0 && !counts.has(i),
		);
		ids.sort((a, b) => (probs[b] as number) - (probs[a] as number) || a - b);
		undrawn.push(...ids.slice(0, left).map(row));
	}
	return { samples: draws.length, counts: drawn, undrawn };
}
