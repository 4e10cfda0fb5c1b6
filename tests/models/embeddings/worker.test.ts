import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { loadWordVectors, neighbors } from '../../../src/models/embeddings/index.js';

describe('word vectors in a worker thread', () => {
	it('GIVEN the shared data posted to a worker THEN it answers like the main thread over the same memory', async () => {
		const vectors = await loadWordVectors();
		const shared = vectors.share();
		expect(shared.index).toBeInstanceOf(SharedArrayBuffer);
		const bytes = new Uint8Array(shared.index);
		const saved = bytes[300_000]!;
		const worker = new Worker(new URL('./shared-worker.mjs', import.meta.url), { workerData: shared });
		try {
			const answer = await new Promise((resolve, reject) => {
				worker.once('message', resolve);
				worker.once('error', reject);
			});
			expect(answer).toEqual(neighbors(vectors, vectors.find('frog')!, 5).map((n) => [n.word.text, n.cosine]));
			expect(bytes[300_000]).toBe(42);
		} finally {
			bytes[300_000] = saved;
			await worker.terminate();
		}
	}, 60_000);
});
