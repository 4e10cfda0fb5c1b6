import { beforeAll, describe, expect, it } from 'vitest';
import type { TinyGpt } from '../../../src/models/transformer/inference.js';
import { createTinyGpt } from '../../../src/models/transformer/load.js';
import { referenceForward, referenceHead } from '../../../src/models/transformer/reference.js';
import { maxAbsDiff, randomTokens, randomWeights, TINY } from './random-model.js';

/*
 * The TensorFlow.js model (float32, wasm) against the float64 loops of reference.ts, on a small random model.
 * Tolerances: attention weights 1e-4 absolute (the brief's bar); logits and activations 2e-4 relative to the
 * largest magnitude of the array compared, which leaves room for float32 rounding over a few hundred
 * multiply-adds but catches any real mistake (a wrong mask, scale or transpose moves values by 1e-2 or more).
 */
const weights = randomWeights(TINY, 7);
let model: TinyGpt;

function relErr(a: ArrayLike<number>, b: ArrayLike<number>): number {
	let scale = 0;
	for (let i = 0; i < b.length; i++) scale = Math.max(scale, Math.abs(b[i] as number));
	return maxAbsDiff(a, b) / Math.max(scale, 1e-12);
}

beforeAll(async () => {
	model = await createTinyGpt('random', TINY, weights);
});

