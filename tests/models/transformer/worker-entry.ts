/* Runs in a worker thread: builds the seeded random model and answers one forward pass. */
import { parentPort, workerData } from 'node:worker_threads';
import { createTinyGpt } from '../../../src/models/transformer/inference.js';
import { randomWeights, TINY } from './random-model.js';

const model = await createTinyGpt('worker', TINY, randomWeights(TINY, workerData.seed as number));
const result = model.run(workerData.tokens as number[]);
parentPort!.postMessage({ nextLogits: result.nextLogits, attention: result.attention });
