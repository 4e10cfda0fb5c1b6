import { createRng, seedFromString } from '../models/sampling/prng.js';

/**
 * The order in which a member sees a multiple-choice question's options: `order[shown] = original index`.
 * It depends only on a stored seed and the question id (Fisher–Yates over mulberry32), so the buttons of a message
 * map to the same options after a restart, and each practice session (or live quiz) gets its own order, so members
 * cannot learn that "the answer is always B".
 */
export function optionOrder(seed: number, questionId: string, count: number): number[] {
	const rng = createRng(seedFromString(`${seed >>> 0}:${questionId}`));
	const order = Array.from({ length: count }, (_, i) => i);
	for (let i = count - 1; i > 0; i--) {
		const j = Math.floor(rng.next() * (i + 1));
		[order[i], order[j]] = [order[j]!, order[i]!];
	}
	return order;
}

/** A fresh 32-bit seed for a new session or quiz. */
export function newSeed(): number {
	return Math.floor(Math.random() * 2 ** 32) >>> 0;
}

/** Letters shown on the buttons, by displayed position. */
export const OPTION_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;

/** The letter of a displayed position. */
export function letter(shown: number): string {
	return OPTION_LETTERS[shown] ?? String(shown + 1);
}

/** A seeded shuffle (Fisher–Yates over mulberry32) of a copy of `items`. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
	const rng = createRng(seed);
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(rng.next() * (i + 1));
		[out[i], out[j]] = [out[j]!, out[i]!];
	}
	return out;
}
