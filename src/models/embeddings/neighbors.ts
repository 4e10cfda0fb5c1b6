import { dotProduct, unitVector } from './similarity.js';
import type { Word, WordVectors } from './store.js';

/**
 * Neighbours are searched among the 50,000 most frequent words. Past that the list is mostly surnames, place
 * names and transliterations seen a handful of times in the training corpus (ranks 75,000–75,011: "marita vihar
 * hikmet nabe dims rosetti acland kunitz kartasasmita wucetich nattawut vahj"), whose vectors are noisy: they
 * crowd real words out of neighbour lists. 99% of the WordSim-353 and SimLex-999 pairs have both words in the top
 * 55,000 and 34,000. Any word can still be the query; only the candidates are limited.
 */
export const SEARCH_VOCABULARY = 50_000;

/** A word found by a search, with its cosine similarity to the query. */
export interface Neighbor {
	word: Word;
	cosine: number;
}

export interface SearchOptions {
	/** Rows searched: the most frequent `limit` words (default {@link SEARCH_VOCABULARY}). */
	limit?: number;
	/** Rows never returned (the query word itself, an analogy's inputs). */
	exclude?: ReadonlySet<number>;
}

/** The `k` words nearest to `word` by cosine similarity, the word itself excluded, nearest first. */
export function neighbors(vectors: WordVectors, word: Word, k = 10, options: SearchOptions = {}): Neighbor[] {
	const exclude = new Set(options.exclude ?? []);
	exclude.add(word.index);
	return nearestToUnit(vectors, unitVector(vectors, word.index), k, { ...options, exclude });
}

/**
 * The `k` rows nearest to the unit vector `query`, with exact cosines.
 *
 * Exact, but fast: an int8 pass scores every searched row approximately, the best candidates are rescored from
 * the Float32 rows, and any other row whose approximate score plus its error bound could still reach the k-th
 * exact score is rescored too. The int8 error of row j is at most `scale_j / 2 · Σ|query|` (each int8 component
 * is off by at most half a step), so no row is missed.
 */
export function nearestToUnit(vectors: WordVectors, query: Float64Array, k: number, options: SearchOptions = {}): Neighbor[] {
	const limit = Math.min(options.limit ?? SEARCH_VOCABULARY, vectors.count);
	const exclude = options.exclude ?? new Set<number>();
	if (k <= 0) return [];
	const approx = approximateScores(vectors, query, limit);
	let absSum = 0;
	for (let d = 0; d < query.length; d++) absSum += Math.abs(query[d]!);
	// 0.5 plus a margin for the scale having been rounded to Float32.
	const errorPerScale = 0.5001 * absSum;

	const candidates = topIndices(approx, limit, Math.max(4 * k, 40), exclude);
	const exact = new Map<number, number>();
	const rescore = (index: number): void => {
		if (!exact.has(index)) exact.set(index, dotProduct(query, unitVector(vectors, index)));
	};
	candidates.forEach(rescore);
	const kthExact = (): number => {
		const sorted = [...exact.values()].sort((a, b) => b - a);
		return sorted.length >= k ? sorted[k - 1]! : Number.NEGATIVE_INFINITY;
	};
	const threshold = kthExact() - 1e-9;
	for (let j = 0; j < limit; j++) {
		if (!exclude.has(j) && !exact.has(j) && approx[j]! + vectors.scales[j]! * errorPerScale >= threshold) rescore(j);
	}
	return [...exact]
		.sort((a, b) => b[1] - a[1] || a[0] - b[0])
		.slice(0, k)
		.map(([index, cos]) => ({ word: vectors.word(index), cosine: cos }));
}

/** Per-thread scratch for the approximate scores (a query allocates nothing that scales with the vocabulary). */
const scratch = new WeakMap<WordVectors, Float64Array>();

/** scale_j · Σ_d query[d] · int8[j][d] for the first `limit` rows: cosines to within the int8 error. */
export function approximateScores(vectors: WordVectors, query: Float64Array, limit: number): Float64Array {
	let scores = scratch.get(vectors);
	if (scores === undefined || scores.length < limit) {
		scores = new Float64Array(limit);
		scratch.set(vectors, scores);
	}
	const rows = vectors.rowsI8;
	const scales = vectors.scales;
	const dims = vectors.dims;
	const q = query;
	const tail = dims - (dims % 4);
	for (let j = 0; j < limit; j++) {
		const base = j * dims;
		// Four accumulators break the add dependency chain, so the CPU overlaps the multiplies.
		let a0 = 0;
		let a1 = 0;
		let a2 = 0;
		let a3 = 0;
		let d = 0;
		for (; d < tail; d += 4) {
			a0 += q[d]! * rows[base + d]!;
			a1 += q[d + 1]! * rows[base + d + 1]!;
			a2 += q[d + 2]! * rows[base + d + 2]!;
			a3 += q[d + 3]! * rows[base + d + 3]!;
		}
		for (; d < dims; d++) a0 += q[d]! * rows[base + d]!;
		scores[j] = (a0 + a1 + a2 + a3) * scales[j]!;
	}
	return scores;
}

/** Indices of the `n` largest of `scores[0 … limit)`, skipping `exclude`, in no particular order. */
function topIndices(scores: Float64Array, limit: number, n: number, exclude: ReadonlySet<number>): number[] {
	// A bounded min-heap: the root is the smallest kept score, replaced whenever a larger one comes.
	const heap: number[] = [];
	const less = (a: number, b: number): boolean => scores[a]! < scores[b]!;
	for (let j = 0; j < limit; j++) {
		if (exclude.has(j)) continue;
		if (heap.length < n) {
			heap.push(j);
			for (let i = heap.length - 1; i > 0; ) {
				const parent = (i - 1) >> 1;
				if (!less(heap[i]!, heap[parent]!)) break;
				[heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
				i = parent;
			}
		} else if (scores[j]! > scores[heap[0]!]!) {
			heap[0] = j;
			for (let i = 0; ; ) {
				const l = 2 * i + 1;
				const r = l + 1;
				let m = i;
				if (l < n && less(heap[l]!, heap[m]!)) m = l;
				if (r < n && less(heap[r]!, heap[m]!)) m = r;
				if (m === i) break;
				[heap[i], heap[m]] = [heap[m]!, heap[i]!];
				i = m;
			}
		}
	}
	return heap;
}
