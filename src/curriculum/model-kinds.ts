/**
 * Kinds whose answer needs one of the bot's models (injected into the evaluator). In a file of its own, without
 * zod, so that the evaluator (compute.ts), which the worker threads run for quiz answers, does not load the
 * curriculum's schemas: zod costs every thread about 7 MiB. computations.ts checks the names against its schema.
 */
export const MODEL_KINDS = [
	'token-count',
	'token-count-difference',
	'word-cosine',
	'beam-score',
	'ngram-probability',
] as const;
