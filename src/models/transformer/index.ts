/** The public API of our tiny transformer, for commands and charts. */
export { DEFAULT_MODEL, TinyGpt, type GeneratedToken, type TraceOptions } from './inference.js';
export { createTinyGpt, loadTinyGpt } from './load.js';
export type { AttentionSteps, ForwardResult, ForwardTrace, TopToken, TracedForwardResult } from './inference-types.js';
export { parameterCount, type ModelConfig } from './config.js';
export { referenceForward, referenceHead, type ReferenceResult } from './reference.js';
export { END_OF_TEXT } from './tokenizer.js';
