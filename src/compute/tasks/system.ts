import { threadId } from 'node:worker_threads';

/** Tasks that check the pool itself. */
export const systemTasks = {
	/** Echoes its input with the thread it ran on. */
	'system.ping': (input: { value: number }) => ({ value: input.value, threadId }),
	/** Busy-waits for `ms` (tests and load benchmarks use it to fill the pool). */
	'system.spin': (input: { ms: number }) => {
		const end = performance.now() + input.ms;
		let x = 0;
		while (performance.now() < end) x++;
		return { iterations: x, threadId };
	},
	/** Throws, to check that errors cross the boundary. */
	'system.fail': (input: { message: string }): never => {
		throw new Error(input.message);
	},
};
