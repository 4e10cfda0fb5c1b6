import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createRng } from '../src/models/sampling/prng.js';
import { DEFAULT_MODEL } from '../src/models/transformer/inference.js';
import { loadTinyGpt } from '../src/models/transformer/load.js';
import { repoRoot } from '../src/models/transformer/paths.js';
import { referenceForward } from '../src/models/transformer/reference.js';
import { deserializeWeights, type ModelManifest } from '../src/models/transformer/weights-io.js';
import { median, timeRuns, type BenchRow, type BenchSuite } from './types.js';

const TOKENS = 64;

/**
 * The shipped transformer's forward pass over 64 tokens on the selected TensorFlow.js backend (wasm here), against
 * the same pass in plain float64 loops (src/models/transformer/reference.ts), on the same seeded random tokens.
 */
const suite: BenchSuite = {
	area: 'model',
	async run(): Promise<BenchRow[]> {
		const model = await loadTinyGpt();
		const dir = path.join(repoRoot(), 'assets/models', DEFAULT_MODEL);
		const manifest = JSON.parse(await readFile(path.join(dir, 'model.json'), 'utf8')) as ModelManifest;
		const weights = deserializeWeights(manifest, await readFile(path.join(dir, 'weights.bin')));
		const rng = createRng(64);
		const tokens = Array.from({ length: TOKENS }, () => Math.floor(rng.next() * model.config.vocabSize));

		const forwardMs = median(await timeRuns(() => model.run(tokens), 30, 5));
		const traceMs = median(await timeRuns(() => model.trace(tokens), 10, 2));
		const referenceMs = median(await timeRuns(() => referenceForward(model.config, weights, tokens), 5, 1));
		const reference = { name: 'plain float64 loops (reference.ts)', value: referenceMs, unit: 'ms' };
		return [
			{
				name: `transformer forward, ${TOKENS} tokens (logits + attention; median)`,
				value: forwardMs,
				unit: 'ms',
				reference,
				ratio: referenceMs / forwardMs,
				note: 'speed-up over the reference, higher is better',
			},
			{
				name: `transformer traced forward, ${TOKENS} tokens (+ residuals, FFN, logit lens; median)`,
				value: traceMs,
				unit: 'ms',
				reference,
				ratio: referenceMs / traceMs,
				note: 'speed-up over the reference, higher is better',
			},
		];
	},
};

export default suite;
