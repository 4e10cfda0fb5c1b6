import {
	analogy,
	cosine,
	neighbors,
	projectPca,
	resolveWords,
	SEARCH_VOCABULARY,
	similarityMatrix,
	type Word,
	type WordVectors,
} from '../../models/embeddings/index.js';
import type { SimilarityRequest } from './parse.js';
import { t } from '../../i18n/index.js';
import {
	pairFromVectors,
	type EngineInfo,
	type MapPoint,
	type MissingResult,
	type SimilarityResult,
} from './results.js';

/** Neighbours listed per word in `mode:neighbors`, and answers in `mode:analogy`. */
export const NEIGHBORS_LISTED = 10;
export const ANALOGY_ANSWERS = 5;

/** Neighbours drawn around each word on the map: fewer as there are more words, so the map stays readable. */
export function mapNeighbors(words: number): number {
	return words <= 2 ? 10 : words <= 3 ? 8 : 6;
}

/** The local engine as the reply names it. */
export function localEngine(vectors: WordVectors): EngineInfo {
	return { kind: 'local', name: t('similarity.engine.local'), dimensions: vectors.dims };
}

/**
 * Function words the map skips: they sit near almost everything in GloVe and crowd out the words a member wants to
 * see. Stated in the reply (`mapRule` in reply.ts).
 */
export const MAP_STOP_WORDS: ReadonlySet<string> = new Set(
	(
		'a an and are as at be been but by for from had has have he her his i in is it its of on or she that the their ' +
		'them they this to was we were which who will with you'
	).split(' '),
);

/** Whether a neighbour is drawn on the map: it has a letter and is not a function word. */
export function mapWorthy(text: string): boolean {
	return /\p{L}/u.test(text) && !MAP_STOP_WORDS.has(text.toLowerCase());
}

/** The `k` nearest words to `q` that are {@link mapWorthy} and not in `seen`, nearest first. */
function mapNeighborsOf(vectors: WordVectors, q: Word, k: number, seen: ReadonlySet<number>) {
	for (let ask = 3 * k; ; ask *= 2) {
		const found = neighbors(vectors, q, ask, { exclude: seen }).filter((n) => mapWorthy(n.word.text));
		if (found.length >= k || ask >= vectors.count) return found.slice(0, k);
	}
}

async function mapOf(vectors: WordVectors, engine: EngineInfo, queries: readonly Word[]): Promise<SimilarityResult> {
	const k = mapNeighbors(queries.length);
	const seen = new Set(queries.map((w) => w.index));
	const members: { word: Word; group: string; query: boolean }[] = queries.map((w) => ({
		word: w,
		group: w.text,
		query: true,
	}));
	for (const q of queries) {
		// A word near two queries is drawn once, in the first query's colour: the second gets its next nearest instead.
		for (const n of mapNeighborsOf(vectors, q, k, seen)) {
			seen.add(n.word.index);
			members.push({ word: n.word, group: q.text, query: false });
		}
	}
	const projection = await projectPca(
		vectors,
		members.map((m) => m.word),
	);
	const points: MapPoint[] = projection.points.map((p, i) => ({
		text: p.word.text,
		x: p.x,
		y: p.y,
		group: members[i]!.group,
		query: members[i]!.query,
	}));
	return {
		kind: 'map',
		engine,
		queries: queries.map((w) => w.text),
		points,
		explained: projection.explainedVarianceRatio,
		backend: projection.backend,
		neighborsPerWord: k,
	};
}

/**
 * Computes a /similarity request with the local word vectors: every word is looked up first, and a word not in the
 * vocabulary gives a {@link MissingResult} (with spelling suggestions) instead of an error, so all of them are named.
 */
export async function computeLocal(
	vectors: WordVectors,
	request: SimilarityRequest,
): Promise<SimilarityResult | MissingResult> {
	const { words, missing } = resolveWords(vectors, request.words);
	if (missing.length > 0) return { kind: 'missing', vocabulary: vectors.count, missing };
	const engine = localEngine(vectors);
	switch (request.mode) {
		case 'pair': {
			const [a, b] = words as [Word, Word];
			return pairFromVectors(
				engine,
				[a.text, b.text],
				vectors.vector(a.index),
				vectors.vector(b.index),
				cosine(vectors, a, b),
			);
		}
		case 'matrix': {
			const m = similarityMatrix(vectors, words);
			return { kind: 'matrix', engine, labels: m.words.map((w) => w.text), cosines: m.cosines };
		}
		case 'neighbors':
			return {
				kind: 'neighbors',
				engine,
				searched: Math.min(SEARCH_VOCABULARY, vectors.count),
				lists: words.map((w) => ({
					word: w.text,
					neighbors: neighbors(vectors, w, NEIGHBORS_LISTED).map((n) => ({ text: n.word.text, cosine: n.cosine })),
				})),
			};
		case 'map':
			return mapOf(vectors, engine, words);
		case 'analogy': {
			const [a, b, c] = words as [Word, Word, Word];
			const result = analogy(vectors, a, b, c, ANALOGY_ANSWERS);
			return {
				kind: 'analogy',
				engine,
				a: a.text,
				b: b.text,
				c: c.text,
				answers: result.answers.map((n) => ({ text: n.word.text, cosine: n.cosine })),
			};
		}
	}
}
