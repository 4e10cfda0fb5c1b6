import { createRng } from '../sampling/prng.js';
import { sampleFromLogits, type SampledToken } from '../sampling/sample.js';
import type { SamplingOptions } from '../sampling/filters.js';
import type { BytePairEncoding } from '../tokenizers/bpe.js';
import { tf } from './backend.js';
import type { ModelConfig } from './config.js';
import { evaluate } from './evaluate.js';
import type { Weights } from './init.js';
import type { AttentionSteps, ForwardResult, TopToken, TracedForwardResult } from './inference-types.js';
import { decoderWeights, KvCache, type DecoderWeights } from './kv-cache.js';
import { forward, headLogits, type Params } from './model.js';
import { layerNorm, matMul, swapLast } from './ops.js';

export type { AttentionSteps, ForwardResult, ForwardTrace, TopToken, TracedForwardResult } from './inference-types.js';

export { DEFAULT_MODEL } from './shared-weights.js';

/** Options of {@link TinyGpt.trace}. */
export interface TraceOptions {
	/** Tokens listed per position and depth in the logit lens. Default 5. */
	lensTopK?: number;
}

/** One generated token and the distribution it was drawn from (for /sample's charts). */
export interface GeneratedToken extends SampledToken {
	text: string;
}

/**
 * Our trained transformer, ready for inference. Every method runs inside `tf.tidy` and returns plain typed
 * arrays; none keeps per-call state (only the last prompt's prefilled cache, which is forked, never changed), so one
 * instance can serve many commands (and each worker thread loads its own).
 */
export class TinyGpt {
	private readonly params: Params;
	private readonly decoder: DecoderWeights;
	private lastPrefill: { key: string; kv: KvCache; logits: Float32Array } | undefined;

	constructor(
		readonly name: string,
		readonly config: ModelConfig,
		weights: Weights,
		/** Our BPE; absent for random test models. */
		readonly tokenizer?: BytePairEncoding,
	) {
		this.params = new Map([...weights].map(([key, w]) => [key, tf.tensor(w.data, w.shape)]));
		this.decoder = decoderWeights(config, weights);
	}

	/** An empty key/value cache for incremental decoding ({@link KvCache.extend} with the prompt, then `step`). */
	kvCache(): KvCache {
		return new KvCache(this.decoder);
	}

	/**
	 * A cache holding `tokens` (one full forward pass, which computes every position at once faster than the cache
	 * would one by one) and the logits after them. The last prompt's is kept and forked, since /sample generates
	 * several continuations of the same prompt.
	 */
	prefill(tokens: readonly number[]): { kv: KvCache; logits: Float32Array } {
		this.check(tokens);
		const key = tokens.join(',');
		if (this.lastPrefill?.key !== key) {
			const { vocabSize: vocab } = this.config;
			this.lastPrefill = tidy(() => {
				const { logits, trace } = forward(this.params, this.config, this.batchOf(tokens), 'all');
				const kv = this.kvCache();
				const read = (x: tf.Tensor): Float32Array => x.dataSync() as Float32Array;
				kv.fill(trace!.k.map(read), trace!.v.map(read), tokens.length);
				const last = tf.slice(logits, [tokens.length - 1, 0], [1, vocab]).dataSync() as Float32Array;
				return { key, kv, logits: last };
			});
		}
		return { kv: this.lastPrefill.kv.fork(), logits: this.lastPrefill.logits.slice() };
	}

	/** Next-token logits after `tokens` [V] by a full forward pass (no cache, no attention read back). */
	nextLogits(tokens: readonly number[]): Float32Array {
		this.check(tokens);
		const { vocabSize: vocab } = this.config;
		return tidy(() => {
			const { logits } = forward(this.params, this.config, this.batchOf(tokens), 'none');
			return tf.slice(logits, [tokens.length - 1, 0], [1, vocab]).dataSync() as Float32Array;
		});
	}

	/** Logits and attention weights for `tokens` (1 ≤ length ≤ contextLength). */
	run(tokens: readonly number[]): ForwardResult {
		return this.forwardInternal(tokens, undefined);
	}

	/** {@link run} plus the residual stream, each block's contribution, FFN activations and the logit lens. */
	trace(tokens: readonly number[], options: TraceOptions = {}): TracedForwardResult {
		return this.forwardInternal(tokens, options.lensTopK ?? 5) as TracedForwardResult;
	}

