import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BytePairEncoding } from '../tokenizers/bpe.js';
import { initBackend } from './backend.js';
import type { ModelConfig } from './config.js';
import { TinyGpt } from './inference.js';
import type { Weights } from './init.js';
import { DEFAULT_MODEL, modelDir, modelWeightsBytes } from './shared-weights.js';
import { tokenizerFromFiles, type TokenizerMeta } from './tokenizer.js';
import { deserializeWeights, type ModelManifest } from './weights-io.js';

/** A model from in-memory weights (tests build small random ones); selects the backend first. */
export async function createTinyGpt(
	name: string,
	config: ModelConfig,
	weights: Weights,
	tokenizer?: BytePairEncoding,
): Promise<TinyGpt> {
	await initBackend();
	return new TinyGpt(name, config, weights, tokenizer);
}

const loaded = new Map<string, Promise<TinyGpt>>();

/**
 * Loads `assets/models/<name>/` once per thread (later calls share the same promise) after selecting the
 * TensorFlow.js backend. Reads model.json, weights.bin, tokenizer.tiktoken and tokenizer.json.
 */
export function loadTinyGpt(name = DEFAULT_MODEL, dir = modelDir(name)): Promise<TinyGpt> {
	let model = loaded.get(dir);
	if (!model) {
		model = (async () => {
			await initBackend();
			const manifest = JSON.parse(await readFile(path.join(dir, 'model.json'), 'utf8')) as ModelManifest;
			const weights = deserializeWeights(manifest, await modelWeightsBytes(name, dir));
			const meta = JSON.parse(await readFile(path.join(dir, 'tokenizer.json'), 'utf8')) as TokenizerMeta;
			const tokenizer = tokenizerFromFiles(name, await readFile(path.join(dir, 'tokenizer.tiktoken'), 'utf8'), meta);
			return new TinyGpt(name, manifest.config, weights, tokenizer);
		})();
		// A failed load is not cached, so a later call can retry.
		model.catch(() => loaded.delete(dir));
		loaded.set(dir, model);
	}
	return model;
}
