import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createRng } from '../../../src/models/sampling/index.js';
import type { ModelConfig } from '../../../src/models/transformer/index.js';
import type { Weights } from '../../../src/models/transformer/init.js';
import { LAYER_NORM_EPS } from '../../../src/models/transformer/ops.js';
import { repoRoot } from '../../../src/models/transformer/paths.js';
import { referenceForward } from '../../../src/models/transformer/reference.js';
import { deserializeWeights, type ModelManifest } from '../../../src/models/transformer/weights-io.js';

/*
 * The shipped model's weights read straight from disk, and float64 loops over them, for tests that hold what the
 * commands show to an independent computation (no TensorFlow.js, no code of the commands).
 */

let shipped: Promise<{ config: ModelConfig; weights: Weights }> | undefined;

/** `assets/models/tiny-gpt` as plain float32 arrays (read once per test file). */
export function shippedWeights(): Promise<{ config: ModelConfig; weights: Weights }> {
	shipped ??= (async () => {
		const dir = path.join(repoRoot(), 'assets/models/tiny-gpt');
		const manifest = JSON.parse(await readFile(path.join(dir, 'model.json'), 'utf8')) as ModelManifest;
		return {
			config: manifest.config,
			weights: deserializeWeights(manifest, await readFile(path.join(dir, 'weights.bin'))),
		};
	})();
	return shipped;
}

const WORDS = [
	'the',
	'prince',
	'said',
	'to',
	'Natasha',
	'that',
	'she',
	'was',
	'late',
	'war',
	'and',
	'peace',
	'king',
	'Romeo',
	'thou',
	'art',
	'love',
	'Moscow',
	'be',
	'or',
	'not',
	'question',
	'Pierre',
	'old',
	'count',
	'ball',
	'night',
];
const PUNCTUATION = ['', '', '', ',', '.', '!', '?', ';', '\n'];

/** A text of `words` random words and punctuation, from a seeded stream (so a failure can be re-run). */
export function randomText(seed: number, words: number): string {
	const rng = createRng(seed);
	const pick = <X>(xs: readonly X[]): X => xs[Math.floor(rng.next() * xs.length)]!;
	return Array.from({ length: words }, () => `${pick(WORDS)}${pick(PUNCTUATION)}`).join(' ');
}

/** One head's steps in float64: Q, K, V of the LayerNorm-ed input, Q·Kᵀ, ÷√dh, softmax over keys ≤ query, ·V. */
export interface ReferenceSteps {
	q: number[][];
	k: number[][];
	v: number[][];
	scores: number[][];
	scaled: number[][];
	weights: number[][];
	output: number[][];
}

/** Recomputes one head of one layer from the reference residual stream, in plain loops. */
export function referenceSteps(
	config: ModelConfig,
	weights: Weights,
	tokens: readonly number[],
	layer: number,
	head: number,
): ReferenceSteps {
	const d = config.dModel;
	const dh = d / config.nHeads;
	const n = tokens.length;
	const w = (name: string) => weights.get(`h${layer}.${name}`)!.data;
	const x = referenceForward(config, weights, tokens).residualPre[layer]!;
	const g = w('ln1.g');
	const b = w('ln1.b');
	const normed: number[][] = [];
	for (let t = 0; t < n; t++) {
		const row = Array.from(x.slice(t * d, (t + 1) * d));
		const mean = row.reduce((s, v) => s + v, 0) / d;
		const variance = row.reduce((s, v) => s + (v - mean) ** 2, 0) / d;
		normed.push(row.map((v, j) => ((v - mean) / Math.sqrt(variance + LAYER_NORM_EPS)) * g[j]! + b[j]!));
	}
	const project = (name: string): number[][] => {
		const m = w(`attn.w${name}`);
		const bias = w(`attn.b${name}`);
		return normed.map((row) =>
			Array.from({ length: dh }, (_, c) => {
				const col = head * dh + c;
				let acc = bias[col]!;
				for (let i = 0; i < d; i++) acc += row[i]! * m[i * d + col]!;
				return acc;
			}),
		);
	};
	const q = project('q');
	const k = project('k');
	const v = project('v');
	const scores = q.map((qi) => k.map((kj) => qi.reduce((s, a, c) => s + a * kj[c]!, 0)));
	const scaled = scores.map((row) => row.map((s) => s / Math.sqrt(dh)));
	const attention = scaled.map((row, i) => {
		const seen = row.slice(0, i + 1);
		const max = Math.max(...seen);
		const exps = seen.map((s) => Math.exp(s - max));
		const sum = exps.reduce((s, e) => s + e, 0);
		return row.map((_, j) => (j <= i ? exps[j]! / sum : 0));
	});
	const output = attention.map((row) =>
		Array.from({ length: dh }, (_, c) => row.reduce((s, a, j) => s + a * v[j]![c]!, 0)),
	);
	return { q, k, v, scores, scaled, weights: attention, output };
}

/** The largest absolute difference between two matrices of the same shape (throws on a shape mismatch). */
export function maxDiff(
	a: readonly (readonly number[])[],
	b: readonly (readonly number[])[] | ArrayLike<number>[],
): number {
	if (a.length !== b.length) throw new Error(`rows: ${a.length} vs ${b.length}`);
	let max = 0;
	a.forEach((row, r) => {
		const other = b[r]!;
		if (row.length !== other.length) throw new Error(`row ${r}: ${row.length} vs ${other.length} columns`);
		row.forEach((v, c) => (max = Math.max(max, Math.abs(v - (other[c] as number)))));
	});
	return max;
}
