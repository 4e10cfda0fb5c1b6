import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { BytePairEncoding } from './bpe.js';
import { parseJsTiktokenRankTable } from './js-tiktoken-ranks.js';
import { translateTiktokenPattern } from './pattern.js';
import type { RankTable } from './rank-table.js';

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

export const OPENAI_ENCODINGS: readonly OpenAiEncodingName[] = ['r50k_base', 'cl100k_base', 'o200k_base'];

/**
 * What builds an encoding, in a form that can be posted to another thread: its rank table is shared memory, so a
 * worker that adopts it ({@link adoptEncodings}) encodes with the same table instead of building its own copy.
 */
export interface SharedEncoding {
	name: OpenAiEncodingName;
	/** The pretokenizer, already translated for JavaScript. */
	pattern: RegExp;
	specialTokens: Record<string, number>;
	ranks: RankTable;
}

const require = createRequire(import.meta.url);

/**
 * js-tiktoken's data for `name`, read as a file rather than imported: an imported module keeps its source (1–2 MB
 * of text per encoding) alive for as long as the thread runs, and nothing here needs it once the table is built.
 * The CommonJS build is `module.exports = {…};`, one JSON object.
 */
export async function readJsTiktokenRanks(name: OpenAiEncodingName): Promise<JsTiktokenRanks> {
	const text = await readFile(require.resolve(`js-tiktoken/ranks/${name}`), 'utf8');
	return JSON.parse(text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1)) as JsTiktokenRanks;
}

/** This thread's encodings: built here on first use, or adopted from another thread's shared tables. */
const loaded = new Map<OpenAiEncodingName, Promise<{ shared: SharedEncoding; encoding: BytePairEncoding }>>();

function load(name: OpenAiEncodingName): Promise<{ shared: SharedEncoding; encoding: BytePairEncoding }> {
	let entry = loaded.get(name);
	if (entry === undefined) {
		entry = readJsTiktokenRanks(name).then((data) => {
			const shared = sharedFromJsTiktoken(name, data);
			return { shared, encoding: encodingFromShared(shared) };
		});
		// A failed load is not cached, so a later call can retry.
		entry.catch(() => loaded.delete(name));
		loaded.set(name, entry);
	}
	return entry;
}

/** The encoding `name`, built on first call and shared afterwards (concurrent first calls share one build). */
export async function loadEncoding(name: OpenAiEncodingName): Promise<BytePairEncoding> {
	return (await load(name)).encoding;
}

/** The encoding `name` as data for another thread (loading it here first if needed). */
export async function shareEncoding(name: OpenAiEncodingName): Promise<SharedEncoding> {
	return (await load(name)).shared;
}

/** Every OpenAI encoding as data for other threads: pass it to {@link adoptEncodings} there. */
export function shareEncodings(): Promise<SharedEncoding[]> {
	return Promise.all(OPENAI_ENCODINGS.map((name) => shareEncoding(name)));
}

/**
 * Makes `shared` (posted by the thread that built them) this thread's encodings, so {@link loadEncoding} builds no
 * copy of its own. An encoding this thread already has is kept.
 */
export function adoptEncodings(shared: readonly SharedEncoding[]): void {
	for (const one of shared)
		if (!loaded.has(one.name))
			loaded.set(one.name, Promise.resolve({ shared: one, encoding: encodingFromShared(one) }));
}

/** The encoding a model uses (`gpt2`, `gpt-4`, `gpt-4o`). */
export function loadModelEncoding(model: OpenAiModel): Promise<BytePairEncoding> {
	return loadEncoding(OPENAI_MODELS[model]);
}

function sharedFromJsTiktoken(name: OpenAiEncodingName, data: JsTiktokenRanks): SharedEncoding {
	return {
		name,
		pattern: translateTiktokenPattern(restoreCaseInsensitiveContractions(data.pat_str)),
		specialTokens: data.special_tokens,
		ranks: parseJsTiktokenRankTable(data.bpe_ranks),
	};
}

/** An encoder over shared data (its rank table is used in place, not copied). */
export function encodingFromShared(shared: SharedEncoding): BytePairEncoding {
	return new BytePairEncoding(shared);
}

/** Builds an encoder from js-tiktoken's rank data, translating its pattern for JavaScript's regex engine. */
export function encodingFromJsTiktoken(name: string, data: JsTiktokenRanks): BytePairEncoding {
	return new BytePairEncoding({
		name,
		pattern: translateTiktokenPattern(restoreCaseInsensitiveContractions(data.pat_str)),
		ranks: parseJsTiktokenRankTable(data.bpe_ranks),
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
