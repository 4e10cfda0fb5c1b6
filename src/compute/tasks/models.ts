import { threadId } from 'node:worker_threads';
import { nearestToUnit, vectorsFromShared, type SharedVectorData } from '../../models/embeddings/index.js';
import {
	adoptEncodings,
	FAMILIES,
	loadFamily,
	loadModelEncoding,
	shareEncodings,
	type SharedEncoding,
} from '../../models/tokenizers/index.js';
import { loadTinyGpt } from '../../models/transformer/index.js';
import { adoptModelWeights, type SharedModelWeights } from '../../models/transformer/shared-weights.js';
import { WORKER_MODELS } from '../worker-models.js';

export interface WarmupResult {
	name: string;
	ok: boolean;
	ms: number;
	error?: string;
}

async function timed(name: string, load: () => Promise<unknown>): Promise<WarmupResult> {
	const started = performance.now();
	try {
		await load();
		return { name, ok: true, ms: Math.round(performance.now() - started) };
	} catch (error) {
		return {
			name,
			ok: false,
			ms: Math.round(performance.now() - started),
			error: error instanceof Error ? error.message : String(error),
		};
	}
}

export { WORKER_MODELS };

/** What a warm-up loads: the models every thread serves, and (on request) every tokenizer family. */
export type WarmupPart = keyof typeof WORKER_MODELS | 'vectors' | 'families';

export interface WarmupInput {
	/** Default: the OpenAI tokenizers and tiny-gpt (the word vectors too when `vectors` is given). */
	parts?: WarmupPart[];
	/** The main thread's word vectors (`share()`), for this thread's view of them and its neighbour-search kernel. */
	vectors?: SharedVectorData;
	/**
	 * The OpenAI tokenizers as another thread built them (a warm-up's `encodings`): this thread encodes with their
	 * rank tables in shared memory instead of building copies of its own.
	 */
	encodings?: SharedEncoding[];
	/** tiny-gpt's weights as the gateway thread read them into shared memory: this thread's decoder reads them in place. */
	modelWeights?: SharedModelWeights;
	/**
	 * A counter in shared memory and the number of threads: each warm-up task waits here until `threads` of them
	 * have started, so that `threads` tasks sent together run one per thread (a thread busy waiting takes no other).
	 */
	barrier?: { counter: SharedArrayBuffer; threads: number };
}

export interface WarmupOutput {
	threadId: number;
	results: WarmupResult[];
	/** When the tokenizers loaded: their tables in shared memory, for the other threads' warm-up (`encodings`). */
	encodings?: SharedEncoding[];
}

/** Waits (up to 10 s) until `threads` tasks have reached the barrier. */
function meet(barrier: NonNullable<WarmupInput['barrier']>): void {
	const counter = new Int32Array(barrier.counter);
	Atomics.add(counter, 0, 1);
	Atomics.notify(counter, 0);
	const deadline = performance.now() + 10_000;
	for (let seen = Atomics.load(counter, 0); seen < barrier.threads; seen = Atomics.load(counter, 0)) {
		const left = deadline - performance.now();
		if (left <= 0) return;
		Atomics.wait(counter, 0, seen, left);
	}
}

/** Loading the models a worker thread serves, so the first member's demo does not wait for it. */
export const modelTasks = {
	'models.warmup': async (input: WarmupInput = {}): Promise<WarmupOutput> => {
		if (input.barrier) meet(input.barrier);
		if (input.encodings) adoptEncodings(input.encodings);
		if (input.modelWeights) adoptModelWeights(input.modelWeights);
		let encodings: SharedEncoding[] | undefined;
		const vectors = input.vectors;
		const parts = input.parts ?? ['tokenizers', 'transformer', ...(vectors ? (['vectors'] as const) : [])];
		const results: WarmupResult[] = [];
		for (const part of parts) {
			if (part === 'tokenizers')
				results.push(
					await timed(WORKER_MODELS.tokenizers, async () => {
						await Promise.all((['gpt2', 'gpt-4', 'gpt-4o'] as const).map((m) => loadModelEncoding(m)));
						encodings = await shareEncodings();
					}),
				);
			else if (part === 'transformer') results.push(await timed(WORKER_MODELS.transformer, () => loadTinyGpt()));
			else if (part === 'families')
				results.push(await timed('tokenizer families', () => Promise.all(FAMILIES.map((f) => loadFamily(f)))));
			else if (vectors)
				results.push(
					// One search builds this thread's kernel over the most frequent rows, as the first /similarity would.
					await timed('word vectors (this thread)', async () => {
						const view = vectorsFromShared(vectors);
						nearestToUnit(view, new Float64Array(view.dims).fill(1 / Math.sqrt(view.dims)), 1);
					}),
				);
		}
		return { threadId, results, ...(encodings ? { encodings } : {}) };
	},
};
