import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_MODEL, type ModelConfig } from '../../models/transformer/index.js';
import { repoRoot } from '../../models/transformer/paths.js';
import { deserializeWeights, type ModelManifest } from '../../models/transformer/weights-io.js';

/** The model's weights as plain float32 arrays by name (as `weights.bin` stores them), with its config. */
export interface PlainWeights {
	config: ModelConfig;
	get(name: string): Float32Array;
}

const loaded = new Map<string, Promise<PlainWeights>>();

/**
 * The shipped model's weights read once per thread, without TensorFlow.js: /ffn recomputes one position's FFN from
 * them in float64, to show it needs nothing but that position's vector.
 */
export function plainWeights(name = DEFAULT_MODEL): Promise<PlainWeights> {
	let weights = loaded.get(name);
	if (!weights) {
		weights = (async () => {
			const dir = path.join(repoRoot(), 'assets/models', name);
			const manifest = JSON.parse(await readFile(path.join(dir, 'model.json'), 'utf8')) as ModelManifest;
			const all = deserializeWeights(manifest, await readFile(path.join(dir, 'weights.bin')));
			return {
				config: manifest.config,
				get: (key: string) => {
					const w = all.get(key);
					if (!w) throw new Error(`${name}: no weight ${key}`);
					return w.data;
				},
			};
		})();
		weights.catch(() => loaded.delete(name));
		loaded.set(name, weights);
	}
	return weights;
}
