import { get_encoding, type Tiktoken } from 'tiktoken';
import { afterAll, describe, expect, it } from 'vitest';
import tokenize from '../../commands/tokenize.js';
import { pngSize } from '../../src/charts/index.js';
import type { Reply } from '../../src/core/reply.js';
import { OPENAI_MODELS, type OpenAiModel } from '../../src/models/tokenizers/index.js';
import { runForReply } from '../helpers/run-command.js';
import { cases, code, englishProse, korean } from '../models/tokenizers/samples.js';

const MODELS: readonly OpenAiModel[] = ['gpt2', 'gpt-4', 'gpt-4o'];

const reference = new Map<OpenAiModel, Tiktoken>();
/** tiktoken's ids with no special tokens recognised, which is what /tokenize does. */
function tiktokenIds(model: OpenAiModel, text: string): number[] {
	let encoding = reference.get(model);
	if (!encoding) {
		encoding = get_encoding(OPENAI_MODELS[model]);
		reference.set(model, encoding);
	}
	return Array.from(encoding.encode_ordinary(text));
}
afterAll(() => {
	for (const encoding of reference.values()) encoding.free();
});

/** The ids a reply reports as text: per model, the listed ids, and the total when the list was cut. */
function reportedIds(reply: Reply): Map<string, { ids: number[]; total: number }> {
	const embed = reply.embeds![0]!;
	const blocks = embed.fields?.map((f) => ({ model: f.name.replace(/ ids$/, ''), text: f.value })) ?? [
		{ model: /^Tokens: (\S+)/.exec(embed.title!)![1]!, text: embed.description! },
	];
	const out = new Map<string, { ids: number[]; total: number }>();
	for (const { model, text } of blocks) {
		const match = /```py\n\[([^\]]*?)(, …)?\]\n```(?:\nfirst ([\d,]+) of ([\d,]+) ids)?/.exec(text);
		if (!match) throw new Error(`no id block for ${model}: ${text}`);
		const ids = match[1] === '' ? [] : match[1]!.split(/,\s+/).map(Number);
		const total = match[4] ? Number(match[4].replace(/,/g, '')) : ids.length;
		if (match[3]) expect(Number(match[3].replace(/,/g, ''))).toBe(ids.length);
		out.set(model, { ids, total });
	}
	return out;
}

/** The token count the description states for a model. */
function statedCount(reply: Reply, model: string): number {
	const line = reply.embeds![0]!.description!.split('\n').find((l) => l.startsWith(`**${model}**`))!;
	return Number(/\*\*([\d,]+) tokens?\*\*/.exec(line)![1]!.replace(/,/g, ''));
}

describe('/tokenize ids against the tiktoken package, through the command', () => {
	const samples: [string, string][] = [
		...Object.entries(cases).flatMap(([kind, texts]) => texts.map((t, i): [string, string] => [`${kind} ${i}`, t])),
		['korean prose', korean.slice(0, 4000)],
		['source code', [...code].slice(0, 4000).join('')],
		['english prose', englishProse(4000)],
		[
			'hostile: controls, bidi, joiners',
			'\u202eevil\u202c \u0000\u001b[31mred\u0007 \u200f\u200e a\u200b\u200db 👩‍👩‍👧 x\u0301 @everyone <@123>',
		],
	];

	it.each(samples)(
		'GIVEN %s with encoding:compare show:ids THEN every reported id and count is tiktoken’s',
		async (_name, text) => {
			const reply = await runForReply(tokenize, { text, encoding: 'compare', show: 'ids' });
			const reported = reportedIds(reply);
			for (const model of MODELS) {
				const expected = tiktokenIds(model, text);
				const got = reported.get(model)!;
				expect(got.total, model).toBe(expected.length);
				expect(got.ids, model).toEqual(expected.slice(0, got.ids.length));
				expect(statedCount(reply, model), model).toBe(expected.length);
				const file = reply.files!.find((f) => f.name === `ids-${model}.txt`);
				if (got.ids.length < expected.length) expect(file!.data.toString('utf8')).toBe(`${expected.join('\n')}\n`);
				else expect(file).toBeUndefined();
			}
		},
	);

	it('GIVEN a short text and one encoding THEN the whole id list is in the description', async () => {
		const reply = await runForReply(tokenize, { text: 'Hello, world!', encoding: 'gpt-4', show: 'ids' });
		expect(reply.embeds![0]!.description).toContain('```py\n[9906, 11, 1917, 0]\n```');
		expect(reply.embeds![0]!.title).toBe('Tokens: gpt-4 (cl100k_base)');
	});

	it('GIVEN lone surrogates THEN the ids are tiktoken’s (U+FFFD) and the reply says they were replaced', async () => {
		const text = 'half \ud83d emoji \udc00!';
		const reply = await runForReply(tokenize, { text, show: 'ids' });
		expect(reportedIds(reply).get('gpt-4o')!.ids).toEqual(tiktokenIds('gpt-4o', text));
		expect(reply.embeds![0]!.description).toContain('2 lone surrogates');
	});
});

