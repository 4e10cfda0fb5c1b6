import { createRng } from '../../../src/models/sampling/prng.js';
import { parameterShapes, type ModelConfig } from '../../../src/models/transformer/config.js';
import type { Weights } from '../../../src/models/transformer/init.js';

/** A small configuration that exercises every code path (several heads and layers, dFF ≠ 4·d). */
export const TINY: ModelConfig = { vocabSize: 61, contextLength: 24, dModel: 32, nLayers: 2, nHeads: 4, dFF: 48 };

/**
 * Random weights with a fixed seed, larger than the training initialisation (uniform ±0.5 for matrices, gains
 * around 1, non-zero biases) so that attention is far from uniform and every term matters in the comparison.
 */
export function randomWeights(config: ModelConfig, seed: number): Weights {
	const rng = createRng(seed);
	const out: Weights = new Map();
	for (const [name, shape] of parameterShapes(config)) {
		const size = shape.reduce((a, b) => a * b, 1);
		const data = new Float32Array(size);
		const isGain = name.endsWith('.g');
		for (let i = 0; i < size; i++)
			data[i] = (isGain ? 1 : 0) + (rng.next() - 0.5) * (isGain ? 0.4 : shape.length === 2 ? 1 : 0.2);
		out.set(name, { shape, data });
	}
	return out;
}

/** Seeded random token ids. */
export function randomTokens(n: number, vocab: number, seed: number): number[] {
	const rng = createRng(seed);
	return Array.from({ length: n }, () => Math.floor(rng.next() * vocab));
}

/** Largest absolute difference. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
	if (a.length !== b.length) throw new Error(`length ${a.length} ≠ ${b.length}`);
	let m = 0;
	for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs((a[i] as number) - (b[i] as number)));
	return m;
}
