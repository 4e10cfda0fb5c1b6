import type { ModelConfig } from './config.js';
import type { Weights } from './init.js';
import { affine, tiedHead } from './decode-kernels.js';
import { layerNorm64 } from './layer-norm.js';

/*
 * Incremental decoding: each layer's keys and values are kept, so a new token costs one position's worth of work
 * (a few hundred thousand multiply-adds for the shipped model) instead of a forward pass over the whole context.
 * One position is a handful of vector–matrix products: plain loops over the float32 weights with float64
 * accumulation beat TensorFlow.js here, whose per-kernel overhead dominates when every tensor is a single row.
 */

interface LayerWeights {
	ln1g: Float32Array;
	ln1b: Float32Array;
	wq: Float32Array;
	bq: Float32Array;
	wk: Float32Array;
	bk: Float32Array;
	wv: Float32Array;
	bv: Float32Array;
	wo: Float32Array;
	bo: Float32Array;
	ln2g: Float32Array;
	ln2b: Float32Array;
	w1: Float32Array;
	b1: Float32Array;
	w2: Float32Array;
	b2: Float32Array;
}

/** The weights a decoder reads, looked up once by name. */
export interface DecoderWeights {
	config: ModelConfig;
	wte: Float32Array;
	wpe: Float32Array;
	layers: LayerWeights[];
	lnfG: Float32Array;
	lnfB: Float32Array;
}

/** Picks the arrays a decoder needs out of `weights` (no copy). */
export function decoderWeights(config: ModelConfig, weights: Weights): DecoderWeights {
	const w = (name: string): Float32Array => {
		const t = weights.get(name);
		if (!t) throw new Error(`missing parameter ${name}`);
		return t.data;
	};
	return {
		config,
		wte: w('wte'),
		wpe: w('wpe'),
		lnfG: w('lnf.g'),
		lnfB: w('lnf.b'),
		layers: Array.from({ length: config.nLayers }, (_, l) => {
			const p = (n: string): Float32Array => w(`h${l}.${n}`);
			return {
				ln1g: p('ln1.g'),
				ln1b: p('ln1.b'),
				wq: p('attn.wq'),
				bq: p('attn.bq'),
				wk: p('attn.wk'),
				bk: p('attn.bk'),
				wv: p('attn.wv'),
				bv: p('attn.bv'),
				wo: p('attn.wo'),
				bo: p('attn.bo'),
				ln2g: p('ln2.g'),
				ln2b: p('ln2.b'),
				w1: p('mlp.w1'),
				b1: p('mlp.b1'),
				w2: p('mlp.w2'),
				b2: p('mlp.b2'),
			};
		}),
	};
}

const GELU_C = Math.sqrt(2 / Math.PI);

/**
 * One sequence's keys and values, layer by layer, and the arithmetic to extend it by one token. `length` positions
 * are cached; {@link step} appends the next one and returns the next-token logits. Positions are absolute, so a
 * sequence longer than the context cannot slide inside one cache: the caller starts a new one (see TinyGpt.generate).
 */
export class KvCache {
	/** keys[layer], values[layer]: [contextLength · d], row t = position t, head h in columns h·dh … (h+1)·dh − 1. */
	private readonly keys: Float64Array[];
	private readonly values: Float64Array[];
	private used = 0;
	// Scratch rows, reused by every step.
	private readonly x: Float64Array;
	private readonly h: Float64Array;
	private readonly q: Float64Array;
	private readonly ctx: Float64Array;
	private readonly tmp: Float64Array;
	private readonly hidden: Float64Array;
	private readonly scores: Float64Array;

	constructor(private readonly w: DecoderWeights) {
		const { contextLength: t, dModel: d, nLayers, dFF } = w.config;
		this.keys = Array.from({ length: nLayers }, () => new Float64Array(t * d));
		this.values = Array.from({ length: nLayers }, () => new Float64Array(t * d));
		this.x = new Float64Array(d);
		this.h = new Float64Array(d);
		this.q = new Float64Array(d);
		this.ctx = new Float64Array(d);
		this.tmp = new Float64Array(d);
		this.hidden = new Float64Array(dFF);
		this.scores = new Float64Array(t);
	}

	/** Positions cached so far. */
	get length(): number {
		return this.used;
	}

	/** A copy that can be extended independently (e.g. one per beam). */
	fork(): KvCache {
		const copy = new KvCache(this.w);
		const n = this.used * this.w.config.dModel;
		for (let l = 0; l < this.keys.length; l++) {
			copy.keys[l]!.set(this.keys[l]!.subarray(0, n));
			copy.values[l]!.set(this.values[l]!.subarray(0, n));
		}
		copy.used = this.used;
		return copy;
	}

