import { beforeAll, describe, expect, it } from 'vitest';
import attention from '../../commands/attention.js';
import { pngSize } from '../../src/charts/index.js';
import { LIMITS } from '../../src/core/limits.js';
import { ATTENTION_MAX_TOKENS } from '../../src/demos/attention/input.js';
import { loadTinyGpt } from '../../src/models/transformer/index.js';
import { silentLogger } from '../helpers/silent-logger.js';
import { testDeps } from '../helpers/deps.js';
import { runForReply } from '../helpers/run-command.js';

let encode: (text: string) => number[];
beforeAll(async () => {
	const tokenizer = (await loadTinyGpt()).tokenizer!;
	encode = (text) => tokenizer.encode(text);
}, 60_000);

const SENTENCE = 'The old prince said to Natasha that she was late';

describe('/attention', () => {
	it('GIVEN only text THEN it draws layer 1, head 1 as one labelled map and explains what a row is', async () => {
		const reply = await runForReply(attention, { text: SENTENCE });
		const embed = reply.embeds![0]!;
		expect(embed.title).toBe('Attention: layer 1, head 1');
		expect(embed.description).toContain('every row sums to 1');
		expect(embed.description).toContain('causal mask');
		expect(embed.footer?.text).toBe(
			`tiny-gpt · ${encode(SENTENCE).length} tokens · 4 layers × 4 heads, counted from 1 · d_model 128, d_k 32`,
		);
		expect(reply.files!.map((f) => f.name)).toEqual(['attention-head.png']);
		expect(embed.image?.url).toBe('attachment://attention-head.png');
		expect(pngSize(reply.files![0]!.data)).toEqual({ width: 1000, height: 780 });
		expect(reply.files![0]!.description).toMatch(
			/^Heatmap of the attention weights of layer 1, head 1 over \d+ tokens/,
		);
	}, 60_000);

	it('GIVEN layer 2 and head 3 THEN members’ numbers are used as they typed them (counted from 1)', async () => {
		const reply = await runForReply(attention, { text: SENTENCE, layer: 2, head: 3 });
		expect(reply.embeds![0]!.title).toBe('Attention: layer 2, head 3');
		expect(reply.embeds![0]!.description).toContain('(layer 2, head 3; tokens numbered from 1)');
	}, 60_000);

	it('GIVEN Korean text THEN the reply says what the model saw (its bytes, counted by the tokenizer) and why', async () => {
		const text = '안녕하세요 반갑습니다';
		const tokens = encode('안녕하세요').length;
		// Counted, not assumed: the tokenizer learnt no merge for Hangul, so each UTF-8 byte is one token.
		expect(tokens).toBe(Buffer.byteLength('안녕하세요'));
		const reply = await runForReply(attention, { text });
		const description = reply.embeds![0]!.description!;
		expect(description).toContain(
			`\`안녕하세요\` (15 UTF-8 bytes) became ${tokens} tokens, one per byte. The map is of those bytes`,
		);
		expect(description).toContain('tiny-gpt learnt from English text only (Shakespeare’s plays');
		expect(description).toContain('try `/tokenize`');
		// Without an embedding model the member is not sent to one.
		expect(description).not.toContain('engine:openai');
		expect(reply.embeds![0]!.footer?.text).toContain(`tiny-gpt · ${encode(text).length} tokens`);
		const english = await runForReply(attention, { text: SENTENCE });
		expect(english.embeds![0]!.description).not.toContain('Korean');
	}, 60_000);

	it(`GIVEN a text over ${ATTENTION_MAX_TOKENS} tokens THEN the member is told how many tokens it has`, async () => {
		const text = 'The old prince said to Natasha that she was late. '.repeat(7);
		const count = encode(text).length;
		expect(count).toBeGreaterThan(ATTENTION_MAX_TOKENS);
		await expect(runForReply(attention, { text })).rejects.toMatchObject({
			code: 'attention.too-long',
			message: `Your text is ${count} tokens long for our model's tokenizer; /attention draws up to 64 tokens (a 64 × 64 map). Send a shorter part of it.`,
		});
	}, 60_000);

	it('GIVEN exactly 64 tokens THEN the map is drawn and the reply fits Discord’s limits', async () => {
		const ids = encode('The old prince said to Natasha that she was late. '.repeat(7)).slice(0, ATTENTION_MAX_TOKENS);
		const text = (await loadTinyGpt()).tokenizer!.decode(ids);
		expect(encode(text)).toHaveLength(ATTENTION_MAX_TOKENS);
		const reply = await runForReply(attention, { text });
		expect(reply.embeds![0]!.description!.length).toBeLessThanOrEqual(LIMITS.embedDescription);
		expect(pngSize(reply.files![0]!.data)!.width).toBe(1600);
	}, 60_000);

	it.each([
		[{ layer: 5 }, 'This model has 4 layers: pick `layer` 1–4 (1 is the layer nearest the input).'],
		[{ head: 9 }, 'Each layer of this model has 4 heads: pick `head` 1–4.'],
		[{ layer: 0 }, '`layer` must be at least 1.'],
		[{ head: 0 }, '`head` must be at least 1.'],
	])('GIVEN %j THEN the range is explained', async (options, message) => {
		await expect(runForReply(attention, { text: SENTENCE, ...options })).rejects.toThrow(message);
	});

	it('GIVEN view:heads THEN every head is drawn and the reply gives the heads’ habits and the shapes of the concatenation', async () => {
		const n = encode(SENTENCE).length;
		const reply = await runForReply(attention, { text: SENTENCE, layer: 2, view: 'heads', head: 3 });
		const description = reply.embeds![0]!.description!;
		expect(reply.embeds![0]!.title).toBe('Attention: all 4 heads of layer 2');
		expect(
			description.match(
				/^\*\*Head [1-4]\*\*: previous \d+% · first \d+% · itself \d+% · strongest `[^`]+` → `[^`]+` \d\.\d\d$/gm,
			),
		).toHaveLength(4);
		expect(description).toContain(
			`each head makes Q, K, V of ${n} × 32, weights of ${n} × ${n}, and an output weights · V of ${n} × 32. The 4 outputs side by side make ${n} × 128; × W_O (128 × 128) plus a bias gives ${n} × 128`,
		);
		expect(description).toContain('`head` is not used by `view:heads`');
		expect(reply.files!.map((f) => f.name)).toEqual(['attention-heads.png']);
	}, 60_000);

	it('GIVEN view:steps on a long text THEN the first 8 tokens are used, said so, three charts walk through the steps and the CSV is attached', async () => {
		const reply = await runForReply(attention, { text: 'To be, or not to be, that is the question', view: 'steps' });
		const description = reply.embeds![0]!.description!;
		expect(description).toContain('These are the first 8 of your 12 tokens.');
		expect(description).toContain('Row 8 (query “,”), d_k = 32, √32 = 5.6569');
		const charts = ['attention-steps-scores.png', 'attention-steps-softmax.png', 'attention-steps-output.png'];
		expect(reply.files!.map((f) => f.name)).toEqual([...charts, 'attention-steps.csv']);
		// One embed per chart, each with the text of its steps; the model's shape once, under the last.
		expect(reply.embeds!.map((e) => e.image?.url)).toEqual(charts.map((c) => `attachment://${c}`));
		expect(reply.embeds!.map((e) => e.title)).toEqual([
			'Attention step by step: layer 1, head 1',
			'③ Causal mask and ④ softmax',
			'V and ⑤ weights · V',
		]);
		expect(reply.embeds![1]!.description).toContain('the `weight` column of the table above');
		expect(reply.embeds![2]!.description).toMatch(/^\*\*Output, dimension 1\*\* = Σ weight × v/);
		expect(reply.embeds![2]!.description).toContain('at full precision: `attention-steps.csv`');
		expect(reply.embeds!.map((e) => e.footer !== undefined)).toEqual([false, false, true]);
		for (const file of reply.files!.slice(0, 3)) expect(pngSize(file.data)!.width).toBe(1200);
		const csv = reply.files![3]!.data.toString('utf8');
		expect(csv.split('\n').filter((l) => l.startsWith('q,'))).toHaveLength(8);
		expect(
			csv
				.split('\n')
				.find((l) => l.startsWith('q,1,'))!
				.split(','),
		).toHaveLength(3 + 32);
	}, 60_000);

	it('GIVEN view:steps on 3 tokens THEN all of them are used', async () => {
		const reply = await runForReply(attention, { text: 'Natasha', view: 'steps' });
		expect(encode('Natasha').length).toBeLessThan(8);
		expect(reply.embeds![0]!.description).not.toContain('These are the first');
	}, 60_000);

	it('GIVEN autocomplete on layer or head THEN it offers the model’s ranges, counted from 1, filtered by what was typed', async () => {
		const ctx = (name: string, value: string) => ({
			user: { id: '1', name: 'Mina', roles: [], permissions: 0n },
			guildId: null,
			locale: 'en-US',
			deps: testDeps(),
			log: silentLogger,
			args: {},
			subcommand: null,
			focused: { name, value },
		});
		expect(await attention.autocomplete!(ctx('layer', ''))).toEqual([
			{ name: 'Layer 1 of 4 (first, nearest the input)', value: 1 },
			{ name: 'Layer 2 of 4', value: 2 },
			{ name: 'Layer 3 of 4', value: 3 },
			{ name: 'Layer 4 of 4 (last, nearest the output)', value: 4 },
		]);
		expect(await attention.autocomplete!(ctx('head', '3'))).toEqual([{ name: 'Head 3 of 4', value: 3 }]);
		expect(await attention.autocomplete!(ctx('head', '7'))).toEqual([]);
	});
});
