import { symmetricEigen } from './eigen.js';
import { unitVector } from './similarity.js';
import type { Word, WordVectors } from './store.js';

/** Words placed on the plane of their two principal components. */
export interface Projection {
	points: { word: Word; x: number; y: number }[];
	/** Variance of the points along each component (the covariance matrix's two largest eigenvalues). */
	variance: [number, number];
	/** Each component's share of the total variance (the sum over all directions), in [0, 1]. */
	explainedVarianceRatio: [number, number];
	/** The TensorFlow.js backend that computed it (`wasm`, or `tensorflow` with tfjs-node). */
	backend: string;
}

/**
 * 2-D PCA of `words`' unit vectors (unit length, so the picture shows the cosine geometry that neighbours and
 * analogies use rather than vector lengths).
 *
 * TensorFlow.js centres the n × d matrix X and forms the smaller of the two Gram matrices, XᵀX / (n − 1) (d × d)
 * or XXᵀ / (n − 1) (n × n, when there are fewer words than dimensions; it has the same nonzero eigenvalues).
 * TensorFlow.js has no eigendecomposition, so that small symmetric matrix is diagonalised with Jacobi rotations in
 * double precision; TensorFlow.js then projects X on the two leading directions. Each axis's sign is chosen so that
 * its largest loading is positive, so a word set always draws the same way.
 */
export async function projectPca(vectors: WordVectors, words: readonly Word[]): Promise<Projection> {
	if (words.length < 2) throw new RangeError('PCA needs at least two words');
	// Imported here, not at the top: TensorFlow.js costs tens of MB, and only PCA needs it.
	const { initBackend, tf } = await import('../transformer/backend.js');
	const backend = await initBackend();
	const n = words.length;
	const d = vectors.dims;
	const flat = new Float32Array(n * d);
	words.forEach((w, i) => flat.set(unitVector(vectors, w.index), i * d));
	const wide = n < d;

	const gram = tf.tidy(() => {
		const x = tf.tensor2d(flat, [n, d]);
		const centered = tf.sub(x, tf.mean(x, 0));
		const scatter = wide ? tf.matMul(centered, centered, false, true) : tf.matMul(centered, centered, true, false);
		return tf.div(scatter, n - 1).arraySync() as number[][];
	});
	const { values, vectors: eigenvectors } = symmetricEigen(gram);
	const total = values.reduce((sum, l) => sum + Math.max(l, 0), 0);
	const top = [0, 1].map((k) => ({ value: Math.max(values[k] ?? 0, 0), vector: eigenvectors[k] ?? [] }));

	// Loadings: the directions in the d-dimensional space (for XXᵀ, Xᵀu scaled to unit length).
	const loadings = tf.tidy(() => {
		const x = tf.tensor2d(flat, [n, d]);
		const centered = tf.sub(x, tf.mean(x, 0));
		const basis = tf.transpose(
			tf.tensor2d(
				top.flatMap((t) => t.vector),
				[2, wide ? n : d],
			),
		);
		const directions = wide ? tf.matMul(centered, basis, true, false) : basis;
		const unit = tf.div(directions, tf.maximum(tf.norm(directions, 'euclidean', 0), 1e-30));
		const columns = unit.arraySync() as number[][];
		const signs = [0, 1].map((k) => {
			let largest = 0;
			for (const row of columns) if (Math.abs(row[k]!) > Math.abs(largest)) largest = row[k]!;
			return largest < 0 ? -1 : 1;
		});
		return { coords: tf.matMul(centered, tf.mul(unit, tf.tensor1d(signs))).arraySync() as number[][] };
	});
	return {
		points: words.map((word, i) => ({ word, x: loadings.coords[i]![0]!, y: loadings.coords[i]![1]! })),
		variance: [top[0]!.value, top[1]!.value],
		explainedVarianceRatio: total > 0 ? [top[0]!.value / total, top[1]!.value / total] : [0, 0],
		backend,
	};
}
