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

/** The encodings every thread may load (a few tens of MiB each thread); the other families stay with one owner. */
const EVERY_THREAD: readonly string[] = ['gpt2', 'gpt-4', 'gpt-4o'];

/**
 * Whether a task runs on the tokenizer owner, the one thread that loads the Hugging Face families' tokenizers
 * (Llama 3, Gemma 3, Qwen 3, DeepSeek-V3, Claude's) and Mistral's. Tokenizers.js keeps each as its own JavaScript
 * objects (about 350 MiB of heap for all of them), which cannot be shared between threads: on every thread they
 * would cost that many times over. Tokenizing is quick, so one thread serves them all.
 */
export function ownedByTokenizerThread<K extends TaskName>(name: K, input: TaskInput<K>): boolean {
	if (name === 'tokenize.families' || name === 'tokenize.chat') return true;
	if (name === 'tokenize.chart')
		return (input as TaskInput<'tokenize.chart'>).models.some((m) => !EVERY_THREAD.includes(m));
	return false;
}
