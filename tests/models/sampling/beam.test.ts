import { describe, expect, it } from 'vitest';
import { argmax, beamSearch, createRng, pathTo } from '../../../src/models/sampling/index.js';

/** A toy language model: fixed pseudo-random logits for every context (same context, same logits). */
function toyModel(vocab: number, seed: number): (tokens: readonly number[]) => number[] {
	const cache = new Map<string, number[]>();
	return (tokens) => {
		const key = tokens.join(',');
		let logits = cache.get(key);
		if (!logits) {
			const rng = createRng(seed + tokens.reduce((h, t) => (h * 31 + t + 7) >>> 0, 17));
			logits = Array.from({ length: vocab }, () => rng.next() * 6 - 3);
			cache.set(key, logits);
		}
		return logits;
	};
}

/** Independent reference: every sequence of `length` tokens, scored by summing log-softmax computed here. */
function exhaustive(next: (t: readonly number[]) => number[], prompt: number[], vocab: number, length: number) {
	const logProb = (context: number[], token: number): number => {
		const logits = next(context);
		const max = Math.max(...logits);
		const lse = max + Math.log(logits.reduce((s, l) => s + Math.exp(l - max), 0));
		return logits[token]! - lse;
	};
	const out: { tokens: number[]; score: number }[] = [];
	const walk = (tokens: number[], score: number): void => {
		if (tokens.length === length) {
			out.push({ tokens, score });
			return;
		}
		for (let t = 0; t < vocab; t++) walk([...tokens, t], score + logProb([...prompt, ...tokens], t));
	};
	walk([], 0);
	return out.sort((a, b) => b.score - a.score);
}

describe('beamSearch', () => {
	it.each([
		[2, 3, 8],
		[3, 2, 9],
		[2, 2, 4],
	])(
		'GIVEN vocabulary %i, length %i and a width %i that keeps every sequence THEN the beams are the exhaustive ranking',
		(vocab, length, width) => {
			for (const seed of [1, 2, 3, 4, 5]) {
				const next = toyModel(vocab, seed);
				const result = beamSearch(next, [0], width, length);
				const reference = exhaustive(next, [0], vocab, length);
				expect(result.beams.map((b) => b.tokens)).toEqual(reference.map((r) => r.tokens));
				result.beams.forEach((b, i) => expect(b.score).toBeCloseTo(reference[i]!.score, 10));
			}
		},
	);

	it('GIVEN a narrower beam on a larger vocabulary THEN its best is never better than the exhaustive best', () => {
		for (const seed of [11, 12, 13, 14, 15, 16]) {
			const next = toyModel(5, seed);
			const best = exhaustive(next, [1, 2], 5, 3)[0]!;
			for (const width of [1, 2, 3])
				expect(beamSearch(next, [1, 2], width, 3).beams[0]!.score).toBeLessThanOrEqual(best.score + 1e-12);
		}
	});

	it('GIVEN width 1 THEN it is greedy decoding (argmax at every step)', () => {
		for (const seed of [21, 22, 23]) {
			const next = toyModel(50, seed);
			const greedy: number[] = [];
			for (let i = 0; i < 12; i++) greedy.push(argmax(next([3, ...greedy])));
			const result = beamSearch(next, [3], 1, 12);
			expect(result.beams).toHaveLength(1);
			expect(result.beams[0]!.tokens).toEqual(greedy);
		}
	});

	it('GIVEN a search THEN each kept node’s path spells its beam and the cumulative sums add up', () => {
		const next = toyModel(7, 31);
		const result = beamSearch(next, [0], 3, 5);
		expect(result.nodes.filter((n) => n.depth === 2)).toHaveLength(9);
		expect(result.nodes.filter((n) => n.kept && n.depth === 5)).toHaveLength(3);
		for (const beam of result.beams) {
			const path = pathTo(result.nodes, beam.node);
			expect(path.map((n) => result.nodes[n]!.token)).toEqual(beam.tokens);
			expect(path.every((n) => result.nodes[n]!.kept)).toBe(true);
			const sum = path.reduce((s, n) => s + result.nodes[n]!.logProb, 0);
			expect(beam.score).toBeCloseTo(sum, 12);
		}
	});

	it('GIVEN width 0 THEN it refuses', () => {
		expect(() => beamSearch(toyModel(3, 1), [0], 0, 2)).toThrow(RangeError);
	});
});
