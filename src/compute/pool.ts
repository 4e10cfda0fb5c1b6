import { currentLanguage } from '../i18n/index.js';
import os from 'node:os';
import { Piscina } from 'piscina';
import { BusyError } from '../core/errors.js';
import type { Compute } from './compute.js';
import { laneOf, ownedByTokenizerThread } from './cost.js';
import { LaneScheduler, type Requester } from './lanes.js';
import { currentQueueNotice } from './queue-notice.js';
import type { TaskInput, TaskName, TaskOutput } from './tasks/index.js';

export interface PoolOptions {
	/** Worker threads; default: one per core, at least one. */
	threads?: number;
	/** Tasks that may wait for a thread, per lane; beyond it a member is told to retry at once. */
	maxQueue?: number;
	/** Threads heavy tasks may hold at once; default all but one (at least one). */
	heavyThreads?: number;
	/**
	 * One more thread that alone loads the large tokenizer families (see `ownedByTokenizerThread`); default on when
	 * there are two threads or more. With one thread, that thread is the owner anyway.
	 */
	tokenizerOwner?: boolean;
}

/**
 * A pool of worker threads (piscina) for model inference and chart rendering, sized to the cores, with a bounded
 * queue: when it is full, {@link BusyError} tells the member "busy, try again in a few seconds" immediately.
 * Tasks go through a {@link LaneScheduler}: light ones first, heavy ones (long generation) on at most
 * `heavyThreads` threads and one per member. The large tokenizer families live on one extra thread of their own,
 * the tokenizer owner, instead of a copy on every thread.
 */
export function createWorkerPool(options: PoolOptions = {}): Compute {
	const threads = options.threads ?? Math.max(1, os.availableParallelism());
	const maxQueue = options.maxQueue ?? threads * 32;
	const isTypeScript = import.meta.url.endsWith('.ts');
	const piscina = (size: number, registry: 'all' | 'tokenizers'): Piscina =>
		new Piscina({
			// From TypeScript, a bootstrap that gives the worker tsx's ESM hooks (see worker-tsx.mjs).
			filename: new URL(isTypeScript ? './worker-tsx.mjs' : './worker.js', import.meta.url).href,
			minThreads: size,
			maxThreads: size,
			maxQueue,
			workerData: { registry },
			idleTimeout: 60_000,
			// Lower priority for the heavy work (Linux nice is per thread, via @napi-rs/nice): on a busy machine the gateway
			// thread, which must answer every interaction within 3 s, gets the CPU before a chart does.
			niceIncrement: 10,
			// Under tsx or vitest the worker is TypeScript too; tsx registers itself in the worker.
			execArgv: isTypeScript ? [...process.execArgv.filter((a) => !a.startsWith('--inspect')), '--import', 'tsx'] : [],
		});
	const pool = piscina(threads, 'all');
	const owner = (options.tokenizerOwner ?? threads > 1) ? piscina(1, 'tokenizers') : undefined;
	const busyAtLimit = (error: unknown): never => {
		if (error instanceof Error && /queue is at limit/i.test(error.message)) throw new BusyError();
		throw error;
	};
	const lanes = new LaneScheduler({
		slots: threads,
		heavySlots: options.heavyThreads ?? Math.max(1, threads - 1),
		maxQueue,
	});
	return {
		async run<K extends TaskName>(name: K, input: TaskInput<K>, requester: Requester = {}): Promise<TaskOutput<K>> {
			// The worker writes chart text in the language of the interaction that asked (see i18n/language.ts).
			const language = currentLanguage();
			// The owner's tasks are light and keep their own queue, so they never hold one of the pool's slots.
			if (owner && ownedByTokenizerThread(name, input))
				return (owner.run({ name, input, language }) as Promise<TaskOutput<K>>).catch(busyAtLimit);
			// A member whose task has to wait is shown their place in line (see queue-notice.ts).
			const told = { ...requester, onQueued: requester.onQueued ?? currentQueueNotice() };
			return lanes.submit(laneOf(name, input), told, () =>
				(pool.run({ name, input, language }) as Promise<TaskOutput<K>>).catch(busyAtLimit),
			);
		},
		stats: () => {
			const { queued, running } = lanes.stats();
			const ownerQueued = owner?.queueSize ?? 0;
			return { queued: queued.light + queued.heavy + ownerQueued, running, threads, maxQueue };
		},
		close: async () => {
			await Promise.all([pool.destroy(), owner?.destroy()]);
		},
	};
}
