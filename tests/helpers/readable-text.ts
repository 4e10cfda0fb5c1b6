import type { APIEmbed } from 'discord-api-types/v10';
import type { HandlerResponse } from '../../src/core/reply.js';
import { isModalReply } from '../../src/core/reply.js';

/**
 * Names that stay in Latin letters in any language: models, libraries, file formats, units and the course's
 * proper nouns. They are not counted as English words when a Korean reply is checked.
 */
const NAMES =
	/\b(?:GPT(?:-\d[\w.]*)?|gpt-?\w*|tiny-gpt|GloVe|OpenAI|Claude|Llama(?:-\d)?|llama-3|Gemma(?:-\d)?|gemma-3|Qwen(?:-\d)?|qwen-3|DeepSeek(?:-V\d)?|deepseek-v3|Mistral|mistral|BPE|PCA|CSV|PNG|JSON|UTF-8|Unicode|Discord|LLM|AI|API|ID|id|ids|tiktoken|o200k_base|cl100k_base|r50k_base|p50k_base|top-k|top-p|min-p|min_p|top_k|top_p|softmax|Softmax|ReLU|GELU|LayerNorm|QKV|Q|K|V|KV|FFN|WordSim-353|SimLex-999|Wikipedia|MiB|KB|MB|ms|s|px|vs|e\.g|x|d|n|k|p|T|dk|d_k|Seoul|UTC|KST|OK|emoji)\b/g;

/** A handler's reply, or a message as Discord (or the emulator) stores it. */
export type Readable =
	| HandlerResponse
	| {
			content?: string;
			embeds?: APIEmbed[];
			components?: unknown[];
			files?: { description?: string }[];
			attachments?: { description?: string | null }[];
	  };

/**
 * The text a member reads in a reply, outside code, mentions, timestamps, links, command names and the names above:
 * content, embed titles, descriptions, fields, footers and authors, buttons' and menus' labels, modal titles and
 * labels, and file descriptions. `echoed` lists what the member typed, which is shown back as it was.
 */
export function readableText(response: Readable, echoed: readonly string[] = []): string {
	const parts: string[] = [];
	if ('modal' in response && isModalReply(response)) {
		const modal = response.modal as unknown as Record<string, unknown>;
		parts.push(typeof modal.title === 'string' ? modal.title : '');
		collectLabels(modal.components, parts);
	} else {
		const message = response as Exclude<Readable, HandlerResponse> & { files?: { description?: string }[] };
		parts.push(message.content ?? '');
		for (const embed of message.embeds ?? []) {
			parts.push(embed.title ?? '', embed.description ?? '', embed.footer?.text ?? '', embed.author?.name ?? '');
			for (const field of embed.fields ?? []) parts.push(field.name, field.value);
		}
		for (const file of message.files ?? message.attachments ?? []) parts.push(file.description ?? '');
		collectLabels(message.components, parts);
	}
	let text = parts.join('\n');
	for (const typed of echoed) text = text.split(typed).join(' ');
	return text
		.replace(/```[\s\S]*?```/g, ' ')
		.replace(/`[^`]*`/g, ' ')
		.replace(/<(?:@[!&]?|#|t:|a?:\w+:)[^>]*>/g, ' ')
		.replace(/\]\([^)]*\)/g, '] ')
		.replace(/https?:\/\/\S+/g, ' ')
		.replace(/(^|\s)\/[a-z][\w-]*(?:\s+[a-z][\w-]*:)?/g, ' ')
		.replace(/\b[a-z_]+:/g, ' ')
		.replace(NAMES, ' ');
}

function collectLabels(components: unknown, parts: string[]): void {
	if (!Array.isArray(components)) return;
	for (const component of components as Record<string, unknown>[]) {
		for (const key of ['label', 'placeholder', 'description', 'content'] as const) {
			if (typeof component[key] === 'string') parts.push(component[key]);
		}
		if (Array.isArray(component.options)) collectLabels(component.options, parts);
		if (Array.isArray(component.components)) collectLabels(component.components, parts);
		if (component.component) collectLabels([component.component], parts);
	}
}

/** Words of the text by script: Hangul words, and Latin words of two letters or more. */
export function wordsByScript(text: string): { korean: string[]; latin: string[] } {
	return {
		korean: text.match(/[\p{Script=Hangul}]+/gu) ?? [],
		latin: text.match(/[A-Za-z][A-Za-z'’-]*[A-Za-z]/g) ?? [],
	};
}

/**
 * Whether a reply reads as Korean: it has Korean words and at most one Latin word for every two Korean ones (outside
 * code, names and links). Returns the reason when it does not, for the test's message.
 */
export function koreanProblem(response: Readable, echoed: readonly string[] = []): string | null {
	const { korean, latin } = wordsByScript(readableText(response, echoed));
	if (korean.length === 0) return `no Korean words; English words: ${latin.slice(0, 12).join(' ')}`;
	if (latin.length * 2 > korean.length)
		return `${latin.length} English words against ${korean.length} Korean ones: ${latin.slice(0, 20).join(' ')}`;
	return null;
}

/** Whether a reply reads as English: no Korean words outside what the member typed. */
export function englishProblem(response: Readable, echoed: readonly string[] = []): string | null {
	const { korean } = wordsByScript(readableText(response, echoed));
	return korean.length ? `Korean words in an English reply: ${korean.slice(0, 12).join(' ')}` : null;
}
