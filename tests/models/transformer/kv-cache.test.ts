import { beforeAll, describe, expect, it } from 'vitest';
import type { SamplingOptions } from '../../../src/models/sampling/index.js';
import type { TinyGpt } from '../../../src/models/transformer/inference.js';
import { createTinyGpt, loadTinyGpt } from '../../../src/models/transformer/load.js';
import { referenceForward } from '../../../src/models/transformer/reference.js';
import { maxAbsDiff, randomTokens, randomWeights, TINY } from './random-model.js';

/*
 * Incremental decoding (the key/value cache) against full forward passes: the TensorFlow.js model without the cache,
 * and the float64 loops of reference.ts. Cached and uncached generation must draw the same tokens with probabilities
 * within 1e-5.
 */
const weights = randomWeights(TINY, 11);
let model: TinyGpt;
let shipped: TinyGpt;

beforeAll(async () => {
	model = await createTinyGpt('random', TINY, weights);
	shipped = await loadTinyGpt();
}, 60_000);

type Generated = ReturnType<TinyGpt['generate']>;

/** Largest difference between two generations' probabilities (after the filters, and the raw softmax). */
function probabilityGap(a: Generated, b: Generated): number {
	let gap = 0;
	a.forEach((step, i) => {
		const other = b[i]!;
		gap = Math.max(gap, maxAbsDiff(step.probs, other.probs), maxAbsDiff(step.steps[0]!.before, other.steps[0]!.before));
	});
	return gap;
}

describe('the key/value cache', () => {
	it('GIVEN a sequence fed token by token THEN every step’s logits match the float64 reference of the whole prefix', () => {
		const tokens = randomTokens(TINY.contextLength, TINY.vocabSize, 5);
		const kv = model.kvCache();
		tokens.forEach((token, t) => {
			const logits = kv.step(token);
			const ref = referenceForward(TINY, weights, tokens.slice(0, t + 1)).logits.slice(t * TINY.vocabSize);
			expect(maxAbsDiff(logits, ref)).toBeLessThan(1e-4);
		});
		expect(kv.length).toBe(TINY.contextLength);
		expect(() => kv.step(0)).toThrow(RangeError);
	});

	it('GIVEN a prefilled prompt THEN each further step matches a full forward pass, and a fork leaves its source as it was', () => {
		const tokens = randomTokens(12, TINY.vocabSize, 6);
		const { kv, logits } = model.prefill(tokens.slice(0, 8));
		expect(maxAbsDiff(logits, model.nextLogits(tokens.slice(0, 8)))).toBe(0);
		const fork = kv.fork();
		for (let t = 8; t < 12; t++) {
			expect(maxAbsDiff(kv.step(tokens[t]!), model.nextLogits(tokens.slice(0, t + 1)))).toBeLessThan(1e-4);
		}
		expect(fork.length).toBe(8);
		expect(maxAbsDiff(fork.step(tokens[8]!), model.nextLogits(tokens.slice(0, 9)))).toBeLessThan(1e-4);
	});

	const cases: { name: string; prompt: number; tokens: number; options: SamplingOptions }[] = [
		{ name: 'a one-token prompt, T = 1', prompt: 1, tokens: 20, options: { temperature: 1 } },
		{ name: 'T = 0.7, top-k 10, top-p 0.9', prompt: 5, tokens: 15, options: { temperature: 0.7, topK: 10, topP: 0.9 } },
		{ name: 'greedy', prompt: 3, tokens: 18, options: { temperature: 0 } },
		// 20 + 12 > 24: the window slides after 4 tokens, and the cached run must fall back to full passes there.
		{ name: 'a window that slides', prompt: 20, tokens: 12, options: { temperature: 1.3, minP: 0.02 } },
	];
	for (const c of cases) {
		it(`GIVEN ${c.name} THEN cached and uncached generation draw the same tokens, probabilities within 1e-5`, () => {
			const prompt = randomTokens(c.prompt, TINY.vocabSize, 40 + c.prompt);
			for (const seed of [1, 2, 3]) {
				const cached = model.generate(prompt, c.tokens, c.options, seed);
				const uncached = model.generate(prompt, c.tokens, c.options, seed, { cache: false });
				expect(cached.map((g) => g.token)).toEqual(uncached.map((g) => g.token));
				expect(probabilityGap(cached, uncached)).toBeLessThan(1e-5);
			}
		});
	}

	it('GIVEN the shipped model and /sample’s longest run THEN cached and uncached generation agree within 1e-5', () => {
		const prompt = shipped.tokenizer!.encode('The old prince said');
		const cached = shipped.generate(prompt, 50, { temperature: 1 }, 7);
		const uncached = shipped.generate(prompt, 50, { temperature: 1 }, 7, { cache: false });
		expect(cached.map((g) => g.token)).toEqual(uncached.map((g) => g.token));
		expect(probabilityGap(cached, uncached)).toBeLessThan(1e-5);
	}, 180_000); // 50 full forward passes without the cache: slow on a loaded 2-core machine
});
