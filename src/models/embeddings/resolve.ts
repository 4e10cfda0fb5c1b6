import type { Word, WordVectors } from './store.js';
import { suggestSpellings } from './suggest.js';

/** Member text matched against the vocabulary: the words found, and for the others, spellings that are in it. */
export interface Resolved {
	words: Word[];
	missing: { text: string; suggestions: string[] }[];
}

/** Looks up each text (case-insensitively); never throws, so a command can show every problem at once. */
export function resolveWords(vectors: WordVectors, texts: readonly string[]): Resolved {
	const words: Word[] = [];
	const missing: Resolved['missing'] = [];
	for (const text of texts) {
		const word = vectors.find(text);
		if (word) words.push(word);
		else missing.push({ text, suggestions: suggestSpellings(vectors, text) });
	}
	return { words, missing };
}
