import { threadId } from 'node:worker_threads';
import { loadModelEncoding } from '../../models/tokenizers/index.js';
import { loadTinyGpt } from '../../models/transformer/index.js';

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

/** Names as /about and /healthz show them. */
export const WORKER_MODELS = {
	tokenizers: 'OpenAI tokenizers (r50k_base, cl100k_base, o200k_base)',
	transformer: 'tiny-gpt transformer (ours)',
} as const;

/** Loading the models a worker thread serves, so the first member's demo does not wait for it. */
export const modelTasks = {
	'models.warmup': async (): Promise<{ threadId: number; results: WarmupResult[] }> => ({
		threadId,
		results: [
			await timed(WORKER_MODELS.tokenizers, () =>
				Promise.all((['gpt2', 'gpt-4', 'gpt-4o'] as const).map((m) => loadModelEncoding(m))),
			),
			await timed(WORKER_MODELS.transformer, () => loadTinyGpt()),
		],
	}),
};