	/**
	 * Fills an empty cache from a full forward pass over `length` tokens: per layer, keys and values as the model
	 * computed them, [H, length, dh] row-major (TensorFlow.js's layout).
	 */
	fill(keys: readonly Float32Array[], values: readonly Float32Array[], length: number): void {
		const { dModel: d, nHeads, contextLength } = this.w.config;
		if (this.used !== 0) throw new Error('fill: the cache is not empty');
		if (length < 1 || length > contextLength) throw new RangeError(`fill: 1…${contextLength} positions`);
		const dh = d / nHeads;
		const copy = (from: Float32Array, to: Float64Array): void => {
			for (let head = 0; head < nHeads; head++)
				for (let t = 0; t < length; t++)
					for (let i = 0; i < dh; i++) to[t * d + head * dh + i] = from[(head * length + t) * dh + i] as number;
		};
		for (let l = 0; l < this.keys.length; l++) {
			copy(keys[l]!, this.keys[l]!);
			copy(values[l]!, this.values[l]!);
		}
		this.used = length;
	}

	/**
	 * Feeds `tokens` in order and returns the logits after the last one [V] (float32, like the uncached model).
	 * Only the last token goes through the output head.
	 */
	extend(tokens: readonly number[]): Float32Array {
		if (tokens.length === 0) throw new RangeError('extend: no tokens');
		for (const token of tokens) this.advance(token);
		return this.head();
	}

	/** Appends one token and returns the next-token logits [V]. */
	step(token: number): Float32Array {
		return this.extend([token]);
	}

	/** Runs the blocks for one new position, leaving the final residual in `x`. */
	private advance(token: number): void {
		const { contextLength, dModel: d, nHeads, vocabSize } = this.w.config;
		if (this.used >= contextLength) throw new RangeError(`the cache holds at most ${contextLength} positions`);
		if (!Number.isInteger(token) || token < 0 || token >= vocabSize)
			throw new RangeError(`token id ${token} is outside the vocabulary`);
		const pos = this.used;
		const { x, h, q, ctx, tmp, hidden, scores } = this;
		const { wte, wpe } = this.w;
		for (let j = 0; j < d; j++) x[j] = (wte[token * d + j] as number) + (wpe[pos * d + j] as number);
		const dh = d / nHeads;
		const scale = 1 / Math.sqrt(dh);
		const n = pos + 1;
		for (let l = 0; l < this.w.layers.length; l++) {
			const lw = this.w.layers[l]!;
			const keys = this.keys[l]!;
			const values = this.values[l]!;
			layerNorm64(x, lw.ln1g, lw.ln1b, h);
			affine(h, lw.wq, lw.bq, q);
			affine(h, lw.wk, lw.bk, tmp);
			keys.set(tmp, pos * d);
			affine(h, lw.wv, lw.bv, tmp);
			values.set(tmp, pos * d);
			for (let head = 0; head < nHeads; head++) {
				const off = head * dh;
				let max = Number.NEGATIVE_INFINITY;
				for (let t = 0; t < n; t++) {
					let s = 0;
					const row = t * d + off;
					for (let i = 0; i < dh; i++) s += (q[off + i] as number) * (keys[row + i] as number);
					s *= scale;
					scores[t] = s;
					if (s > max) max = s;
				}
				let sum = 0;
				for (let t = 0; t < n; t++) {
					const e = Math.exp((scores[t] as number) - max);
					scores[t] = e;
					sum += e;
				}
				for (let i = 0; i < dh; i++) ctx[off + i] = 0;
				for (let t = 0; t < n; t++) {
					const p = (scores[t] as number) / sum;
					const row = t * d + off;
					for (let i = 0; i < dh; i++) ctx[off + i] = (ctx[off + i] as number) + p * (values[row + i] as number);
				}
			}
			affine(ctx, lw.wo, lw.bo, tmp);
			for (let j = 0; j < d; j++) x[j] = (x[j] as number) + (tmp[j] as number);
			layerNorm64(x, lw.ln2g, lw.ln2b, h);
			affine(h, lw.w1, lw.b1, hidden);
			for (let j = 0; j < hidden.length; j++) {
				const v = hidden[j] as number;
				hidden[j] = 0.5 * v * (1 + Math.tanh(GELU_C * (v + 0.044715 * v * v * v)));
			}
			affine(hidden, lw.w2, lw.b2, tmp);
			for (let j = 0; j < d; j++) x[j] = (x[j] as number) + (tmp[j] as number);
		}
		this.used++;
	}

	/** Final LayerNorm and the tied head on the last position: logits[v] = LN_f(x) · wte[v]. */
	private head(): Float32Array {
		const { vocabSize } = this.w.config;
		const { wte } = this.w;
		layerNorm64(this.x, this.w.lnfG, this.w.lnfB, this.h);
		return tiedHead(this.h, wte, vocabSize);
	}
}
