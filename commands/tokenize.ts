import { ApplicationCommandOptionType as T } from 'discord-api-types/v10';
import { defineCommand } from '../src/core/command.js';
import { checkTokenizeText, modelsFor, TOKENIZE_MAX_CHARACTERS } from '../src/demos/tokenize/input.js';
import { tokenizeReply } from '../src/demos/tokenize/reply.js';
import { familyCountsReply } from '../src/demos/tokenize/families-reply.js';
import { chatFamiliesFor } from '../src/demos/tokenize/chat.js';
import { chatReply } from '../src/demos/tokenize/chat-reply.js';
import { t } from '../src/i18n/index.js';
import { withRerun } from '../src/demos/rerun/index.js';
import { DEMO_COOLDOWN } from '../src/core/rate-limit.js';

export default defineCommand({
	data: {
		name: 'tokenize',
		description: 'See how GPT, Claude, Llama, Gemma, Qwen, DeepSeek and Mistral tokenizers split your text',
		options: [
			{
				type: T.String,
				name: 'text',
				description: `The text to split (up to ${TOKENIZE_MAX_CHARACTERS.toLocaleString('en-US')} characters)`,
				required: true,
			},
			{
				type: T.String,
				name: 'encoding',
				description: 'Which tokenizer (default GPT-4o); compare stacks up to four; all counts every family',
				choices: [
					{ name: 'GPT-4o (o200k_base)', value: 'gpt-4o' },
					{ name: 'GPT-4 (cl100k_base)', value: 'gpt-4' },
					{ name: 'GPT-2 (r50k_base)', value: 'gpt2' },
					{ name: 'Claude (the tokenizer published for earlier Claude models)', value: 'claude' },
					{ name: 'Llama 3', value: 'llama-3' },
					{ name: 'Gemma 3', value: 'gemma-3' },
					{ name: 'Qwen 3', value: 'qwen-3' },
					{ name: 'DeepSeek-V3', value: 'deepseek-v3' },
					{ name: 'Mistral (Tekken: NeMo, Large 2)', value: 'mistral' },
					{ name: 'Compare (families below, or OpenAI’s three)', value: 'compare' },
					{ name: 'All families: token counts side by side', value: 'all' },
				],
			},
			{
				type: T.String,
				name: 'families',
				description: 'With compare: up to four, e.g. "gpt-4o llama-3 gemma-3 claude"',
				max_length: 100,
			},
			{
				type: T.String,
				// No `tokens` choice: the default already draws every token with its id, and a choice that changes
				// nothing read as broken (issue 16).
				name: 'show',
				description: 'What to show with the tokens (default: tokens and ids)',
				choices: [
					{ name: 'Also the id list as text', value: 'ids' },
					{ name: 'Also every token’s UTF-8 bytes', value: 'bytes' },
					{ name: 'As a chat: each family’s chat template, special tokens marked', value: 'chat' },
				],
			},
			{
				type: T.String,
				name: 'system',
				description: 'With show:chat: the system message (default “You are a helpful assistant.”)',
				max_length: 500,
			},
		],
	},
	cooldown: DEMO_COOLDOWN,
	// Building an encoding takes up to a second on first use, more on a busy machine: acknowledge at once.
	defer: true,
	async run({ args, deps }) {
		checkTokenizeText(args.text);
		const show = args.show ?? 'tokens';
		if (show === 'chat') {
			const families = chatFamiliesFor(args.encoding, args.families);
			const system = args.system ?? t('chat.defaultSystem');
			const out = await deps.compute.run('tokenize.chat', { system, user: args.text, families });
			return withRerun(chatReply(out), 'tokenize', args, deps);
		}
		if (args.encoding === 'all')
			return familyCountsReply(await deps.compute.run('tokenize.families', { text: args.text }));
		const out = await deps.compute.run('tokenize.chart', {
			text: args.text,
			models: modelsFor(args.encoding ?? 'gpt-4o', args.families),
			show,
		});
		return withRerun(tokenizeReply(out, show), 'tokenize', args, deps);
	},
});
