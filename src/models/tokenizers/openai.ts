import { BytePairEncoding } from './bpe.js';
import { translateTiktokenPattern } from './pattern.js';

/** OpenAI's encodings this bot ships (ranks from the installed `js-tiktoken` package; nothing is downloaded). */
export type OpenAiEncodingName = 'r50k_base' | 'cl100k_base' | 'o200k_base';

/** The models a member picks from, and the encoding each uses. */
export const OPENAI_MODELS = {
	'gpt2': 'r50k_base',
	'gpt-4': 'cl100k_base',
	'gpt-4o': 'o200k_base',
} as const satisfies Record<string, OpenAiEncodingName>;

export type OpenAiModel = keyof typeof OPENAI_MODELS;

/** The shape of `js-tiktoken/ranks/*`: tiktoken's pattern, special tokens, and ranks in a compressed text form. */
export interface JsTiktokenRanks {
	pat_str: string;
	special_tokens: Record<string, number>;
	bpe_ranks: string;
}

const importers: Record<OpenAiEncodingName, () => Promise<{ default: JsTiktokenRanks }>> = {
	r50k_base: () => import('js-tiktoken/ranks/r50k_base'),
	cl100k_base: () => import('js-tiktoken/ranks/cl100k_base'),
	o200k_base: () => import('js-tiktoken/ranks/o200k_base'),
};

const loaded = new Map<OpenAiEncodingName, Promise<BytePairEncoding>>();

/** The encoding `name`, built on first call and shared afterwards (concurrent first calls share one build). */
export function loadEncoding(name: OpenAiEncodingName): Promise<BytePairEncoding> {
	let encoding = loaded.get(name);
	if (encoding === undefined) {
		encoding = importers[name]().then((module) => encodingFromJsTiktoken(name, module.default));
		// A failed load is not cached, so a later call can retry.
		encoding.catch(() => loaded.delete(name));
		loaded.set(name, encoding);
	}
	return encoding;
}

/** The encoding a model uses (`gpt2`, `gpt-4`, `gpt-4o`). */
export function loadModelEncoding(model: OpenAiModel): Promise<BytePairEncoding> {
	return loadEncoding(OPENAI_MODELS[model]);
}

/** Builds an encoder from js-tiktoken's rank data, translating its pattern for JavaScript's regex engine. */
export function encodingFromJsTiktoken(name: string, data: JsTiktokenRanks): BytePairEncoding {
	return new BytePairEncoding({
		name,
		pattern: translateTiktokenPattern(restoreCaseInsensitiveContractions(data.pat_str)),
		ranks: parseJsTiktokenRanks(data.bpe_ranks),
		specialTokens: data.special_tokens,
	});
}

/** The contraction group as js-tiktoken spells it out, case by case… */
const SPELLED_CONTRACTIONS = "('s|'S|'t|'T|'re|'rE|'Re|'RE|'ve|'vE|'Ve|'VE|'m|'M|'ll|'lL|'Ll|'LL|'d|'D)";
/** …and as OpenAI's tiktoken writes it. */
const CASE_INSENSITIVE_CONTRACTIONS = "(?i:'s|'t|'re|'ve|'m|'ll|'d)";

/**
 * Puts back tiktoken's `(?i:…)` contraction group where js-tiktoken spelled out the ASCII cases: Rust's case
 * folding also lets `'ſ` (U+017F LONG S) match `'s`, which the spelled-out group loses (`M'ſ'Sc` on o200k_base).
 * r50k_base's group is case-sensitive in tiktoken too and is left alone.
 */
export function restoreCaseInsensitiveContractions(pattern: string): string {
	return pattern.replaceAll(SPELLED_CONTRACTIONS, CASE_INSENSITIVE_CONTRACTIONS);
}

/**
 * Parses js-tiktoken's compressed ranks: lines of `<tag> <first rank> <base64 token> <base64 token> …`, the
 * tokens on a line taking consecutive ranks. Returns byte-string keys (see `byte-string.ts`).
 */
export function parseJsTiktokenRanks(text: string): Map<string, number> {
	const ranks = new Map<string, number>();
	for (const line of text.split('\n')) {
		if (line === '') continue;
		const fields = line.split(' ');
		const first = Number(fields[1]);
		if (!Number.isInteger(first)) throw new SyntaxError(`js-tiktoken ranks: bad offset in "${line.slice(0, 40)}"`);
		for (let i = 2; i < fields.length; i++) {
			ranks.set(Buffer.from(fields[i]!, 'base64').toString('latin1'), first + i - 2);
		}
	}
	return ranks;
}
