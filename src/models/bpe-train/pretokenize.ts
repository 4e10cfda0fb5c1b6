/**
 * GPT-2's pretokenizer: contractions, runs of letters or digits with an optional leading space, runs of other
 * symbols with an optional leading space, and whitespace (a run of spaces before a word leaves its last space
 * to that word). BPE merges never cross the pieces this regex cuts.
 */
export const GPT2_PATTERN = String.raw`'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+`;

/** Splits text into GPT-2 pretokens; concatenating them gives the text back. */
export function pretokenize(text: string, pattern = GPT2_PATTERN): string[] {
	return text.match(new RegExp(pattern, 'gu')) ?? [];
}

/** Counts the pretokens of a text (the unit the BPE trainer works on). */
export function countPretokens(
	text: string,
	pattern = GPT2_PATTERN,
	into = new Map<string, number>(),
): Map<string, number> {
	const re = new RegExp(pattern, 'gu');
	for (const m of text.matchAll(re)) into.set(m[0], (into.get(m[0]) ?? 0) + 1);
	return into;
}