describe('/tokenize replies', () => {
	it('GIVEN the command THEN it defers, because building an encoding can take longer than Discord’s window', () => {
		expect(tokenize.defer).toBe(true);
	});

	it('GIVEN no options but text THEN gpt-4o is used and the reply carries the chart as its embed image', async () => {
		const reply = await runForReply(tokenize, { text: 'Hello 안녕하세요 🙂' });
		const embed = reply.embeds![0]!;
		expect(embed.title).toBe('Tokens: gpt-4o (o200k_base)');
		expect(embed.image?.url).toBe('attachment://tokens.png');
		expect(reply.files![0]!.name).toBe('tokens.png');
		// A short text: the chart is as wide as its tokens need, so Discord shrinks it less.
		expect(pngSize(reply.files![0]!.data)?.width).toBeLessThan(1200);
		expect(pngSize(reply.files![0]!.data)?.width).toBeGreaterThanOrEqual(560);
		expect(embed.fields).toBeUndefined();
	});

	it('GIVEN Korean and encoding:compare THEN the counts fall from gpt2 to gpt-4o and the ratio is stated', async () => {
		const text = 'GPT-4o는 한국어를 GPT-2보다 적은 토큰으로 나눕니다.';
		const reply = await runForReply(tokenize, { text, encoding: 'compare' });
		const counts = MODELS.map((m) => statedCount(reply, m));
		expect(counts[0]).toBeGreaterThan(counts[1]!);
		expect(counts[1]).toBeGreaterThan(counts[2]!);
		const ratio = (counts[0]! / counts[2]!).toFixed(2);
		expect(reply.embeds![0]!.description).toContain(`gpt2 needs **${ratio}×** the tokens gpt-4o needs`);
		expect(reply.embeds![0]!.description).toContain('`show:bytes`');
	});

	it('GIVEN a text over 4,000 characters (10,000 emoji) THEN a UserError says how long it is and nothing is drawn', async () => {
		await expect(runForReply(tokenize, { text: '😀'.repeat(10_000) })).rejects.toMatchObject({
			code: 'tokenize.too-long',
			message: expect.stringContaining('Your text has 10,000 characters; /tokenize takes up to 4,000'),
		});
	});

	it('GIVEN 4,000 emoji (8,000 UTF-16 units) THEN it is within the limit, counted as Discord counts characters', async () => {
		const reply = await runForReply(tokenize, { text: '🙂'.repeat(4000), encoding: 'gpt2' });
		expect(statedCount(reply, 'gpt2')).toBe(tiktokenIds('gpt2', '🙂'.repeat(4000)).length);
		expect(reply.embeds![0]!.description).toMatch(
			/The chart draws the first [\d,]+ of [\d,]+ gpt2 tokens \([\d,]+ not drawn\)/,
		);
	});

	it('GIVEN @everyone and a user mention in the text THEN the reply pings nobody and keeps the text out of its content', async () => {
		const reply = await runForReply(tokenize, {
			text: '@everyone <@123456789012345678> hi',
			encoding: 'compare',
			show: 'bytes',
		});
		expect(reply.content).toBeUndefined();
		expect(reply.allowedUserMentions).toBeUndefined();
		expect(JSON.stringify(reply.embeds)).not.toContain('@everyone');
	});

	it('GIVEN only whitespace THEN it is tokenized, not refused', async () => {
		const reply = await runForReply(tokenize, { text: ' \n\t ', encoding: 'gpt-4o', show: 'bytes' });
		expect(statedCount(reply, 'gpt-4o')).toBe(tiktokenIds('gpt-4o', ' \n\t ').length);
	});
});
