import { threadId } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { BusyError } from '../../src/core/errors.js';
import { createInlineCompute } from '../../src/compute/inline.js';
import { createWorkerPool } from '../../src/compute/pool.js';

describe('worker pool', () => {
	const pool = createWorkerPool({ threads: 2, maxQueue: 2 });
	afterAll(() => pool.close());

	it('GIVEN a task THEN it runs on another thread and returns its result', async () => {
		const out = await pool.run('system.ping', { value: 42 });
		expect(out.value).toBe(42);
		expect(out.threadId).not.toBe(threadId);
	});

	it('GIVEN /tokenize with a Hugging Face family THEN the tokenizer owner answers it as the task itself does', async () => {
		const input = { text: 'Tokenizers differ', models: ['claude' as const], show: 'ids' as const };
		const out = await pool.run('tokenize.chart', input);
		const inline = await createInlineCompute().run('tokenize.chart', input);
		expect(out.strips).toEqual(inline.strips);
		expect(out.strips[0]!.ids.length).toBeGreaterThan(0);
	});

	it('GIVEN a task that throws THEN the error reaches the caller', async () => {
		await expect(pool.run('system.fail', { message: 'bad input' })).rejects.toThrow('bad input');
	});

	it('GIVEN more tasks than threads plus queue THEN the extra ones are refused at once with BusyError', async () => {
		const results = await Promise.allSettled(Array.from({ length: 8 }, () => pool.run('system.spin', { ms: 300 })));
		const busy = results.filter((r) => r.status === 'rejected' && r.reason instanceof BusyError);
		const done = results.filter((r) => r.status === 'fulfilled');
		expect(done.length).toBe(4);
		expect(busy.length).toBe(4);
	});

	it('GIVEN spinning tasks THEN the calling thread stays responsive', async () => {
		const work = Promise.all([pool.run('system.spin', { ms: 400 }), pool.run('system.spin', { ms: 400 })]);
		const started = performance.now();
		await new Promise((r) => setTimeout(r, 10));
		expect(performance.now() - started).toBeLessThan(100);
		await work;
	});
});

describe('inline compute', () => {
	it('GIVEN a task THEN it runs on this thread with the same result shape', async () => {
		const out = await createInlineCompute().run('system.ping', { value: 1 });
		expect(out).toEqual({ value: 1, threadId });
	});
});
