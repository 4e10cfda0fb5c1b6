import { applyFilters, logSoftmax, softmax } from '../models/sampling/index.js';
import { cosineSimilarity } from '../models/vector-math.js';
import type { Computation } from './computations.js';
import { MODEL_KINDS } from './model-kinds.js';
import { gelu, geluTanh, silu } from './special-functions.js';

import type { Family } from '../models/tokenizers/families.js';

export type TokenEncoding = 'gpt2' | 'gpt-4' | 'gpt-4o';

/**
 * The bot's models, injected so that the evaluator stays pure: quiz code passes the real tokenizers and word
 * vectors, tests pass small fakes.
 */
export interface ModelFunctions {
	/** Number of tokens `text` encodes to with `encoding` (no special tokens added). */
	countTokens(text: string, encoding: TokenEncoding): Promise<number>;
	/** Number of tokens `text` encodes to with a model family's tokenizer (no special tokens added). */
	countFamilyTokens(text: string, family: Family): Promise<number>;
	/** Cosine similarity of two lowercase English words in the bot's word vectors. */
	wordCosine(a: string, b: string): Promise<number>;
	/** Total log p of the best sequence of a beam search of `width` over `tokens` tokens after `prompt` (tiny-gpt). */
	beamScore(prompt: string, width: number, tokens: number): Promise<number>;
	/** Probability the unigram, bigram or trigram counted on tiny-gpt's training text gives `next` after `prompt`. */
	ngramProbability(prompt: string, next: string, model: 'unigram' | 'bigram' | 'trigram'): Promise<number>;
}

type ModelKind = (typeof MODEL_KINDS)[number];
export type ModelComputation = Extract<Computation, { kind: ModelKind }>;
export type PureComputation = Exclude<Computation, { kind: ModelKind }>;

/** True when the computation needs one of the bot's models to answer. */
export function needsModels(c: Computation): c is ModelComputation {
	return (MODEL_KINDS as readonly string[]).includes(c.kind);
}

/**
 * Works out the answer of a numeric question: pure kinds here, in float64; model-backed kinds through `models`.
 * Throws a RangeError when the inputs have no answer (a zero vector's cosine, ratings with no similar user).
 */
export async function evaluate(c: Computation, models: ModelFunctions): Promise<number> {
	if (!needsModels(c)) return evaluatePure(c);
	switch (c.kind) {
		case 'token-count':
			return models.countTokens(c.text, c.encoding);
		case 'token-count-difference':
			return (await models.countFamilyTokens(c.text, c.more)) - (await models.countFamilyTokens(c.text, c.fewer));
		case 'word-cosine':
			return models.wordCosine(c.a, c.b);
		case 'beam-score':
			return models.beamScore(c.prompt, c.width, c.tokens);
		case 'ngram-probability':
			return models.ngramProbability(c.prompt, c.next, c.model);
	}
}

/** Works out a computation that needs no model, synchronously. See {@link evaluate}. */
export function evaluatePure(c: PureComputation): number {
	switch (c.kind) {
		case 'softmax-probability':
			return at(applyFilters(c.logits, { temperature: c.temperature ?? 1 }).probs, c.index);
		case 'top-k-probability':
			return at(applyFilters(c.logits, { temperature: c.temperature ?? 1, topK: c.k }).probs, c.index);
		case 'top-p-set-size':
			return applyFilters(c.logits, { temperature: c.temperature ?? 1, topP: c.p }).kept.length;
		case 'min-p-set-size':
			return applyFilters(c.logits, { temperature: c.temperature ?? 1, minP: c.min_p }).kept.length;
		case 'entropy':
			return entropyBits(scale(c.logits, c.temperature ?? 1));
		case 'dot-product':
			return dot(c.a, c.b);
		case 'cosine':
			return cosine(c.a, c.b);
		case 'euclidean-distance':
			return Math.hypot(...c.a.map((x, i) => x - at(c.b, i)));
		case 'vector-norm':
			return Math.hypot(...c.v);
		case 'scaled-dot-product-attention-weight':
			return at(attentionWeights(c.q, c.keys, c.d_k), c.index);
		case 'attention-output': {
			const weights = attentionWeights(c.q, c.keys, c.d_k);
			return c.values.reduce((sum, value, j) => sum + at(weights, j) * at(value, c.component), 0);
		}
		case 'positional-encoding': {
			const angle = c.pos / 10000 ** ((2 * c.i) / c.d_model);
			return c.component === 'sin' ? Math.sin(angle) : Math.cos(angle);
		}
		case 'positional-wavelength':
			return 2 * Math.PI * 10000 ** ((2 * c.i) / c.d_model);
		case 'parameter-count':
			return parameterCount(c);
		case 'head-dimension':
			return c.d_model / c.heads;
		case 'attention-matrix-entries':
			return c.seq_len * c.seq_len * (c.heads ?? 1) * (c.layers ?? 1);
		case 'activation':
			return activation(c.fn, c.x);
		case 'layer-norm':
			return at(layerNorm(c.x, c.epsilon ?? 1e-5), c.index);
		case 'gradient-product':
			return c.factors.reduce((product, f) => product * (c.residual ? 1 + f : f), 1);
		case 'repeated-trials':
			// 1 − (1 − p)ⁿ without the cancellation that plain arithmetic suffers for small p.
			return c.p === 1 ? 1 : -Math.expm1(c.n * Math.log1p(-c.p));
		case 'predicted-rating':
			return predictedRating(c.similarities, c.ratings);
		case 'utf8-bytes':
			return new TextEncoder().encode(c.text).length;
	}
}

