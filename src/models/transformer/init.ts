import { createRng } from '../sampling/prng.js';
import { parameterShapes, validateConfig, type ModelConfig } from './config.js';

/** Host-side weights: name → (shape, float32 values). The same layout as the files on disk. */
export type Weights = Map<string, { shape: number[]; data: Float32Array }>;

/**
 * Fresh weights from a seed, reproducible on every machine (our own PRNG and Box–Muller, not TensorFlow's):
 * matrices and embeddings ~ N(0, 0.02²), the two projections that write into the residual stream scaled by
 * 1/√(2·nLayers) as in GPT-2, position embeddings ~ N(0, 0.01²), biases 0, LayerNorm gains 1.
 */
export function initWeights(config: ModelConfig, seed: number): Weights {
	validateConfig(config);
	const rng = createRng(seed);
	let spare: number | undefined;
	const normal = (): number => {
		if (spare !== undefined) {
			const s = spare;
			spare = undefined;
			return s;
		}
		const u1 = 1 - rng.next();
		const u2 = rng.next();
		const r = Math.sqrt(-2 * Math.log(u1));
		spare = r * Math.sin(2 * Math.PI * u2);
		return r * Math.cos(2 * Math.PI * u2);
	};
	const weights: Weights = new Map();
	for (const [name, shape] of parameterShapes(config)) {
		const size = shape.reduce((a, b) => a * b, 1);
		const data = new Float32Array(size);
		const kind = name.split('.').at(-1);
		if (kind === 'g') data.fill(1);
		else if (shape.length === 2) {
			let std = 0.02;
			if (name === 'wpe') std = 0.01;
			if (name.endsWith('attn.wo') || name.endsWith('mlp.w2')) std = 0.02 / Math.sqrt(2 * config.nLayers);
			for (let i = 0; i < size; i++) data[i] = normal() * std;
		}
		weights.set(name, { shape, data });
	}
	return weights;
}
