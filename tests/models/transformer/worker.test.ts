import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { createTinyGpt } from '../../../src/models/transformer/load.js';
import { randomTokens, randomWeights, TINY } from './random-model.js';

describe('TinyGpt in a worker thread', () => {
	it('GIVEN a worker THEN it initialises its own backend and returns the same numbers as the main thread', async () => {
		const tokens = randomTokens(12, TINY.vocabSize, 3);
		const worker = new Worker(new URL('./worker-bootstrap.mjs', import.meta.url), { workerData: { seed: 21, tokens } });
		const fromWorker = await new Promise<{ nextLogits: Float32Array; attention: Float32Array[][] }>(
			(resolve, reject) => {
				worker.once('message', resolve);
				worker.once('error', reject);
			},
		);
		await worker.terminate();
		const local = (await createTinyGpt('main', TINY, randomWeights(TINY, 21))).run(tokens);
		expect(Array.from(fromWorker.nextLogits)).toEqual(Array.from(local.nextLogits));
		expect(Array.from(fromWorker.attention[1]![2]!)).toEqual(Array.from(local.attention[1]![2]!));
	}, 60_000);
});
