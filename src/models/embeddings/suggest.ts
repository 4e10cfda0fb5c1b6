import { SEARCH_VOCABULARY } from './neighbors.js';
import { normalizeWord, type WordVectors } from './store.js';

interface Candidate {
	text: string;
	chars: string[];
	rank: number;
}

/** The frequent words of each `WordVectors` by length in code points, built once per thread when first needed. */
const byLength = new WeakMap<WordVectors, Map<number, Candidate[]>>();

function candidatesOf(vectors: WordVectors): Map<number, Candidate[]> {
	let groups = byLength.get(vectors);
	if (groups === undefined) {
		groups = new Map();
		const limit = Math.min(SEARCH_VOCABULARY, vectors.count);
		for (let rank = 0; rank < limit; rank++) {
			const text = vectors.text(rank);
			const chars = [...text];
			const group = groups.get(chars.length) ?? [];
			group.push({ text, chars, rank });
			groups.set(chars.length, group);
		}
		byLength.set(vectors, groups);
	}
	return groups;
}

/**
 * Spellings close to `text` that are in the vocabulary, for a word that is not: the frequent words (the same
 * {@link SEARCH_VOCABULARY} the neighbour search uses) within edit distance 1 (words up to 4 letters) or 2
 * (longer), counting a swap of two adjacent letters as one edit; closest first, then most frequent. Only words
 * whose length is within that distance are compared, since every edit changes the length by at most one.
 */
export function suggestSpellings(vectors: WordVectors, text: string, k = 5): string[] {
	const query = [...normalizeWord(text)];
	const maxDistance = query.length <= 4 ? 1 : 2;
	const groups = candidatesOf(vectors);
	const found: { word: string; distance: number; rank: number }[] = [];
	for (let length = query.length - maxDistance; length <= query.length + maxDistance; length++) {
		for (const candidate of groups.get(length) ?? []) {
			const distance = editDistance(query, candidate.chars, maxDistance);
			if (distance <= maxDistance && distance > 0) found.push({ word: candidate.text, distance, rank: candidate.rank });
		}
	}
	return found
		.sort((a, b) => a.distance - b.distance || a.rank - b.rank)
		.slice(0, k)
		.map((f) => f.word);
}

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions) between two lists of characters,
 * or `limit + 1` as soon as it must exceed `limit`. Only the band of cells within `limit` of the diagonal can hold
 * a value ≤ limit, so only those are computed.
 */
export function editDistance(a: readonly string[], b: readonly string[], limit = Number.POSITIVE_INFINITY): number {
	if (Math.abs(a.length - b.length) > limit) return limit + 1;
	const width = b.length + 1;
	const big = a.length + b.length + 1;
	let before = new Int32Array(width).fill(big);
	let previous = Int32Array.from({ length: width }, (_, j) => j);
	let current = new Int32Array(width);
	for (let i = 1; i <= a.length; i++) {
		current.fill(big);
		if (i <= limit) current[0] = i;
		let rowMin = i <= limit ? i : big;
		const from = Math.max(1, i - (Number.isFinite(limit) ? limit : i));
		const to = Math.min(b.length, i + (Number.isFinite(limit) ? limit : b.length));
		for (let j = from; j <= to; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
			current[j] = value;
			if (value < rowMin) rowMin = value;
		}
		if (rowMin > limit) return limit + 1;
		[before, previous, current] = [previous, current, before];
	}
	return Math.min(previous[b.length]!, limit + 1);
}
