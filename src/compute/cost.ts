import { CONTINUATIONS_SHOWN } from '../demos/sample/input.js';
import type { Lane } from './lanes.js';
import type { TaskInput, TaskName } from './tasks/index.js';

/**
 * Above this many generated tokens a /sample runs in the heavy lane. With the key/value cache a token costs about a
 * millisecond, so the default (20 tokens, one run) stays light, and `samples:200 tokens:50` (3 runs of 50) is heavy.
 */
export const HEAVY_SAMPLE_TOKENS = 60;

/** The lane a task runs in, by its expected cost; everything but long generation is light. */
export function laneOf<K extends TaskName>(name: K, input: TaskInput<K>): Lane {
	if (name === 'sample.local') {
		const { settings } = input as TaskInput<'sample.local'>;
		const tokens = settings.tokens * Math.min(settings.samples, CONTINUATIONS_SHOWN);
		return tokens > HEAVY_SAMPLE_TOKENS ? 'heavy' : 'light';
	}
	return 'light';
}
