import { nearestToUnit, type Neighbor, type SearchOptions } from './neighbors.js';
import { unitVector } from './similarity.js';
import type { Word, WordVectors } from './store.js';

/** An analogy "a is to b as c is to ?" and its answers. */
export interface Analogy {
	a: Word;
	b: Word;
	c: Word;
	/** Best answers first, with cos(answer, b − a + c); the three input words are never answers. */
	answers: Neighbor[];
}

/**
 * Solves "a is to b as c is to ?" (king − man + woman → queen is `analogy(v, man, king, woman)`) with 3CosAdd
 * (Mikolov et al., 2013; named by Levy and Goldberg, 2014): normalise a, b and c to unit length, form
 * t = b − a + c, and rank words by cos(x, t). For a unit x this ranks exactly as cos(x, b) − cos(x, a) + cos(x, c),
 * since t's length is the same for every x. The reported score is cos(x, t). Input words are excluded, as in the
 * standard evaluation: otherwise b or c is usually the top answer.
 */
export function analogy(vectors: WordVectors, a: Word, b: Word, c: Word, k = 5, options: SearchOptions = {}): Analogy {
	const ua = unitVector(vectors, a.index);
	const ub = unitVector(vectors, b.index);
	const uc = unitVector(vectors, c.index);
	const target = new Float64Array(ua.length);
	let sumSq = 0;
	for (let d = 0; d < target.length; d++) {
		target[d] = ub[d]! - ua[d]! + uc[d]!;
		sumSq += target[d]! * target[d]!;
	}
	const norm = Math.sqrt(sumSq);
	if (norm > 0) for (let d = 0; d < target.length; d++) target[d] = target[d]! / norm;
	const exclude = new Set([...(options.exclude ?? []), a.index, b.index, c.index]);
	return { a, b, c, answers: nearestToUnit(vectors, target, k, { ...options, exclude }) };
}
