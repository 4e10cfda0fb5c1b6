// Runs in a worker thread (see worker.test.ts): builds its own WordVectors over the posted shared data.
// Plain JavaScript that registers tsx, because a worker does not inherit vitest's TypeScript transform.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { neighbors, vectorsFromShared } = await import('../../../src/models/embeddings/index.ts');
const vectors = vectorsFromShared(workerData);
const result = neighbors(vectors, vectors.find('frog'), 5).map((n) => [n.word.text, n.cosine]);
// Write into the shared index to show it is the same memory (the test restores the byte).
new Uint8Array(workerData.index)[300_000] = 42;
parentPort.postMessage(result);
