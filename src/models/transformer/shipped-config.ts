import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ModelConfig } from './config.js';
import { DEFAULT_MODEL, modelDir } from './shared-weights.js';

let config: Promise<ModelConfig> | undefined;

/**
 * The shipped model's architecture, from `model.json` alone (no weights, no TensorFlow.js: this module must not import inference.ts), for autocomplete and for
 * checking `layer` and `head` on the gateway thread before any work. Read once; a failed read is retried next time.
 */
export function shippedModelConfig(): Promise<ModelConfig> {
	config ??= readFile(path.join(modelDir(DEFAULT_MODEL), 'model.json'), 'utf8').then(
		(text) => (JSON.parse(text) as { config: ModelConfig }).config,
	);
	config.catch(() => {
		config = undefined;
	});
	return config;
}