	/** FFN hidden activations after GELU, per layer [T·dFF] (the part of {@link trace} that neuron views need). */
	ffnActivations(tokens: readonly number[]): Float32Array[] {
		this.check(tokens);
		return tidy(() =>
			forward(this.params, this.config, this.batchOf(tokens), 'all').trace!.ffnHidden.map(
				(h) => h.dataSync() as Float32Array,
			),
		);
	}

	/**
	 * Mean next-token cross-entropy (nats/token) over windows of token ids: each window's tokens 1… are predicted
	 * from the ones before them (a window holds at most contextLength + 1 ids).
	 */
	crossEntropy(windows: readonly Int32Array[]): { totalNats: number; tokens: number; natsPerToken: number } {
		return evaluate(this.params, this.config, windows);
	}

	/** The learnt position embeddings [contextLength · dModel], row t = position t. */
	positionEmbeddings(): Float32Array {
		return (this.params.get('wpe') as tf.Tensor).dataSync().slice() as Float32Array;
	}

	/** Layer `layer`'s attention step by step (Q, K, V per head, Q·Kᵀ, scaling, mask, softmax, ·V). */
	attentionSteps(tokens: readonly number[], layer: number): AttentionSteps {
		this.check(tokens);
		if (!Number.isInteger(layer) || layer < 0 || layer >= this.config.nLayers)
			throw new RangeError(`layer must be 0…${this.config.nLayers - 1}`);
		const heads = this.config.nHeads;
		const dh = this.config.dModel / heads;
		return tidy(() => {
			const { trace } = forward(this.params, this.config, this.batchOf(tokens), 'all');
			const t = trace!;
			const p = (n: string): tf.Tensor => this.params.get(`h${layer}.${n}`) as tf.Tensor;
			const input = layerNorm(t.residualPre[layer]!, p('ln1.g'), p('ln1.b'));
			const perHead = (x: tf.Tensor): Float32Array[] =>
				tf.unstack(tf.squeeze(x, [0])).map((h) => h.dataSync() as Float32Array);
			const q = t.q[layer]!;
			const k = t.k[layer]!;
			const v = t.v[layer]!;
			const scores = matMul(q, swapLast(k));
			const scaled = tf.mul(scores, 1 / Math.sqrt(dh));
			const weights = t.attention[layer]!;
			const masked = perHead(scaled).map((rows) => maskFuture(rows, tokens.length));
			return {
				layer,
				headDim: dh,
				input: input.dataSync() as Float32Array,
				q: perHead(q),
				k: perHead(k),
				v: perHead(v),
				scores: perHead(scores),
				scaled: perHead(scaled),
				masked,
				weights: perHead(weights),
				output: perHead(matMul(weights, v)),
			};
		});
	}

	/**
	 * Generates `maxTokens` tokens after `prompt` with our sampler and a seeded generator, so the same prompt,
	 * options and seed give the same text everywhere. When the sequence outgrows the context, the oldest tokens
	 * are dropped (the model sees the last contextLength tokens).
	 *
	 * With `cache` (the default) each step computes only the new position from the keys and values kept so far; once
	 * the window slides every position moves, so those steps are full forward passes (as without the cache).
	 */
	generate(
		prompt: readonly number[],
		maxTokens: number,
		options: SamplingOptions,
		seed: number,
		{ cache = true }: { cache?: boolean } = {},
	): GeneratedToken[] {
		const rng = createRng(seed);
		const tokens = [...prompt];
		const out: GeneratedToken[] = [];
		const context = this.config.contextLength;
		let kv: KvCache | undefined;
		for (let i = 0; i < maxTokens; i++) {
			const window = tokens.slice(-context);
			let logits: Float32Array;
			if (!cache || tokens.length > context) {
				logits = this.nextLogits(window);
			} else if (kv) {
				logits = kv.step(tokens[tokens.length - 1] as number);
			} else {
				({ kv, logits } = this.prefill(window));
			}
			const drawn = sampleFromLogits(logits, options, rng);
			tokens.push(drawn.token);
			// In place, not spread: a spread would sort the vocabulary for lists nobody reads (see sampling/filters.ts).
			out.push(
				Object.assign(drawn, { text: this.tokenizer ? this.tokenizer.decode([drawn.token]) : String(drawn.token) }),
			);
		}
		return out;
	}

