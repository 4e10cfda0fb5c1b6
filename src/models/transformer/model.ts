import { tf } from './backend.js';
import type { ModelConfig } from './config.js';
import { embed, gelu, layerNorm, matMul, swapLast } from './ops.js';

/** Model parameters as tensors (variables while training), by the names of `parameterShapes`. */
export type Params = ReadonlyMap<string, tf.Tensor>;

/** Tensors recorded by a traced forward pass, one entry per layer. Shapes use B = batch, T = sequence length. */
export interface TraceTensors {
	/** Residual stream entering each block [B, T, d]. */
	residualPre: tf.Tensor[];
	/** Attention sub-block output (after the output projection), the amount added to the stream [B, T, d]. */
	attnOut: tf.Tensor[];
	/** Feed-forward sub-block output, the amount added to the stream [B, T, d]. */
	ffnOut: tf.Tensor[];
	/** Feed-forward hidden activations after GELU [B, T, dFF]. */
	ffnHidden: tf.Tensor[];
	/** Attention weights after softmax [B, H, T, T]; row = query position, column = key position. */
	attention: tf.Tensor[];
	/** Per-head queries, keys, values [B, H, T, d/H], before scaling. */
	q: tf.Tensor[];
	k: tf.Tensor[];
	v: tf.Tensor[];
	/** Residual stream after the last block, before the final LayerNorm [B, T, d]. */
	residualFinal: tf.Tensor;
}

function param(p: Params, name: string): tf.Tensor {
	const t = p.get(name);
	if (!t) throw new Error(`missing parameter ${name}`);
	return t;
}

/** The causal mask, added to the attention scores: 0 on and below the diagonal, −1e9 above (exp underflows to 0). */
export function causalMask(t: number): tf.Tensor2D {
	return tf.tidy(() => tf.mul<tf.Tensor2D>(tf.sub(1, tf.linalg.bandPart(tf.ones([t, t]), -1, 0)), -1e9));
}

/** Input token ids on the host, row-major [B, T]. */
export interface TokenBatch {
	ids: Int32Array;
	batch: number;
	length: number;
}

/**
 * The forward pass shared by training and inference: token + position embedding, `nLayers` pre-norm blocks
 * (x += Attn(LN1(x)); x += FFN(LN2(x))), final LayerNorm, and the head tied to the token embedding.
 *
 * @param input token ids [B, T] with T ≤ contextLength.
 * @param record what to keep besides the logits: nothing (training), the attention weights only, or the full trace.
 * @returns logits [B·T, V] (row b·T + t is position t of sequence b), and the trace when asked for (with
 *   `'attention'`, only its `attention` list is filled).
 */
export function forward(
	p: Params,
	config: ModelConfig,
	input: TokenBatch,
	record: 'none' | 'attention' | 'all' = 'none',
): { logits: tf.Tensor2D; trace?: TraceTensors } {
	const { batch, length: t } = input;
	if (t > config.contextLength) throw new Error(`sequence length ${t} exceeds context ${config.contextLength}`);
	const d = config.dModel;
	const heads = config.nHeads;
	const dh = d / heads;
	const wte = param(p, 'wte') as tf.Tensor2D;
	const positions = tf.slice(param(p, 'wpe'), [0, 0], [t, d]);
	let x = tf.reshape(tf.add(embed(wte, input.ids, [batch, t]), positions), [batch * t, d]);
	const mask = causalMask(t);
	const scale = 1 / Math.sqrt(dh);
	const trace: Omit<TraceTensors, 'residualFinal'> = {
		residualPre: [],
		attnOut: [],
		ffnOut: [],
		ffnHidden: [],
		attention: [],
		q: [],
		k: [],
		v: [],
	};

	for (let l = 0; l < config.nLayers; l++) {
		const pre = `h${l}.`;
		const h1 = layerNorm(x, param(p, `${pre}ln1.g`), param(p, `${pre}ln1.b`));
		// [B·T, d] → [B, T, H, dh] → queries and values [B, H, T, dh], keys straight to [B, H, dh, T].
		const project = (w: string): tf.Tensor =>
			tf.reshape(tf.add(matMul(h1, param(p, `${pre}attn.w${w}`)), param(p, `${pre}attn.b${w}`)), [batch, t, heads, dh]);
		const q = tf.transpose(project('q'), [0, 2, 1, 3]);
		const kT = tf.transpose(project('k'), [0, 2, 3, 1]);
		const v = tf.transpose(project('v'), [0, 2, 1, 3]);
		// Scaling q (T·dh values) instead of the scores (T·T values) is the same product, cheaper.
		const scores = tf.add(matMul(tf.mul(q, scale), kT), mask);
		const weights = tf.softmax(scores);
		const context = tf.reshape(tf.transpose(matMul(weights, v), [0, 2, 1, 3]), [batch * t, d]);
		const attnOut = tf.add(matMul(context, param(p, `${pre}attn.wo`)), param(p, `${pre}attn.bo`));
		const mid = tf.add(x, attnOut);
		const h2 = layerNorm(mid, param(p, `${pre}ln2.g`), param(p, `${pre}ln2.b`));
		const hidden = gelu(tf.add(matMul(h2, param(p, `${pre}mlp.w1`)), param(p, `${pre}mlp.b1`)));
		const ffnOut = tf.add(matMul(hidden, param(p, `${pre}mlp.w2`)), param(p, `${pre}mlp.b2`));
		if (record !== 'none') trace.attention.push(weights);
		if (record === 'all') {
			trace.residualPre.push(tf.reshape(x, [batch, t, d]));
			trace.attnOut.push(tf.reshape(attnOut, [batch, t, d]));
			trace.ffnOut.push(tf.reshape(ffnOut, [batch, t, d]));
			trace.ffnHidden.push(tf.reshape(hidden, [batch, t, config.dFF]));
			trace.q.push(q);
			trace.k.push(swapLast(kT));
			trace.v.push(v);
		}
		x = tf.add(mid, ffnOut);
	}
	const logits = headLogits(p, x);
	if (record === 'none') return { logits };
	return { logits, trace: { ...trace, residualFinal: tf.reshape(x, [batch, t, d]) } };
}

/** Final LayerNorm and the tied output head: LN_f(x) · wteᵀ. Also the "logit lens" on any residual [N, d]. */
export function headLogits(p: Params, x: tf.Tensor): tf.Tensor2D {
	const normed = layerNorm(x, param(p, 'lnf.g'), param(p, 'lnf.b'));
	return matMul(normed, tf.transpose(param(p, 'wte'))) as tf.Tensor2D;
}
