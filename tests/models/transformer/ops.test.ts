import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, loadGradients, tf } from '../../../src/models/transformer/backend.js';
import { crossEntropy, embed, gelu, layerNorm, matMul } from '../../../src/models/transformer/ops.js';

/** Largest absolute difference between two tensors' values. */
function maxDiff(a: tf.Tensor, b: tf.Tensor): number {
	return tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0] as number);
}

/** Gradients of sum(f(x)·w) for a fixed random weighting w, so every output element matters differently. */
function gradsOf(f: (...xs: tf.Tensor[]) => tf.Tensor, xs: tf.Tensor[], w: tf.Tensor): tf.Tensor[] {
	return tf.grads((...inputs: tf.Tensor[]) => tf.sum(tf.mul(f(...inputs), w)))(xs);
}

beforeAll(async () => {
	await initBackend();
	await loadGradients();
});

describe('custom-gradient ops (wasm backend)', () => {
	it('GIVEN the wasm backend THEN it is the one selected', () => {
		expect(tf.getBackend()).toBe('wasm');
	});

	it('GIVEN batched inputs THEN matMul and its gradient match tf.matMul', () => {
		tf.tidy(() => {
			const a = tf.randomNormal([2, 3, 5, 4], 0, 1, 'float32', 1);
			const b = tf.randomNormal([2, 3, 4, 6], 0, 1, 'float32', 2);
			const w = tf.randomNormal([2, 3, 5, 6], 0, 1, 'float32', 3);
			expect(maxDiff(matMul(a, b), tf.matMul(a, b))).toBeLessThan(1e-5);
			const [ga, gb] = gradsOf(matMul, [a, b], w);
			const [ra, rb] = gradsOf((x, y) => tf.matMul(x, y), [a, b], w);
			expect(maxDiff(ga!, ra!)).toBeLessThan(1e-4);
			expect(maxDiff(gb!, rb!)).toBeLessThan(1e-4);
		});
	});

	it('GIVEN values around 0 THEN gelu and its gradient match the tanh formula under autodiff', () => {
		tf.tidy(() => {
			const x = tf.mul(tf.randomNormal([64, 8], 0, 1, 'float32', 4), 3);
			const w = tf.randomNormal([64, 8], 0, 1, 'float32', 5);
			const ref = (v: tf.Tensor): tf.Tensor =>
				tf.mul(
					tf.mul(0.5, v),
					tf.add(1, tf.tanh(tf.mul(Math.sqrt(2 / Math.PI), tf.add(v, tf.mul(0.044715, tf.pow(v, 3)))))),
				);
			expect(maxDiff(gelu(x), ref(x))).toBeLessThan(1e-5);
			expect(maxDiff(gradsOf(gelu, [x], w)[0]!, gradsOf(ref, [x], w)[0]!)).toBeLessThan(1e-4);
		});
	});

	it('GIVEN rows of activations THEN layerNorm and its three gradients match tf.moments under autodiff', () => {
		tf.tidy(() => {
			const x = tf.add(tf.randomNormal([10, 16], 0, 2, 'float32', 6), 1);
			const g = tf.randomNormal([16], 1, 0.3, 'float32', 7);
			const b = tf.randomNormal([16], 0, 0.3, 'float32', 8);
			const w = tf.randomNormal([10, 16], 0, 1, 'float32', 9);
			const ref = (v: tf.Tensor, gg: tf.Tensor, bb: tf.Tensor): tf.Tensor => {
				const { mean, variance } = tf.moments(v, -1, true);
				return tf.add(tf.mul(tf.div(tf.sub(v, mean), tf.sqrt(tf.add(variance, 1e-5))), gg), bb);
			};
			expect(maxDiff(layerNorm(x, g, b), ref(x, g, b))).toBeLessThan(1e-5);
			const mine = gradsOf((v, gg, bb) => layerNorm(v, gg, bb), [x, g, b], w);
			const theirs = gradsOf((v, gg, bb) => ref(v, gg, bb), [x, g, b], w);
			for (let i = 0; i < 3; i++) expect(maxDiff(mine[i]!, theirs[i]!)).toBeLessThan(1e-4);
		});
	});

	it('GIVEN repeated ids THEN the embedding gradient scatter-adds like a one-hot matMul', () => {
		tf.tidy(() => {
			const table = tf.randomNormal<tf.Rank.R2>([7, 3], 0, 1, 'float32', 10);
			const ids = Int32Array.from([1, 3, 3, 0, 6, 1]);
			const w = tf.randomNormal([2, 3, 3], 0, 1, 'float32', 11);
			const oneHot = tf.cast(tf.oneHot(tf.tensor1d(ids, 'int32'), 7), 'float32');
			const ref = (t: tf.Tensor): tf.Tensor => tf.reshape(tf.matMul(oneHot, t), [2, 3, 3]);
			expect(maxDiff(embed(table, ids, [2, 3]), ref(table))).toBeLessThan(1e-6);
			const [mine] = gradsOf((t) => embed(t as tf.Tensor2D, ids, [2, 3]), [table], w);
			expect(maxDiff(mine!, gradsOf(ref, [table], w)[0]!)).toBeLessThan(1e-5);
		});
	});

	it('GIVEN logits and labels THEN crossEntropy and its gradient match tf.losses.softmaxCrossEntropy', () => {
		tf.tidy(() => {
			const logits = tf.mul<tf.Tensor2D>(tf.randomNormal([6, 11], 0, 1, 'float32', 12), 3);
			const labels = Int32Array.from([0, 10, 5, 5, 2, 7]);
			const oneHot = tf.cast(tf.oneHot(tf.tensor1d(labels, 'int32'), 11), 'float32');
			const ref = (l: tf.Tensor): tf.Tensor => tf.losses.softmaxCrossEntropy(oneHot, l);
			expect(maxDiff(crossEntropy(logits, labels), ref(logits))).toBeLessThan(1e-5);
			const [mine] = tf.grads((l: tf.Tensor) => crossEntropy(l as tf.Tensor2D, labels))([logits]);
			const [theirs] = tf.grads(ref)([logits]);
			expect(maxDiff(mine!, theirs!)).toBeLessThan(1e-5);
		});
	});
});
