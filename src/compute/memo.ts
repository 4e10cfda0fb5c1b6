import { LRUCache } from 'lru-cache';
import { currentLanguage } from '../i18n/index.js';
import type { Compute } from './compute.js';
import type { Requester } from './lanes.js';
import type { TaskInput, TaskName, TaskOutput } from './tasks/index.js';

/**
 * Tasks whose output depends on nothing but their input and the language they draw in: the same question gets the
 * same answer, so one computation can serve every member who asks it. Not here: `/sample`'s generation (each member's
 * run draws its own seed, so two asks never coincide, and it keeps the heavy lane's one-run-per-member rule), the
 * warm-up, the system tasks, and the quiz's model answer (one per question, checked once per answer, and its input
 * carries shared memory that JSON cannot key).
 */
export const PURE_TASKS: ReadonlySet<TaskName> = new Set<TaskName>([
	'attention.run',
	'ffn.run',
	'ngram.next',
	'positions.run',
	'quiz.barChart',
	'quiz.card',
	'residual.run',
	'sample.beam',
	'sample.render',
	'similarity.compute',
	'similarity.render',
	'tokenize.chart',
	'tokenize.chat',
	'tokenize.families',
]);

/** Inputs past this many characters (as JSON) are not worth a key: they are computed each time. */
const MAX_KEY_CHARS = 64 * 1024;

export interface MemoOptions {
	/** Bytes of answers kept (PNGs mostly; least recently used go first); 0 turns the cache off. */
	maxBytes: number;
}

/**
 * `compute` with a small cache in front of its pure tasks ({@link PURE_TASKS}): when a presenter says "everyone, try
 * /attention now", forty members asking the same thing wait for one computation, not forty in a queue. Members asking
 * the same thing at the same moment share the one run in flight; later ones get the kept answer while it is in the
 * cache. Every caller gets their own copy (structured clone), so no reply can change another's. A failed run is not
 * kept (everyone waiting on it gets its error; the next ask runs again).
 */
export function memoizePureTasks(compute: Compute, options: MemoOptions): Compute {
	if (options.maxBytes <= 0) return compute;
	const cache = new LRUCache<string, { value: unknown }>({
		maxSize: options.maxBytes,
		// One answer may take at most a quarter of the cache, so a single huge one cannot empty it.
		maxEntrySize: Math.max(1, Math.floor(options.maxBytes / 4)),
		sizeCalculation: (entry) => Math.max(1, approximateBytes(entry.value)),
	});
	// Runs in flight are kept apart from the cache: a full cache must never drop (and so fail) a run members wait on.
	const inFlight = new Map<string, Promise<unknown>>();
	let asked = 0;
	let ran = 0;
	return {
		async run<K extends TaskName>(name: K, input: TaskInput<K>, requester?: Requester): Promise<TaskOutput<K>> {
			const key = PURE_TASKS.has(name) ? keyOf(name, input) : undefined;
			if (key === undefined) return compute.run(name, input, requester);
			asked++;
			const kept = cache.get(key);
			if (kept) return structuredClone(kept.value) as TaskOutput<K>;
			let running = inFlight.get(key);
			if (!running) {
				ran++;
				running = compute
					.run(name, input, requester)
					.then((value) => {
						cache.set(key, { value });
						return value;
					})
					.finally(() => inFlight.delete(key));
				inFlight.set(key, running);
			}
			return structuredClone(await running) as TaskOutput<K>;
		},
		stats: () => ({ ...compute.stats(), cache: { entries: cache.size, bytes: cache.calculatedSize, asked, ran } }),
		close: () => compute.close(),
	};
}

/** The cache key: the task, the language it draws in, and its input; undefined when the input is too big to key. */
function keyOf(name: TaskName, input: unknown): string | undefined {
	const json = JSON.stringify(input) ?? 'undefined';
	if (json.length > MAX_KEY_CHARS) return undefined;
	return `${currentLanguage()}\u0000${name}\u0000${json}`;
}

/** A rough size of a task's output: its bytes, strings and numbers (enough to bound the cache, not exact). */
export function approximateBytes(value: unknown, seen = new Set<object>()): number {
	if (typeof value === 'string') return 2 * value.length;
	if (typeof value !== 'object' || value === null) return 8;
	if (seen.has(value)) return 0;
	seen.add(value);
	if (ArrayBuffer.isView(value)) return value.byteLength;
	if (value instanceof ArrayBuffer) return value.byteLength;
	let bytes = 16;
	for (const item of Object.values(value)) bytes += approximateBytes(item, seen);
	return bytes;
}
