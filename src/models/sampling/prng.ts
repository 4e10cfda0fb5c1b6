/**
 * A seeded pseudo-random generator of our own, so that the same prompt, options and seed give the same tokens on
 * every run and machine (Math.random cannot be seeded).
 *
 * Algorithm: mulberry32 (Tommy Ettinger, 2017). One 32-bit state word; each step adds the odd constant 0x6D2B79F5
 * (a Weyl sequence, so the period is exactly 2^32) and scrambles the result with two xor-shift-multiply rounds.
 * Only 32-bit integer operations (`Math.imul`, `>>>`) are used, which JavaScript defines exactly, so the stream
 * is bit-identical everywhere. It passes gjrand and PractRand up to its period, which is plenty for sampling.
 */
export interface Rng {
	/** The next 32-bit unsigned integer. */
	nextUint32(): number;
	/** The next float in [0, 1): nextUint32() / 2^32. */
	next(): number;
	/** The current state word, to save and resume the stream later: `createRng(rng.state())` continues exactly where it stopped. */
	state(): number;
}

/** Creates a mulberry32 generator. The seed is taken modulo 2^32 (negative and fractional seeds are truncated). */
export function createRng(seed: number): Rng {
	let s = Math.trunc(seed) >>> 0;
	const nextUint32 = (): number => {
		s = (s + 0x6d2b79f5) >>> 0;
		let t = s;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return (t ^ (t >>> 14)) >>> 0;
	};
	return {
		nextUint32,
		next: () => nextUint32() / 4294967296,
		state: () => s,
	};
}

/**
 * A 32-bit seed from a string (FNV-1a over its UTF-8 bytes), e.g. to derive a seed from a member's prompt.
 */
export function seedFromString(text: string): number {
	let h = 0x811c9dc5;
	for (const byte of new TextEncoder().encode(text)) {
		h ^= byte;
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}
