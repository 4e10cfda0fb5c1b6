import type { ModelConfig } from './config.js';
import type { Weights } from './init.js';
import { layerNorm64 } from './layer-norm.js';

/*
 * The same transformer written as plain loops in float64, independent of TensorFlow.js: the yardstick the tests
 * hold the model to, and the reference the benchmark compares against. Slow on purpose (no tricks), clear to read.
 */

/** What the reference forward pass computes, row-major like the inference API. */
export interface ReferenceResult {
	/** Logits at every position [T·V]. */
	logits: Float64Array;
	/** attention[layer][head]: softmax weights [T·T]. */
	attention: Float64Array[][];
	/** Residual stream entering each block [T·d]. */
	residualPre: Float64Array[];
	attnOut: Float64Array[];
	ffnOut: Float64Array[];
	ffnHidden: Float64Array[];
	residualFinal: Float64Array;
}

/** Runs the model on `tokens` with float64 arithmetic from the float32 weights. */
export function referenceForward(config: ModelConfig, weights: Weights, tokens: readonly number[]): ReferenceResult {
	const { dModel: d, nHeads: heads, dFF, nLayers } = config;
	const n = tokens.length;
	if (n === 0 || n > config.contextLength) throw new RangeError(`reference: 1…${config.contextLength} tokens`);
	const w = (name: string): Float32Array => {
		const t = weights.get(name);
		if (!t) throw new Error(`reference: missing ${name}`);
		return t.data;
	};
	const wte = w('wte');
	const wpe = w('wpe');
	let x: Float64Array = new Float64Array(n * d);
	for (let t = 0; t < n; t++) {
		const id = tokens[t] as number;
		for (let j = 0; j < d; j++) x[t * d + j] = (wte[id * d + j] as number) + (wpe[t * d + j] as number);
	}
	const out: ReferenceResult = {
		logits: new Float64Array(),
		attention: [],
		residualPre: [],
		attnOut: [],
		ffnOut: [],
		ffnHidden: [],
		residualFinal: x,
	};
	const dh = d / heads;
	for (let l = 0; l < nLayers; l++) {
		const p = `h${l}.`;
		out.residualPre.push(x.slice());
		const h1 = layerNorm(x, n, d, w(`${p}ln1.g`), w(`${p}ln1.b`));
		const q = linear(h1, n, d, d, w(`${p}attn.wq`), w(`${p}attn.bq`));
		const k = linear(h1, n, d, d, w(`${p}attn.wk`), w(`${p}attn.bk`));
		const v = linear(h1, n, d, d, w(`${p}attn.wv`), w(`${p}attn.bv`));
		const context = new Float64Array(n * d);
		const layerAttention: Float64Array[] = [];
		for (let h = 0; h < heads; h++) {
			const a = new Float64Array(n * n);
			for (let i = 0; i < n; i++) {
				// Causal: query i sees keys 0..i only; the rest stay exactly 0.
				let max = Number.NEGATIVE_INFINITY;
				for (let j = 0; j <= i; j++) {
					let dot = 0;
					for (let c = 0; c < dh; c++) dot += (q[i * d + h * dh + c] as number) * (k[j * d + h * dh + c] as number);
					const s = dot / Math.sqrt(dh);
					a[i * n + j] = s;
					if (s > max) max = s;
				}
				let sum = 0;
				for (let j = 0; j <= i; j++) {
					const e = Math.exp((a[i * n + j] as number) - max);
					a[i * n + j] = e;
					sum += e;
				}
				for (let j = 0; j <= i; j++) a[i * n + j] = (a[i * n + j] as number) / sum;
				for (let c = 0; c < dh; c++) {
					let acc = 0;
					for (let j = 0; j <= i; j++) acc += (a[i * n + j] as number) * (v[j * d + h * dh + c] as number);
					context[i * d + h * dh + c] = acc;
				}
			}
			layerAttention.push(a);
		}
		out.attention.push(layerAttention);
		const attnOut = linear(context, n, d, d, w(`${p}attn.wo`), w(`${p}attn.bo`));
		const mid = add(x, attnOut);
		const h2 = layerNorm(mid, n, d, w(`${p}ln2.g`), w(`${p}ln2.b`));
		const hidden = linear(h2, n, d, dFF, w(`${p}mlp.w1`), w(`${p}mlp.b1`)).map(gelu);
		const ffnOut = linear(hidden, n, dFF, d, w(`${p}mlp.w2`), w(`${p}mlp.b2`));
		out.attnOut.push(attnOut);
		out.ffnHidden.push(hidden);
		out.ffnOut.push(ffnOut);
		x = add(mid, ffnOut);
	}
	out.residualFinal = x;
	out.logits = referenceHead(config, weights, x, n);
	return out;
}

/** Final LayerNorm and the tied head on a residual stream [n·d] → logits [n·V] (also the logit lens). */
export function referenceHead(config: ModelConfig, weights: Weights, x: Float64Array, n: number): Float64Array {
	const { dModel: d, vocabSize: vocab } = config;
	const wte = (weights.get('wte') as { data: Float32Array }).data;
	const normed = layerNorm(
		x,
		n,
		d,
		(weights.get('lnf.g') as { data: Float32Array }).data,
		(weights.get('lnf.b') as { data: Float32Array }).data,
	);
	const logits = new Float64Array(n * vocab);
	for (let t = 0; t < n; t++) {
		for (let id = 0; id < vocab; id++) {
			let acc = 0;
			for (let j = 0; j < d; j++) acc += (normed[t * d + j] as number) * (wte[id * d + j] as number);
			logits[t * vocab + id] = acc;
		}
	}
	return logits;
}

/** GELU, tanh approximation: 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))). */
export function gelu(x: number): number {
	return 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)));
}

function layerNorm(x: Float64Array, n: number, d: number, g: Float32Array, b: Float32Array): Float64Array {
	const out = new Float64Array(n * d);
	for (let t = 0; t < n; t++) out.set(layerNorm64(x.subarray(t * d, (t + 1) * d), g, b), t * d);
	return out;
}

/** x [n·inDim] · W [inDim·outDim] + b. */
function linear(
	x: Float64Array,
	n: number,
	inDim: number,
	outDim: number,
	w: Float32Array,
	b: Float32Array,
): Float64Array {
	const out = new Float64Array(n * outDim);
	for (let t = 0; t < n; t++) {
		for (let o = 0; o < outDim; o++) out[t * outDim + o] = b[o] as number;
		for (let i = 0; i < inDim; i++) {
			const xi = x[t * inDim + i] as number;
			const row = i * outDim;
			for (let o = 0; o < outDim; o++)
				out[t * outDim + o] = (out[t * outDim + o] as number) + xi * (w[row + o] as number);
		}
	}
	return out;
}

function add(a: Float64Array, b: Float64Array): Float64Array {
	const out = new Float64Array(a.length);
	for (let i = 0; i < a.length; i++) out[i] = (a[i] as number) + (b[i] as number);
	return out;
}
