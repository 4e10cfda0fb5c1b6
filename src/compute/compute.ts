import type { Requester } from './lanes.js';
import type { TaskInput, TaskName, TaskOutput } from './tasks/index.js';

export interface ComputeStats {
	/** Tasks waiting for a thread. */
	queued: number;
	/** Tasks running now. */
	running: number;
	threads: number;
	maxQueue: number;
	/** The answers kept for pure tasks (see memo.ts), when there is such a cache: tasks asked, and of those, run. */
	cache?: { entries: number; bytes: number; asked: number; ran: number };
}

/** Heavy work (model inference, chart rendering) by task name; handlers call this instead of the models directly. */
export interface Compute {
	/**
	 * Runs a task off the gateway's event loop. `requester` names the member (and their command) so that the pool can
	 * hold each member to one heavy task at a time.
	 */
	run<K extends TaskName>(name: K, input: TaskInput<K>, requester?: Requester): Promise<TaskOutput<K>>;
	stats(): ComputeStats;
	close(): Promise<void>;
}

/** A Buffer view of bytes that crossed a worker boundary (structured clone turns Buffers into Uint8Arrays). */
export function toBuffer(bytes: Uint8Array): Buffer {
	return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
