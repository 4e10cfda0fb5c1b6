import { tf } from './backend.js';
import { LAYER_NORM_EPS } from './layer-norm.js';

/*
 * Differentiable building blocks with hand-written gradients. On the wasm backend a matMul with a transpose flag
 * is several times slower than an explicit `tf.transpose` followed by a plain matMul, and `tf.gather`'s gradient
 * needs `UnsortedSegmentSum`, which the backend lacks; so the gradients below use explicit transposes and a
 * one-hot matMul. Each custom-gradient function is built once, at module load.
 */

type Grad = (dy: tf.Tensor, saved: tf.Tensor[]) => tf.Tensor | tf.Tensor[];
type Custom = (...args: (tf.Tensor | ((tensors: tf.Tensor[]) => void))[]) => { value: tf.Tensor; gradFunc: Grad };
const customGrad = (f: Custom): ((...inputs: tf.Tensor[]) => tf.Tensor) => tf.customGrad(f);

/** Swaps the last two axes (a matrix transpose that works for batched tensors too). */
export function swapLast(x: tf.Tensor): tf.Tensor {
	const perm = x.shape.map((_, i) => i);
	const r = perm.length;
	perm[r - 1] = r - 2;
	perm[r - 2] = r - 1;
	return tf.transpose(x, perm);
}

const matMulFn = customGrad((a, b, save) => {
	const [ta, tb] = [a as tf.Tensor, b as tf.Tensor];
	(save as (t: tf.Tensor[]) => void)([ta, tb]);
	return {
		value: tf.matMul(ta, tb),
		gradFunc: (dy, [sa, sb]) => [tf.matMul(dy, swapLast(sb!)), tf.matMul(swapLast(sa!), dy)],
	};
});

/** a · b (rank 2, or batched with equal leading axes), with a transpose-free gradient. */
export function matMul(a: tf.Tensor, b: tf.Tensor): tf.Tensor {
	return matMulFn(a, b);
}

const GELU_C = Math.sqrt(2 / Math.PI);
const GELU_A = 0.044715;

/*
 * GELU's tanh approximation 0.5·x·(1 + tanh(u)) equals x·σ(2u) exactly (since 1 + tanh(u) = 2σ(2u)); the wasm
 * backend's sigmoid is vectorised while its tanh is not, so this form is several times faster. The sigmoid is
 * saved for the gradient: d/dx x·s = s + x·s·(1 − s)·2c·(1 + 3a·x²).
 */
const geluFn = customGrad((x, save) => {
	const tx = x as tf.Tensor;
	const x2 = tf.mul(tx, tx);
	const s = tf.sigmoid(tf.mul(tf.mul(tx, tf.add(tf.mul(x2, GELU_A), 1)), 2 * GELU_C));
	(save as (t: tf.Tensor[]) => void)([tx, s]);
	return {
		value: tf.mul(tx, s),
		gradFunc: (dy, [sx, ss]) => {
			const xs = sx!;
			const sig = ss!;
			const slope = tf.mul(tf.add(tf.mul(tf.mul(xs, xs), 3 * GELU_A), 1), 2 * GELU_C);
			const ds = tf.mul(tf.mul(tf.mul(xs, sig), tf.sub(1, sig)), slope);
			return tf.mul(dy, tf.add(sig, ds));
		},
	};
});

/** GELU, tanh approximation (as GPT-2): 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))). */
export function gelu(x: tf.Tensor): tf.Tensor {
	return geluFn(x);
}

/**
 * Embedding lookup `table[ids]`: a gather forward; the backward pass scatter-adds the rows of dy on the host
 * (a few hundred thousand floats), which is far cheaper on wasm than a one-hot matMul over the vocabulary.
 * @param ids token ids [B, T] on the host; the result has shape [B, T, dim].
 */
export function embed(table: tf.Tensor2D, ids: Int32Array, shape: [number, number]): tf.Tensor3D {
	const [rows, dim] = table.shape;
	const fn = customGrad((t) => ({
		value: tf.gather(t as tf.Tensor, tf.tensor1d(ids, 'int32')),
		gradFunc: (dy) => {
			const g = dy.dataSync();
			const out = new Float32Array(rows * dim);
			for (let i = 0; i < ids.length; i++) {
				const row = (ids[i] as number) * dim;
				const src = i * dim;
				for (let j = 0; j < dim; j++) out[row + j] = (out[row + j] as number) + (g[src + j] as number);
			}
			return tf.tensor2d(out, [rows, dim]);
		},
	}));
	return tf.reshape(fn(table), [...shape, dim]);
}

export { LAYER_NORM_EPS };

const layerNormFn = customGrad((x, g, b, save) => {
	const [tx, tg, tb] = [x as tf.Tensor, g as tf.Tensor, b as tf.Tensor];
	const centred = tf.sub(tx, tf.mean(tx, -1, true));
	const rstd = tf.rsqrt(tf.add(tf.mean(tf.mul(centred, centred), -1, true), LAYER_NORM_EPS));
	const xhat = tf.mul(centred, rstd);
	(save as (t: tf.Tensor[]) => void)([xhat, rstd, tg]);
	return {
		value: tf.add(tf.mul(xhat, tg), tb),
		// dx = rstd·(dx̂ − mean(dx̂) − x̂·mean(dx̂·x̂)) with dx̂ = dy·g; fewer kernels than differentiating tf.moments.
		gradFunc: (dy, [sxhat, srstd, sg]) => {
			const dxhat = tf.mul(dy, sg!);
			const inner = tf.sub(
				tf.sub(dxhat, tf.mean(dxhat, -1, true)),
				tf.mul(sxhat!, tf.mean(tf.mul(dxhat, sxhat!), -1, true)),
			);
			const rows = dy.shape.slice(0, -1).map((_, i) => i);
			return [tf.mul(inner, srstd!), tf.sum(tf.mul(dy, sxhat!), rows), tf.sum(dy, rows)];
		},
	};
});

/** Layer normalisation over the last axis: (x − mean)/√(var + eps)·g + b, with eps = 1e-5 (as GPT-2). */
export function layerNorm(x: tf.Tensor, g: tf.Tensor, b: tf.Tensor): tf.Tensor {
	return layerNormFn(x, g, b);
}

/**
 * Mean cross-entropy (nats/token) of `logits` [N, V] against the host labels, with the analytic gradient
 * (softmax − onehot)/N. The probabilities are computed once (the wasm softmax kernel is fast) and saved.
 * The picked probability is floored at 1e-30 so that a float32 underflow cannot turn the loss into Infinity.
 */
export function crossEntropy(logits: tf.Tensor2D, labels: Int32Array): tf.Scalar {
	const [n, vocab] = logits.shape;
	const fn = customGrad((l, save) => {
		const probs = tf.softmax(l as tf.Tensor2D);
		(save as (t: tf.Tensor[]) => void)([probs]);
		const oneHot = tf.cast(tf.oneHot(tf.tensor1d(labels, 'int32'), vocab), 'float32');
		const picked = tf.maximum(tf.sum(tf.mul(probs, oneHot), 1), 1e-30);
		return {
			value: tf.neg(tf.mean(tf.log(picked))),
			gradFunc: (dy, [saved]) => {
				// Tensors made in the forward closure are disposed once it returns: rebuild the one-hot here.
				const oneHot2 = tf.cast(tf.oneHot(tf.tensor1d(labels, 'int32'), vocab), 'float32');
				return tf.mul(tf.sub(saved!, oneHot2), tf.div(dy, n));
			},
		};
	});
	return fn(logits) as tf.Scalar;
}
