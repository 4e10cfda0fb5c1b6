import { layerNorm64 } from '../../models/transformer/layer-norm.js';
import { gelu } from '../../models/transformer/reference.js';
import type { PlainWeights } from './weights.js';

/** A hidden unit of the FFN and its activation (after GELU). */
export interface UnitValue {
	unit: number;
	value: number;
}

/** The `k` most active units at position t of a [T · dFF] activation array, most active first (ties: lower unit). */
export function topUnits(hidden: ArrayLike<number>, t: number, dFF: number, k: number): UnitValue[] {
	const row: UnitValue[] = [];
	for (let u = 0; u < dFF; u++) row.push({ unit: u, value: hidden[t * dFF + u]! });
	return row.sort((a, b) => b.value - a.value || a.unit - b.unit).slice(0, k);
}

/** How many units at position t are above `threshold`. */
export function countAbove(hidden: ArrayLike<number>, t: number, dFF: number, threshold: number): number {
	let n = 0;
	for (let u = 0; u < dFF; u++) if (hidden[t * dFF + u]! > threshold) n++;
	return n;
}

/** Row t of a row-major [T · width] array. */
export function rowOf(data: ArrayLike<number>, t: number, width: number): number[] {
	return Array.from({ length: width }, (_, j) => data[t * width + j]!);
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
	let m = 0;
	for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
	return m;
}

/** What the FFN of one layer does to one vector, in float64. */
export interface FfnStep {
	/** LayerNorm(x): what the FFN's first matrix reads. */
	input: Float64Array;
	/** GELU(input·W₁ + b₁). */
	hidden: Float64Array;
	/** hidden·W₂ + b₂: what is added to the residual stream. */
	output: Float64Array;
}

/**
 * Layer `layer`'s feed-forward sub-block on ONE vector x (the residual stream at one position after attention):
 * LayerNorm with ln2, then x·W₁ + b₁, GELU (tanh form), ·W₂ + b₂. It reads nothing but x, which is the point.
 */
export function ffnAt(w: PlainWeights, layer: number, x: ArrayLike<number>): FfnStep {
	const { dModel: d, dFF } = w.config;
	const p = `h${layer}.`;
	const g = w.get(`${p}ln2.g`);
	const b = w.get(`${p}ln2.b`);
	const input = layerNorm64(x, g, b);
	const w1 = w.get(`${p}mlp.w1`);
	const b1 = w.get(`${p}mlp.b1`);
	const hidden = new Float64Array(dFF);
	for (let o = 0; o < dFF; o++) hidden[o] = b1[o]!;
	for (let i = 0; i < d; i++) for (let o = 0; o < dFF; o++) hidden[o]! += input[i]! * w1[i * dFF + o]!;
	for (let o = 0; o < dFF; o++) hidden[o] = gelu(hidden[o]!);
	const w2 = w.get(`${p}mlp.w2`);
	const b2 = w.get(`${p}mlp.b2`);
	const output = new Float64Array(d);
	for (let o = 0; o < d; o++) output[o] = b2[o]!;
	for (let i = 0; i < dFF; i++) for (let o = 0; o < d; o++) output[o]! += hidden[i]! * w2[i * d + o]!;
	return { input, hidden, output };
}

/**
 * The first two positions of a token that appears more than once, preferring tokens with a letter or digit (a
 * repeated space or comma says less); null when every token is different.
 */
export function firstRepeat(tokens: readonly { id: number; text: string }[]): [number, number] | null {
	let fallback: [number, number] | null = null;
	const seen = new Map<number, number>();
	for (let j = 0; j < tokens.length; j++) {
		const first = seen.get(tokens[j]!.id);
		if (first === undefined) {
			seen.set(tokens[j]!.id, j);
			continue;
		}
		if (/[\p{L}\p{N}]/u.test(tokens[j]!.text)) return [first, j];
		fallback ??= [first, j];
	}
	return fallback;
}
