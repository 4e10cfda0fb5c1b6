import { afterAll, describe, expect, it } from 'vitest';
import similarity from '../../commands/similarity.js';
import tokenize from '../../commands/tokenize.js';
import type { AnyCommand } from '../../src/core/command.js';
import type { Compute } from '../../src/compute/compute.js';
import { createInlineCompute } from '../../src/compute/inline.js';
import { createWorkerPool } from '../../src/compute/pool.js';
import type { Reply } from '../../src/core/reply.js';
import { testDeps } from '../helpers/deps.js';
import { runForReply } from '../helpers/run-command.js';
import { korean } from '../models/tokenizers/samples.js';

/** Runs a command and records the longest gap between 10 ms ticks of this thread's event loop meanwhile. */
async function withLag(
	command: AnyCommand,
	options: Record<string, unknown>,
	compute: Compute,
): Promise<{ reply: Reply; lagMs: number }> {
	let last = performance.now();
	let lagMs = 0;
	const ticker = setInterval(() => {
		const now = performance.now();
		lagMs = Math.max(lagMs, now - last);
		last = now;
	}, 10);
	try {
		const reply = await runForReply(command, options, { deps: testDeps({ compute }) });
		return { reply, lagMs };
	} finally {
		clearInterval(ticker);
	}
}

/** A reply without its PNG bytes, for comparing the figures two runs report. */
const figures = (reply: Reply) => ({
	embeds: reply.embeds,
	files: reply.files?.map((f) => ({ name: f.name, description: f.description, bytes: f.data.length })),
});

describe('/tokenize and /similarity on the worker pool', () => {
	const pool = createWorkerPool({ threads: 2 });
	afterAll(() => pool.close());

	it('GIVEN a 4,000-character Korean text compared THEN a worker builds the encodings while this thread stays responsive', async () => {
		const text = [...korean.repeat(3)].slice(0, 4000).join('');
		const options = { text, encoding: 'compare', show: 'ids' };
		const inWorker = await withLag(tokenize, options, pool);
		const inline = await withLag(tokenize, options, createInlineCompute());
		process.stdout.write(
			`tokenize: longest event-loop gap ${inWorker.lagMs.toFixed(0)} ms on the pool, ${inline.lagMs.toFixed(0)} ms inline\n`,
		);
		expect(figures(inWorker.reply)).toEqual(figures(inline.reply));
		expect(Buffer.compare(inWorker.reply.files![0]!.data, inline.reply.files![0]!.data)).toBe(0);
		expect(inWorker.lagMs).toBeLessThan(inline.lagMs);
	}, 60_000);

	it.each([
		['pair', 'king queen'],
		['matrix', 'king queen man woman'],
		['neighbors', 'king frog'],
		['analogy', 'king - man + woman'],
		['map', 'king frog computer'],
	])(
		'GIVEN mode:%s THEN the worker, over the shared vectors, reports what the main thread does',
		async (mode, words) => {
			const options = { words, mode };
			const inWorker = await runForReply(similarity, options, { deps: testDeps({ compute: pool }) });
			const inline = await runForReply(similarity, options, { deps: testDeps({ compute: createInlineCompute() }) });
			expect(figures(inWorker)).toEqual(figures(inline));
		},
		60_000,
	);
});
