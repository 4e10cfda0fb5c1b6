import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ModelConfig } from '../../../src/models/transformer/index.js';
import { repoRoot } from '../../../src/models/transformer/paths.js';
import { deserializeWeights, type ModelManifest } from '../../../src/models/transformer/weights-io.js';

/** The shipped model's weights read straight from assets/ (no TensorFlow.js): the reference tests compare against. */
export function shippedWeights(): { config: ModelConfig; weights: ReturnType<typeof deserializeWeights> } {
	const dir = path.join(repoRoot(), 'assets/models/tiny-gpt');
	const manifest = JSON.parse(readFileSync(path.join(dir, 'model.json'), 'utf8')) as ModelManifest;
	return {
		config: manifest.config,
		weights: deserializeWeights(manifest, readFileSync(path.join(dir, 'weights.bin'))),
	};
}