	/** Frees the weight tensors. */
	dispose(): void {
		for (const t of this.params.values()) t.dispose();
	}

	private forwardInternal(
		tokens: readonly number[],
		lensTopK: number | undefined,
	): ForwardResult | TracedForwardResult {
		this.check(tokens);
		const withTrace = lensTopK !== undefined;
		const { vocabSize: vocab, nLayers } = this.config;
		const n = tokens.length;
		return tidy(() => {
			const { logits, trace: recorded } = forward(
				this.params,
				this.config,
				this.batchOf(tokens),
				withTrace ? 'all' : 'attention',
			);
			const all = logits.dataSync() as Float32Array;
			const result: ForwardResult = {
				tokens: [...tokens],
				logits: all,
				nextLogits: all.slice((n - 1) * vocab, n * vocab),
				attention: [] as Float32Array[][],
			};
			result.attention = recorded!.attention.map((w) =>
				tf.unstack(tf.squeeze(w, [0])).map((h) => h.dataSync() as Float32Array),
			);
			if (!withTrace) return result;
			const trace = recorded!;
			const read = (x: tf.Tensor): Float32Array => x.dataSync() as Float32Array;
			const rowNorms = (x: tf.Tensor): Float32Array =>
				tf.sqrt(tf.sum(tf.square(tf.squeeze(x, [0])), -1)).dataSync() as Float32Array;
			const depths = [...trace.residualPre, trace.residualFinal];
			const logitLens = depths.map((x, depth) => {
				const lensLogits = depth === nLayers ? logits : headLogits(this.params, tf.squeeze(x, [0]));
				return this.topTokens(lensLogits, lensTopK);
			});
			return {
				...result,
				trace: {
					residualPre: trace.residualPre.map(read),
					attnOut: trace.attnOut.map(read),
					ffnOut: trace.ffnOut.map(read),
					residualFinal: read(trace.residualFinal),
					ffnHidden: trace.ffnHidden.map(read),
					norms: {
						residualPre: trace.residualPre.map(rowNorms),
						attnOut: trace.attnOut.map(rowNorms),
						ffnOut: trace.ffnOut.map(rowNorms),
						residualFinal: rowNorms(trace.residualFinal),
					},
					logitLens,
				},
			};
		});
	}

	private topTokens(logits: tf.Tensor2D, k: number): TopToken[][] {
		const [rows, vocab] = logits.shape;
		const { values, indices } = tf.topk(logits, Math.min(k, vocab));
		// p = exp(logit − logsumexp(row)): the top tokens' probabilities without reading the whole softmax back.
		const lse = tf.logSumExp(logits, 1).dataSync();
		const ids = indices.dataSync();
		const vals = values.dataSync();
		const kk = Math.min(k, vocab);
		return Array.from({ length: rows }, (_, t) =>
			Array.from({ length: kk }, (_, j) => {
				const id = ids[t * kk + j] as number;
				const logit = vals[t * kk + j] as number;
				return {
					id,
					text: this.tokenizer ? this.tokenizer.decode([id]) : String(id),
					logit,
					prob: Math.exp(logit - (lse[t] as number)),
				};
			}),
		);
	}

	private batchOf(tokens: readonly number[]): { ids: Int32Array; batch: number; length: number } {
		return { ids: Int32Array.from(tokens), batch: 1, length: tokens.length };
	}

	private check(tokens: readonly number[]): void {
		if (tokens.length === 0 || tokens.length > this.config.contextLength) {
			throw new RangeError(`input must have 1…${this.config.contextLength} tokens, got ${tokens.length}`);
		}
		for (const id of tokens) {
			if (!Number.isInteger(id) || id < 0 || id >= this.config.vocabSize)
				throw new RangeError(`token id ${id} is outside the vocabulary`);
		}
	}
}

/**
 * tf.tidy for a result of plain typed arrays. Returning it from the tidy callback would make TensorFlow.js walk
 * every element of every array looking for tensors; assigning it to an outer variable skips that walk.
 */
function tidy<T>(fn: () => T): T {
	let out: T | undefined;
	tf.tidy(() => {
		out = fn();
	});
	return out as T;
}

function maskFuture(scaled: Float32Array, n: number): Float32Array {
	const out = scaled.slice();
	for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) out[i * n + j] = Number.NEGATIVE_INFINITY;
	return out;
}
