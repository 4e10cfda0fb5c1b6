import type { Compute } from './compute.js';
import { tasks, type TaskInput, type TaskName, type TaskOutput } from './tasks/index.js';

/**
 * Runs tasks on the calling thread. For unit tests and scripts; the bot uses the worker pool so the gateway's
 * event loop stays free.
 */
export function createInlineCompute(): Compute {
	let running = 0;
	return {
		async run<K extends TaskName>(name: K, input: TaskInput<K>): Promise<TaskOutput<K>> {
			running++;
			try {
				const task = tasks[name] as (input: TaskInput<K>) => TaskOutput<K> | Promise<TaskOutput<K>>;
				return await task(input);
			} finally {
				running--;
			}
		},
		stats: () => ({ queued: 0, running, threads: 0, maxQueue: 0 }),
		close: async () => {},
	};
}
