/** The public API of our tiny transformer, for commands and charts. */
export {
	createTinyGpt,
	DEFAULT_MODEL,
	loadTinyGpt,
	TinyGpt,
	type GeneratedToken,
	type TraceOptions,
} from './inference.js';
export type { AttentionSteps, ForwardResult, ForwardTrace, TopToken, TracedForwardResult } from './inference-types.js';
export { parameterCount, type ModelConfig } from './config.js';
export { referenceForward, referenceHead, type ReferenceResult } from './reference.js';
export { END_OF_TEXT } from './tokenizer.js';
