import { describe, expect, it } from 'vitest';
import type { TokenizeChartOutput, TokenizeStrip } from '../../../src/demos/tokenize/task.js';
import { encodingName } from '../../../src/demos/tokenize/chart.js';
import { comparisonLine, countLine, idBlock, notes, tokenizeReply } from '../../../src/demos/tokenize/reply.js';

const strip = (model: TokenizeStrip['model'], count: number, extra: Partial<TokenizeStrip> = {}): TokenizeStrip => ({
	model,
	encoding: encodingName(model),
	ids: Array.from({ length: count }, (_, i) => 100_000 + i),
	drawn: count,
	partial: 0,
	...extra,
});
const output = (strips: TokenizeStrip[], extra: Partial<TokenizeChartOutput> = {}): TokenizeChartOutput => ({
	strips,
	characters: 60,
	bytes: 90,
	replacedSurrogates: 0,
	png: new Uint8Array([1, 2, 3]),
	...extra,
});

describe('idBlock', () => {
	it('GIVEN ids that fit THEN the whole list is a Python list in a code block', () => {
		expect(idBlock([9906, 11, 1917, 0], 100)).toBe('```py\n[9906, 11, 1917, 0]\n```');
	});

	it('GIVEN too many ids THEN the list is cut after a whole id, within the limit, saying how many are shown and where all are', () => {
		const ids = Array.from({ length: 500 }, (_, i) => 123_456 + i);
		const block = idBlock(ids, 1024, 'gpt2');
		expect(block.length).toBeLessThanOrEqual(1024);
		const match = /^```py\n\[([\d,\s]+), …\]\n```\nfirst (\d+) of 500 ids; all of them are in ids-gpt2\.txt$/.exec(
			block,
		)!;
		const shown = match[1]!.split(/,\s+/).map(Number);
		expect(shown).toEqual(ids.slice(0, shown.length));
		expect(Number(match[2])).toBe(shown.length);
		// Nearly all of the room is used: one more line of ids would not fit.
		expect(block.length + 40).toBeGreaterThan(1024);
	});

	it('GIVEN any number of ids THEN no line of the block is longer than a phone shows (40 characters)', () => {
		for (const n of [1, 7, 50, 500]) {
			const block = idBlock(
				Array.from({ length: n }, (_, i) => 100_000 + i),
				1024,
			);
			for (const line of block.split('\n')) if (!line.startsWith('first')) expect(line.length).toBeLessThanOrEqual(40);
		}
	});
});

describe('count and comparison lines', () => {
	it('GIVEN 60 characters in 26 tokens THEN characters per token has two decimals', () => {
		expect(countLine(strip('gpt-4o', 26), 60)).toBe(
			'**gpt-4o** · o200k_base: **26 tokens**, 2.31 characters per token',
		);
		expect(countLine(strip('gpt2', 1), 1)).toBe('**gpt2** · r50k_base: **1 token**, 1.00 characters per token');
	});

	it('GIVEN three counts THEN the most is compared with the fewest', () => {
		expect(comparisonLine([strip('gpt2', 50), strip('gpt-4', 32), strip('gpt-4o', 25)])).toBe(
			'gpt2 needs **2.00×** the tokens gpt-4o needs for this text: a model pays per token, in money and in context length.',
		);
		expect(comparisonLine([strip('gpt2', 5), strip('gpt-4o', 5)])).toBe(
			'All 2 tokenizers need the same number of tokens for this text.',
		);
		expect(comparisonLine([strip('gpt2', 5)])).toBeUndefined();
	});
});

describe('notes', () => {
	it('GIVEN a cut chart, replaced surrogates and partial tokens THEN each is said', () => {
		const out = output([strip('gpt2', 1000, { drawn: 180, partial: 3 })], { replacedSurrogates: 2 });
		expect(notes(out, 'tokens')).toEqual([
			'The chart draws the first 180 of 1,000 gpt2 tokens (820 not drawn); the counts cover them all.',
			'2 lone surrogates (half of an emoji’s UTF-16 pair) became U+FFFD (�) before tokenizing, as tiktoken does.',
			'Tokens drawn as � hold only part of a character: `show:bytes` shows their UTF-8 bytes.',
		]);
		expect(notes(out, 'bytes')).toHaveLength(2);
	});
});

describe('tokenizeReply', () => {
	it('GIVEN show:ids with one encoding THEN the ids follow the counts in the description, no fields', () => {
		const reply = tokenizeReply(output([strip('gpt-4o', 3)]), 'ids');
		const embed = reply.embeds![0]!;
		expect(embed.description).toBe(
			'**gpt-4o** · o200k_base: **3 tokens**, 20.00 characters per token\n60 characters (Unicode code points), 90 UTF-8 bytes\n```py\n[100000, 100001, 100002]\n```',
		);
		expect(embed.fields).toBeUndefined();
		expect(reply.files![0]).toMatchObject({
			name: 'tokens.png',
			description: 'Token chart: each token of the text as a coloured span with its id. gpt-4o (o200k_base) 3 tokens.',
		});
	});

	it('GIVEN show:ids compared THEN each encoding’s ids are a field within the field limit', () => {
		const reply = tokenizeReply(output([strip('gpt2', 900), strip('gpt-4', 400), strip('gpt-4o', 300)]), 'ids');
		const fields = reply.embeds![0]!.fields!;
		expect(fields.map((f) => f.name)).toEqual(['gpt2 ids', 'gpt-4 ids', 'gpt-4o ids']);
		for (const f of fields) expect(f.value.length).toBeLessThanOrEqual(1024);
	});

	it('GIVEN show:ids with more ids than fit THEN every id is in an attached text file, one per line', () => {
		const reply = tokenizeReply(output([strip('gpt2', 900), strip('gpt-4o', 3)]), 'ids');
		const file = reply.files!.find((f) => f.name === 'ids-gpt2.txt')!;
		expect(file.data.toString('utf8')).toBe(`${strip('gpt2', 900).ids.join('\n')}\n`);
		expect(reply.files!.map((f) => f.name)).toEqual(['tokens.png', 'ids-gpt2.txt']);
	});
});

describe('the show option', () => {
	it('GIVEN /tokenize’s show choices THEN none is the default view again (the default already draws tokens and ids); chat is its own view', async () => {
		const { default: tokenize } = await import('../../../commands/tokenize.js');
		const show = tokenize.data.options.find((o) => o.name === 'show');
		expect(show && 'choices' in show ? show.choices.map((c) => c.value) : []).toEqual(['ids', 'bytes', 'chat']);
	});
});
