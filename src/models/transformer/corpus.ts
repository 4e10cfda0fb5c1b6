/** One source text of the training corpus. */
export interface CorpusDocument {
	name: string;
	text: string;
}

/** A document cut into its training head and validation tail. */
export interface DocumentSplit {
	name: string;
	train: string;
	validation: string;
}

/**
 * Holds out the contiguous tail of each document for validation: the cut is at the first line break at or after
 * `(1 − fraction)` of its characters, so no line is split between the two sets. Deterministic; no shuffling.
 */
export function splitDocuments(docs: readonly CorpusDocument[], fraction = 0.05): DocumentSplit[] {
	return docs.map(({ name, text }) => {
		const target = Math.floor(text.length * (1 - fraction));
		const newline = text.indexOf('\n', target);
		const cut = newline === -1 ? text.length : newline + 1;
		return { name, train: text.slice(0, cut), validation: text.slice(cut) };
	});
}

/**
 * Joins per-document token ids into one stream with `separator` (the end-of-text token) after each document,
 * so the model learns where a text ends and never attends across two documents without the marker.
 */
export function joinWithSeparator(parts: readonly (readonly number[])[], separator: number): Int32Array {
	const out = new Int32Array(parts.reduce((n, p) => n + p.length + 1, 0));
	let at = 0;
	for (const part of parts) {
		out.set(part, at);
		at += part.length;
		out[at++] = separator;
	}
	return out;
}
