import { DotKernel } from './dot-kernel.js';
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
 * Exact, but fast: a WebAssembly SIMD pass scores every searched row approximately (int16 query · int8 rows), the
 * best candidates are rescored from the Float32 rows, and any other row whose approximate score plus its error
 * bound could still reach the k-th exact score is rescored too, so no row is missed. Row j's error is at most
 * `scale_j · (½ Σ|query| + ½ step · 127 · dims)`: each int8 component is off by at most half its step (scale_j),
 * each int16 query component by at most half the query's step.
 */
export function nearestToUnit(
	vectors: WordVectors,
	query: Float64Array,
	k: number,
	options: SearchOptions = {},
): Neighbor[] {
	const limit = Math.min(options.limit ?? SEARCH_VOCABULARY, vectors.count);
	const exclude = options.exclude ?? new Set<number>();
	if (k <= 0) return [];
	const { scores, errors } = approximateScores(vectors, query, limit);
	for (const j of exclude) if (j < limit) scores[j] = Number.NEGATIVE_INFINITY;

	const exact = new Map<number, number>();
	const rescore = (index: number): void => {
		if (!exact.has(index)) exact.set(index, dotProduct(query, unitVector(vectors, index)));
	};
	topIndices(scores, limit, Math.max(4 * k, 40)).forEach(rescore);
	const sorted = [...exact.values()].sort((a, b) => b - a);
	const threshold = (sorted.length >= k ? sorted[k - 1]! : Number.NEGATIVE_INFINITY) - 1e-9;
	for (let j = 0; j < limit; j++) {
		if (scores[j]! + errors[j]! >= threshold && scores[j] !== Number.NEGATIVE_INFINITY) rescore(j);
	}
	return [...exact]
		.sort((a, b) => b[1] - a[1] || a[0] - b[0])
		.slice(0, k)
		.map(([index, cos]) => ({ word: vectors.word(index), cosine: cos }));
}

interface Scratch {
	kernel: DotKernel;
	scores: Float64Array;
	errors: Float64Array;
}

/** Per-thread kernel and buffers for each `WordVectors` (a query allocates nothing that scales with the vocabulary). */
const scratch = new WeakMap<WordVectors, Scratch>();

/**
 * Approximate cosines of `query` with the first `limit` rows (`scores`), and a bound on each one's error
 * (`errors`), from the int8 rows. The arrays are reused by the next call.
 */
export function approximateScores(
	vectors: WordVectors,
	query: Float64Array,
	limit: number,
): { scores: Float64Array; errors: Float64Array } {
	let state = scratch.get(vectors);
	if (state === undefined || state.kernel.rows < limit) {
		state = {
			kernel: new DotKernel(vectors.rowsI8, vectors.dims, limit),
			scores: new Float64Array(limit),
			errors: new Float64Array(limit),
		};
		scratch.set(vectors, state);
	}
	let maxAbs = 0;
	let absSum = 0;
	for (let d = 0; d < query.length; d++) {
		maxAbs = Math.max(maxAbs, Math.abs(query[d]!));
		absSum += Math.abs(query[d]!);
	}
	const step = maxAbs > 0 ? maxAbs / 32767 : 1;
	const quantized = new Int16Array(query.length);
	for (let d = 0; d < query.length; d++) quantized[d] = Math.round(query[d]! / step);
	const dots = state.kernel.run(quantized, limit);
	// 0.5001 rather than 0.5 covers the int8 scale having been rounded to Float32.
	const perScale = 0.5001 * absSum + 0.5 * step * 127 * vectors.dims;
	const { scores, errors } = state;
	for (let j = 0; j < limit; j++) {
		const scale = vectors.scales[j]!;
		scores[j] = dots[j]! * step * scale;
		errors[j] = scale * perScale + 1e-12;
	}
	return { scores, errors };
}

/** Indices of the `n` largest of `scores[0 … limit)`, in no particular order. */
function topIndices(scores: Float64Array, limit: number, n: number): number[] {
	// A bounded min-heap: the root is the smallest kept score, replaced whenever a larger one comes.
	const heap: number[] = [];
	const less = (a: number, b: number): boolean => scores[a]! < scores[b]!;
	for (let j = 0; j < limit; j++) {
		if (heap.length < n) {
			heap.push(j);
			for (let i = heap.length - 1; i > 0;) {
				const parent = (i - 1) >> 1;
				if (!less(heap[i]!, heap[parent]!)) break;
				[heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
				i = parent;
			}
		} else if (scores[j]! > scores[heap[0]!]!) {
			heap[0] = j;
			for (let i = 0; ;) {
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
	return heap.filter((j) => scores[j] !== Number.NEGATIVE_INFINITY);
}
