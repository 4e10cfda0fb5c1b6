import type { Word, WordVectors } from './store.js';
import { pairFigures } from '../vector-math.js';

/** The cosine of two words with the parts of its formula: cos(a, b) = a·b / (‖a‖ ‖b‖). */
export interface PairSimilarity {
	a: Word;
	b: Word;
	cosine: number;
	/** a·b of the original vectors. */
	dot: number;
	/** ‖a‖ and ‖b‖ of the original vectors. */
	normA: number;
	normB: number;
}

/**
 * Cosine similarity of two words, from their original Float32 vectors summed in double precision (the figures a
 * member can check by hand against GloVe's published vectors).
 */
export function cosine(vectors: WordVectors, a: Word, b: Word): PairSimilarity {
	return { a, b, ...pairFigures(vectors.vector(a.index), vectors.vector(b.index)) };
}

/** The words and their pairwise cosines: `cosines[i][j]` is cos(words[i], words[j]); the diagonal is 1. */
export interface SimilarityMatrix {
	words: Word[];
	cosines: number[][];
}

/** Pairwise cosine similarities of `words` (each vector read once). */
export function similarityMatrix(vectors: WordVectors, words: readonly Word[]): SimilarityMatrix {
	const units = words.map((w) => unitVector(vectors, w.index));
	const cosines = units.map((u, i) => units.map((v, j) => (i === j ? 1 : dotProduct(u, v))));
	return { words: [...words], cosines };
}

/** The original vector of row `index` scaled to length 1, in double precision. */
export function unitVector(vectors: WordVectors, index: number): Float64Array {
	const row = vectors.vector(index);
	let sumSq = 0;
	for (let d = 0; d < row.length; d++) sumSq += row[d]! * row[d]!;
	const norm = Math.sqrt(sumSq);
	const out = new Float64Array(row.length);
	if (norm > 0) for (let d = 0; d < row.length; d++) out[d] = row[d]! / norm;
	return out;
}

/** Σ a[d]·b[d]. */
export function dotProduct(a: ArrayLike<number>, b: ArrayLike<number>): number {
	let sum = 0;
	for (let d = 0; d < a.length; d++) sum += a[d]! * b[d]!;
	return sum;
}
