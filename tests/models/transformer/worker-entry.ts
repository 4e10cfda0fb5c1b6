/* Runs in a worker thread: builds the seeded random model and answers one forward pass. */
import { parentPort, workerData } from 'node:worker_threads';
import { createTinyGpt } from '../../../src/models/transformer/load.js';
import { randomWeights, TINY } from './random-model.js';

const input = workerData as { seed: number; tokens: number[] };
const model = await createTinyGpt('worker', TINY, randomWeights(TINY, input.seed));
const result = model.run(input.tokens);
parentPort!.postMessage({ nextLogits: result.nextLogits, attention: result.attention });
