import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { bigramBaseline } from '../../../src/models/transformer/baselines.js';
import { readCorpusSplits, tokenizeSplits } from '../../../src/models/transformer/dataset.js';
import { validationWindows, windowTargets } from '../../../src/models/transformer/evaluate.js';
import type { TinyGpt } from '../../../src/models/transformer/inference.js';
import { loadTinyGpt } from '../../../src/models/transformer/load.js';
import { repoRoot } from '../../../src/models/transformer/paths.js';
import { referenceForward } from '../../../src/models/transformer/reference.js';
import { deserializeWeights, type ModelManifest } from '../../../src/models/transformer/weights-io.js';
import { maxAbsDiff, randomTokens } from './random-model.js';

/* The shipped model (assets/models/tiny-gpt), loaded as the bot loads it. */
let model: TinyGpt;
const dir = path.join(repoRoot(), 'assets/models/tiny-gpt');

beforeAll(async () => {
	model = await loadTinyGpt();
}, 60_000);

describe('the committed tiny-gpt', () => {
	it('GIVEN the loader THEN later calls share one instance (loaded once)', async () => {
		expect(await loadTinyGpt()).toBe(model);
		expect(model.config.contextLength).toBeGreaterThanOrEqual(64);
	});

	it('GIVEN 64 random tokens THEN attention matches the float64 reference within 1e-4 and logits within 1e-3', async () => {
		const manifest = JSON.parse(await readFile(path.join(dir, 'model.json'), 'utf8')) as ModelManifest;
		const weights = deserializeWeights(manifest, await readFile(path.join(dir, 'weights.bin')));
		const tokens = randomTokens(64, model.config.vocabSize, 2024);
		const mine = model.run(tokens);
		const ref = referenceForward(model.config, weights, tokens);
		for (let l = 0; l < model.config.nLayers; l++) {
			for (let h = 0; h < model.config.nHeads; h++)
				expect(maxAbsDiff(mine.attention[l]![h]!, ref.attention[l]![h]!)).toBeLessThan(1e-4);
		}
		expect(maxAbsDiff(mine.logits, ref.logits)).toBeLessThan(1e-3);
	});

	it('GIVEN any text THEN the shipped tokenizer round-trips it', () => {
		const tok = model.tokenizer!;
		for (const s of ['To be, or not to be', 'Pierre 안녕하세요 🙂', '']) expect(tok.decode(tok.encode(s))).toBe(s);
		expect(tok.vocabSize).toBe(model.config.vocabSize);
	});

	it('GIVEN validation text THEN the model predicts it better than the bigram baseline on the same tokens', async () => {
		const splits = await readCorpusSplits(path.join(repoRoot(), 'assets/corpus'));
		const data = tokenizeSplits(model.tokenizer!, splits);
		// Twelve windows spread over both documents keep the test fast; the model card reports every window.
		const all = validationWindows(data.validation, model.config.contextLength);
		const windows = all.filter((_, i) => i % Math.floor(all.length / 12) === 0).slice(0, 12);
		const mine = model.crossEntropy(windows);
		const bigram = bigramBaseline(data.train, model.config.vocabSize, windowTargets(windows));
		expect(mine.tokens).toBe(bigram.tokens);
		expect(mine.natsPerToken).toBeLessThan(bigram.natsPerToken - 0.1);
	}, 60_000);
});
