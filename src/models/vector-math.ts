/** The dot product of two vectors of the same length. */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
	let sum = 0;
	for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
	return sum;
}

function maxAbs(v: ArrayLike<number>): number {
	let m = 0;
	for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i]!));
	return m;
}

/**
 * The cosine similarity of two vectors of the same length, in [−1, 1]; 0 when either is all zeros (it has no
 * direction). Each vector is scaled by its largest magnitude first, so squares neither overflow nor underflow, and
 * the result is clamped to remove rounding just past ±1.
 */
export function cosineSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
	if (a.length !== b.length) throw new Error(`vectors differ in length: ${a.length} vs ${b.length}`);
	const sa = maxAbs(a);
	const sb = maxAbs(b);
	if (sa === 0 || sb === 0) return 0;
	let ab = 0;
	let aa = 0;
	let bb = 0;
	for (let i = 0; i < a.length; i++) {
		const x = a[i]! / sa;
		const y = b[i]! / sb;
		ab += x * y;
		aa += x * x;
		bb += y * y;
	}
	return Math.max(-1, Math.min(1, ab / Math.sqrt(aa * bb)));
}

/** What a member can check by hand for a pair of vectors: their dot product, both lengths and the cosine. */
export interface PairFigures {
	dot: number;
	normA: number;
	normB: number;
	/** dot / (normA · normB); 0 when either vector is all zeros (it has no direction). */
	cosine: number;
}

/**
 * A pair's figures in plain double-precision sums, as written in the textbook (no rescaling), so that the dot product
 * and the lengths shown beside the cosine are exactly the ones it is computed from.
 */
export function pairFigures(a: ArrayLike<number>, b: ArrayLike<number>): PairFigures {
	if (a.length !== b.length) throw new Error(`vectors differ in length: ${a.length} vs ${b.length}`);
	let ab = 0;
	let aa = 0;
	let bb = 0;
	for (let i = 0; i < a.length; i++) {
		ab += a[i]! * b[i]!;
		aa += a[i]! * a[i]!;
		bb += b[i]! * b[i]!;
	}
	const normA = Math.sqrt(aa);
	const normB = Math.sqrt(bb);
	return { dot: ab, normA, normB, cosine: normA > 0 && normB > 0 ? ab / (normA * normB) : 0 };
}
