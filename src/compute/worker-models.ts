/**
 * The models every worker thread serves, by the names /about and /healthz show. Kept apart from the warm-up task
 * (tasks/models.ts) so that the gateway thread can name them without importing the models themselves (TensorFlow.js,
 * the tokenizers), which only the worker threads load.
 */
export const WORKER_MODELS = {
	tokenizers: 'OpenAI tokenizers (r50k_base, cl100k_base, o200k_base)',
	transformer: 'tiny-gpt transformer (ours)',
} as const;
