import { layerNorm64 } from '../../models/transformer/layer-norm.js';
import type { PlainWeights } from '../ffn/weights.js';

/** The probability and rank (1 = most likely) of one token when a residual vector is read out as the output would be. */
export interface LensReading {
	prob: number;
	rank: number;
}

/**
 * Reads one residual-stream vector as the model's output does, in float64: the final LayerNorm, then the tied head
 * (logits = LN(x)·Eᵀ), then softmax; returns token `id`'s probability and rank. This is the logit lens at one
 * position and depth, for any token, not only the top few the trace lists.
 */
export function lensReading(w: PlainWeights, x: ArrayLike<number>, id: number): LensReading {
	const { dModel: d, vocabSize: vocab } = w.config;
	const g = w.get('lnf.g');
	const b = w.get('lnf.b');
	const wte = w.get('wte');
	const normed = layerNorm64(x, g, b);
	const logits = new Float64Array(vocab);
	let max = Number.NEGATIVE_INFINITY;
	for (let v = 0; v < vocab; v++) {
		let acc = 0;
		for (let j = 0; j < d; j++) acc += normed[j]! * wte[v * d + j]!;
		logits[v] = acc;
		if (acc > max) max = acc;
	}
	let sum = 0;
	for (let v = 0; v < vocab; v++) sum += Math.exp(logits[v]! - max);
	const target = logits[id]!;
	let rank = 1;
	for (let v = 0; v < vocab; v++) if (logits[v]! > target) rank++;
	return { prob: Math.exp(target - max) / sum, rank };
}
