import type { TaskInput, TaskName, TaskOutput } from './tasks/index.js';

export interface ComputeStats {
	/** Tasks waiting for a thread. */
	queued: number;
	/** Tasks running now. */
	running: number;
	threads: number;
	maxQueue: number;
}

/** Heavy work (model inference, chart rendering) by task name; handlers call this instead of the models directly. */
export interface Compute {
	run<K extends TaskName>(name: K, input: TaskInput<K>): Promise<TaskOutput<K>>;
	stats(): ComputeStats;
	close(): Promise<void>;
}

/** A Buffer view of bytes that crossed a worker boundary (structured clone turns Buffers into Uint8Arrays). */
export function toBuffer(bytes: Uint8Array): Buffer {
	return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