function at(values: ArrayLike<number>, i: number): number {
	const v = values[i];
	if (v === undefined) throw new RangeError(`index ${i} is out of range (length ${values.length})`);
	return v;
}

function scale(values: readonly number[], temperature: number): number[] {
	return values.map((v) => v / temperature);
}

function dot(a: readonly number[], b: readonly number[]): number {
	if (a.length !== b.length) throw new RangeError(`vectors differ in length: ${a.length} and ${b.length}`);
	let sum = 0;
	for (let i = 0; i < a.length; i++) sum += at(a, i) * at(b, i);
	return sum;
}

function cosine(a: readonly number[], b: readonly number[]): number {
	if (a.length !== b.length) throw new RangeError(`vectors differ in length: ${a.length} and ${b.length}`);
	// A quiz answer must not pass off "undefined" as 0.
	if (a.every((x) => x === 0) || b.every((x) => x === 0))
		throw new RangeError('cosine similarity is undefined for a zero vector');
	return cosineSimilarity(a, b);
}

/** Shannon entropy of softmax(logits) in bits, from log-probabilities so that tiny probabilities stay exact. */
function entropyBits(logits: readonly number[]): number {
	const logp = logSoftmax(logits);
	let h = 0;
	for (const lp of logp) if (lp > Number.NEGATIVE_INFINITY) h -= Math.exp(lp) * lp;
	return h / Math.LN2;
}

/** softmax(q·kⱼ / √d_k) over the keys; d_k defaults to the query's length. */
function attentionWeights(
	q: readonly number[],
	keys: readonly (readonly number[])[],
	dk: number | undefined,
): Float64Array {
	const scaleBy = Math.sqrt(dk ?? q.length);
	return softmax(keys.map((key) => dot(q, key) / scaleBy));
}

function parameterCount(c: Extract<Computation, { kind: 'parameter-count' }>): number {
	switch (c.layer) {
		case 'multi-head-attention':
			// W_Q, W_K, W_V and W_O are d_model × d_model whatever the head count: heads split the columns.
			return 4 * c.d_model * c.d_model + ((c.bias ?? true) ? 4 * c.d_model : 0);
		case 'ffn':
			return 2 * c.d_model * c.d_ff + ((c.bias ?? true) ? c.d_ff + c.d_model : 0);
		case 'embedding':
			return c.vocab * c.d_model;
		case 'layer-norm':
			return 2 * c.d_model;
	}
}

function activation(fn: 'relu' | 'gelu' | 'gelu-tanh' | 'silu', x: number): number {
	switch (fn) {
		case 'relu':
			return Math.max(0, x);
		case 'gelu':
			return gelu(x);
		case 'gelu-tanh':
			return geluTanh(x);
		case 'silu':
			return silu(x);
	}
}

/** Layer normalisation without gain and bias: (x − mean) / √(variance + ε), with the population variance. */
export function layerNorm(x: readonly number[], epsilon: number): number[] {
	const mean = x.reduce((s, v) => s + v, 0) / x.length;
	const variance = x.reduce((s, v) => s + (v - mean) ** 2, 0) / x.length;
	const denominator = Math.sqrt(variance + epsilon);
	if (denominator === 0) throw new RangeError('layer norm of a constant vector with ε = 0 is undefined');
	return x.map((v) => (v - mean) / denominator);
}

/** The neighbourhood estimate r̂ = Σ sⱼ rⱼ / Σ |sⱼ| used in user-based collaborative filtering. */
function predictedRating(similarities: readonly number[], ratings: readonly number[]): number {
	let numerator = 0;
	let denominator = 0;
	similarities.forEach((s, j) => {
		numerator += s * at(ratings, j);
		denominator += Math.abs(s);
	});
	if (denominator === 0) throw new RangeError('no similar user: every similarity is 0');
	return numerator / denominator;
}

/**
 * Whether a member's answer is right: within `tolerance` of the computed value. A hair of relative slack absorbs
 * float rounding, so an answer exactly at the tolerance's edge is not refused by the last bit.
 */
export function isWithinTolerance(expected: number, given: number, tolerance: number): boolean {
	if (!Number.isFinite(given)) return false;
	return Math.abs(given - expected) <= tolerance + 1e-12 * Math.max(1, Math.abs(expected));
}

/**
 * Reads a member's numeric answer: `0.42`, `.42`, `42%` (as 0.42), `1e-3`, `2,359,296`, `−0.5` (Unicode minus).
 * Returns undefined when the text is not a number.
 */
export function parseNumericAnswer(text: string): number | undefined {
	let s = text
		.trim()
		.replace(/[\u2212\u2012\u2013]/g, '-')
		.replace(/\s+/g, '');
	const percent = s.endsWith('%');
	if (percent) s = s.slice(0, -1);
	if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
	if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return undefined;
	const value = Number(s);
	return percent ? value / 100 : value;
}

/** Formats a computed answer for display with `precision` decimals and thousands separators. */
export function formatNumericAnswer(value: number, precision: number): string {
	return new Intl.NumberFormat('en-US', { minimumFractionDigits: precision, maximumFractionDigits: precision }).format(
		value,
	);
}
