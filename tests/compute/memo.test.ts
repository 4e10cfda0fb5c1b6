import { describe, expect, it } from 'vitest';
import type { Compute } from '../../src/compute/compute.js';
import { createInlineCompute } from '../../src/compute/inline.js';
import { approximateBytes, memoizePureTasks, PURE_TASKS } from '../../src/compute/memo.js';
import { tasks, type TaskName } from '../../src/compute/tasks/index.js';
import { withLanguage } from '../../src/i18n/index.js';

/** A compute that counts its runs and answers from `answer` (or fails when told to). */
function countingCompute(answer: (name: string, input: unknown) => unknown = (name, input) => ({ name, input })) {
	const runs: string[] = [];
	let fail = false;
	const compute: Compute = {
		run: async (name, input) => {
			runs.push(name);
			await new Promise((r) => setTimeout(r, 5));
			if (fail) throw new Error('the worker fell over');
			return answer(name, input) as never;
		},
		stats: () => ({ queued: 0, running: 0, threads: 1, maxQueue: 1 }),
		close: async () => {},
	};
	return { compute, runs, failNext: (on: boolean) => (fail = on) };
}

const positions = { dModel: 64, length: 32 } as never;

describe('memoizePureTasks', () => {
	it('GIVEN forty members asking the same pure task at once THEN it runs once and each gets an equal answer', async () => {
		const { compute, runs } = countingCompute();
		const memo = memoizePureTasks(compute, { maxBytes: 1 << 20 });
		const answers = await Promise.all(Array.from({ length: 40 }, () => memo.run('positions.run', positions)));
		expect(runs).toEqual(['positions.run']);
		for (const answer of answers) expect(answer).toEqual({ name: 'positions.run', input: positions });
		expect(memo.stats().cache).toMatchObject({ entries: 1, asked: 40, ran: 1 });
	});

	it('GIVEN a kept answer THEN every caller gets their own copy (changing one changes no other)', async () => {
		const { compute } = countingCompute(() => ({ png: new Uint8Array([1, 2, 3]), labels: ['a'] }));
		const memo = memoizePureTasks(compute, { maxBytes: 1 << 20 });
		const first = (await memo.run('positions.run', positions)) as unknown as { png: Uint8Array; labels: string[] };
		first.png[0] = 99;
		first.labels.push('b');
		const second = (await memo.run('positions.run', positions)) as unknown as { png: Uint8Array; labels: string[] };
		expect([...second.png]).toEqual([1, 2, 3]);
		expect(second.labels).toEqual(['a']);
	});

	it('GIVEN /sample generation THEN every ask runs (each member’s run has its own seed and its own heavy-lane slot)', async () => {
		const { compute, runs } = countingCompute();
		const memo = memoizePureTasks(compute, { maxBytes: 1 << 20 });
		const input = { prompt: 'The old prince said' } as never;
		await Promise.all([memo.run('sample.local', input), memo.run('sample.local', input)]);
		expect(runs).toEqual(['sample.local', 'sample.local']);
		expect(PURE_TASKS.has('sample.local')).toBe(false);
	});

	it('GIVEN the same input in two languages THEN each language is computed (charts are drawn in it)', async () => {
		const { compute, runs } = countingCompute();
		const memo = memoizePureTasks(compute, { maxBytes: 1 << 20 });
		await withLanguage('en', () => memo.run('positions.run', positions));
		await withLanguage('ko', () => memo.run('positions.run', positions));
		await withLanguage('ko', () => memo.run('positions.run', positions));
		expect(runs).toHaveLength(2);
	});

	it('GIVEN a run that fails THEN everyone waiting gets the error and the next ask runs again', async () => {
		const { compute, runs, failNext } = countingCompute();
		const memo = memoizePureTasks(compute, { maxBytes: 1 << 20 });
		failNext(true);
		const results = await Promise.allSettled([memo.run('ffn.run', positions), memo.run('ffn.run', positions)]);
		expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
		failNext(false);
		await expect(memo.run('ffn.run', positions)).resolves.toBeDefined();
		expect(runs).toHaveLength(2);
	});

	it('GIVEN answers beyond the byte budget THEN the least recently used go and are computed again', async () => {
		// Each answer is 216 bytes (200 of PNG, 16 of object): four fit in 1,000, the fifth pushes out the first.
		const { compute, runs } = countingCompute(() => ({ png: new Uint8Array(200) }));
		const memo = memoizePureTasks(compute, { maxBytes: 1000 });
		for (const length of [1, 2, 3, 4, 5]) await memo.run('positions.run', { length });
		expect(memo.stats().cache).toMatchObject({ entries: 4, bytes: 864 });
		await memo.run('positions.run', { length: 5 });
		expect(runs).toHaveLength(5);
		await memo.run('positions.run', { length: 1 });
		expect(runs).toHaveLength(6);
	});

	it('GIVEN more different asks at once than the cache holds THEN every one is answered (none dropped while running)', async () => {
		const { compute, runs } = countingCompute(() => ({ png: new Uint8Array(200) }));
		const memo = memoizePureTasks(compute, { maxBytes: 1000 });
		const asks = Array.from({ length: 40 }, (_, length) => memo.run('positions.run', { length }));
		const results = await Promise.allSettled(asks);
		expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
		expect(runs).toHaveLength(40);
	});

	it('GIVEN a budget of 0 THEN the compute is returned as it is', () => {
		const { compute } = countingCompute();
		expect(memoizePureTasks(compute, { maxBytes: 0 })).toBe(compute);
	});

	it('GIVEN every task name THEN only the random generation, the warm-up, the system tasks and the quiz answer check are left out', () => {
		const names = Object.keys(tasks) as TaskName[];
		const impure = names.filter((n) => !PURE_TASKS.has(n)).sort();
		expect(impure).toEqual([
			'models.warmup',
			'quiz.modelAnswer',
			'sample.local',
			'system.fail',
			'system.ping',
			'system.spin',
		]);
	});

	it('GIVEN the real /positions task run twice THEN the kept answer is byte-for-byte the computed one', async () => {
		const inline = createInlineCompute();
		const memo = memoizePureTasks(inline, { maxBytes: 16 << 20 });
		const input = { length: 32 } as never;
		const fresh = await inline.run('positions.run', input);
		await memo.run('positions.run', input);
		const kept = await memo.run('positions.run', input);
		// Structured clone, as from a worker thread: Buffers arrive as Uint8Arrays with the same bytes.
		expect(kept).toEqual(structuredClone(fresh));
		expect(memo.stats().cache).toMatchObject({ asked: 2, ran: 1 });
	});
});

describe('approximateBytes', () => {
	it('GIVEN bytes, strings and nested objects THEN their sizes add up (a repeated object counts once)', () => {
		const png = new Uint8Array(1000);
		expect(approximateBytes(png)).toBe(1000);
		expect(approximateBytes({ a: png, b: png })).toBe(1016);
		expect(approximateBytes('abc')).toBe(6);
	});
});