describe('TinyGpt against the float64 reference', () => {
	for (const n of [1, 7, TINY.contextLength]) {
		it(`GIVEN ${n} random tokens THEN attention matches within 1e-4 and logits within 2e-4 relative`, () => {
			const tokens = randomTokens(n, TINY.vocabSize, 100 + n);
			const mine = model.run(tokens);
			const ref = referenceForward(TINY, weights, tokens);
			for (let l = 0; l < TINY.nLayers; l++) {
				for (let h = 0; h < TINY.nHeads; h++)
					expect(maxAbsDiff(mine.attention[l]![h]!, ref.attention[l]![h]!)).toBeLessThan(1e-4);
			}
			expect(relErr(mine.logits, ref.logits)).toBeLessThan(2e-4);
			expect(Array.from(mine.nextLogits)).toEqual(Array.from(mine.logits.slice((n - 1) * TINY.vocabSize)));
		});
	}

	it('GIVEN any input THEN every attention row sums to 1 and no weight falls on a future token', () => {
		const n = TINY.contextLength;
		const { attention } = model.run(randomTokens(n, TINY.vocabSize, 5));
		let sharp = 0;
		for (const layer of attention) {
			for (const w of layer) {
				for (let i = 0; i < n; i++) {
					let sum = 0;
					for (let j = 0; j < n; j++) {
						const a = w[i * n + j]!;
						if (j > i) expect(a).toBe(0);
						sum += a;
						if (a > 0.5) sharp++;
					}
					expect(Math.abs(sum - 1)).toBeLessThan(1e-5);
				}
			}
		}
		// The random weights make attention peaked somewhere, so the comparison above is not against near-uniform rows.
		expect(sharp).toBeGreaterThan(n);
	});

	it('GIVEN a trace THEN residual stream, block outputs and FFN activations match the reference', () => {
		const tokens = randomTokens(16, TINY.vocabSize, 9);
		const { trace } = model.trace(tokens);
		const ref = referenceForward(TINY, weights, tokens);
		for (let l = 0; l < TINY.nLayers; l++) {
			expect(relErr(trace.residualPre[l]!, ref.residualPre[l]!)).toBeLessThan(2e-4);
			expect(relErr(trace.attnOut[l]!, ref.attnOut[l]!)).toBeLessThan(2e-4);
			expect(relErr(trace.ffnOut[l]!, ref.ffnOut[l]!)).toBeLessThan(2e-4);
			expect(relErr(trace.ffnHidden[l]!, ref.ffnHidden[l]!)).toBeLessThan(2e-4);
		}
		expect(relErr(trace.residualFinal, ref.residualFinal)).toBeLessThan(2e-4);
		// The stream is the sum of what the blocks add: x_{l+1} = x_l + attn_l + ffn_l.
		const next = trace.residualPre[0]!.map((x, i) => x + trace.attnOut[0]![i]! + trace.ffnOut[0]![i]!);
		expect(maxAbsDiff(next, trace.residualPre[1]!)).toBeLessThan(1e-4);
		const d = TINY.dModel;
		const norm0 = Math.hypot(...trace.attnOut[1]!.slice(3 * d, 4 * d));
		expect(trace.norms.attnOut[1]![3]).toBeCloseTo(norm0, 4);
	});

	it('GIVEN a trace THEN the logit lens at each depth is the head applied to that residual stream', () => {
		const tokens = randomTokens(10, TINY.vocabSize, 11);
		const { trace, logits } = model.trace(tokens, { lensTopK: 3 });
		expect(trace.logitLens).toHaveLength(TINY.nLayers + 1);
		const ref = referenceForward(TINY, weights, tokens);
		const streams = [...ref.residualPre, ref.residualFinal];
		streams.forEach((stream, depth) => {
			const lens = referenceHead(TINY, weights, stream, tokens.length);
			for (let t = 0; t < tokens.length; t++) {
				const row = Array.from(lens.slice(t * TINY.vocabSize, (t + 1) * TINY.vocabSize));
				const best = row.indexOf(Math.max(...row));
				const top = trace.logitLens[depth]![t]!;
				expect(top).toHaveLength(3);
				expect(top[0]!.id).toBe(best);
				expect(top[0]!.logit).toBeCloseTo(row[best]!, 3);
				expect(top[0]!.prob).toBeGreaterThanOrEqual(top[1]!.prob);
				const z = row.reduce((acc, x) => acc + Math.exp(x - row[best]!), 0);
				expect(top[0]!.prob).toBeCloseTo(1 / z, 4);
			}
		});
		const last = trace.logitLens[TINY.nLayers]![9]![0]!;
		expect(last.logit).toBe(Math.max(...logits.slice(9 * TINY.vocabSize)));
	});

	it('GIVEN a layer THEN the attention steps reproduce the weights: softmax(mask(QKᵀ/√dh)), then ·V', () => {
		const tokens = randomTokens(6, TINY.vocabSize, 13);
		const steps = model.attentionSteps(tokens, 1);
		const { attention } = model.run(tokens);
		const n = 6;
		const dh = steps.headDim;
		for (let h = 0; h < TINY.nHeads; h++) {
			expect(maxAbsDiff(steps.weights[h]!, attention[1]![h]!)).toBe(0);
			for (let i = 0; i < n; i++) {
				let dot = 0;
				for (let c = 0; c < dh; c++) dot += steps.q[h]![i * dh + c]! * steps.k[h]![c]!;
				expect(steps.scores[h]![i * n]).toBeCloseTo(dot, 4);
				expect(steps.scaled[h]![i * n]).toBeCloseTo(dot / Math.sqrt(dh), 4);
				const row = Array.from(steps.masked[h]!.slice(i * n, (i + 1) * n));
				for (let j = i + 1; j < n; j++) expect(row[j]).toBe(Number.NEGATIVE_INFINITY);
				const m = Math.max(...row);
				const e = row.map((s) => Math.exp(s - m));
				const z = e.reduce((a, b) => a + b, 0);
				for (let j = 0; j < n; j++) expect(steps.weights[h]![i * n + j]).toBeCloseTo(e[j]! / z, 5);
				let out0 = 0;
				for (let j = 0; j < n; j++) out0 += steps.weights[h]![i * n + j]! * steps.v[h]![j * dh]!;
				expect(steps.output[h]![i * dh]).toBeCloseTo(out0, 4);
			}
		}
	});

	it('GIVEN the model THEN the position embeddings are the wpe weights', () => {
		expect(Array.from(model.positionEmbeddings())).toEqual(Array.from(weights.get('wpe')!.data));
	});

	it('GIVEN bad input THEN run throws a RangeError', () => {
		expect(() => model.run([])).toThrow(RangeError);
		expect(() => model.run(new Array<number>(TINY.contextLength + 1).fill(0))).toThrow(RangeError);
		expect(() => model.run([TINY.vocabSize])).toThrow(RangeError);
		expect(() => model.attentionSteps([1], TINY.nLayers)).toThrow(RangeError);
	});

	it('GIVEN a seed THEN generate is deterministic, and greedy generation follows the argmax', () => {
		const a = model.generate([1, 2, 3], 30, { temperature: 0.9, topK: 10 }, 42);
		const b = model.generate([1, 2, 3], 30, { temperature: 0.9, topK: 10 }, 42);
		expect(a.map((t) => t.token)).toEqual(b.map((t) => t.token));
		const greedy = model.generate([1, 2, 3], 2, { temperature: 0 }, 1);
		const logits = Array.from(model.run([1, 2, 3]).nextLogits);
		expect(greedy[0]!.token).toBe(logits.indexOf(Math.max(...logits)));
	});
});
