import { GPT2_PATTERN } from '../bpe-train/pretokenize.js';
import { BytePairEncoding, formatTiktokenFile, parseTiktokenFile } from '../tokenizers/bpe.js';

/** The document separator of our tokenizer; its id is the last one (right after the mergeable ranks). */
export const END_OF_TEXT = '<|endoftext|>';

/** `tokenizer.json`, written next to `tokenizer.tiktoken`. */
export interface TokenizerMeta {
	/** The pretokenizer regex (compiled with the `u` flag). */
	pattern: string;
	specialTokens: Record<string, number>;
}

/** Our byte-level BPE as the generic tiktoken-style encoder, from token bytes by rank. */
export function tokenizerFromTokens(name: string, tokens: readonly Uint8Array[]): BytePairEncoding {
	return new BytePairEncoding({
		name,
		pattern: GPT2_PATTERN,
		ranks: tokens.map((bytes, rank) => [bytes, rank] as const),
		specialTokens: { [END_OF_TEXT]: tokens.length },
	});
}

/** The files that describe the tokenizer: `.tiktoken` ranks and the pattern + special tokens beside them. */
export function tokenizerFiles(tokens: readonly Uint8Array[]): { tiktoken: string; meta: TokenizerMeta } {
	const ranks = new Map(tokens.map((bytes, rank) => [Buffer.from(bytes).toString('latin1'), rank]));
	return {
		tiktoken: formatTiktokenFile(ranks),
		meta: { pattern: GPT2_PATTERN, specialTokens: { [END_OF_TEXT]: tokens.length } },
	};
}

/** Rebuilds the tokenizer from its files. */
export function tokenizerFromFiles(name: string, tiktoken: string, meta: TokenizerMeta): BytePairEncoding {
	return new BytePairEncoding({
		name,
		pattern: meta.pattern,
		ranks: parseTiktokenFile(tiktoken),
		specialTokens: meta.specialTokens,
	});
}
