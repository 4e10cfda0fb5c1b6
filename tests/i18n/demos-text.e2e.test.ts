import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import attention from '../../commands/attention.js';
import similarity from '../../commands/similarity.js';
import tokenize from '../../commands/tokenize.js';
import { createWorkerPool } from '../../src/compute/pool.js';
import type { DiscordBot } from '../../src/discord/start.js';
import { loadTinyGpt } from '../../src/models/transformer/index.js';
import { startEmulator, type DiscordEmulator } from '../emulator/index.js';
import type { InteractionOutcome } from '../emulator/interaction-record.js';
import { startBotOnEmulator } from '../helpers/discord-bot.js';
import { englishProblem, koreanProblem } from '../helpers/readable-text.js';
import { renderBarChart } from '../../src/charts/index.js';
import { familyCountsReply } from '../../src/demos/tokenize/families-reply.js';
import { familyCountsChart } from '../../src/demos/tokenize/families.js';
import { withLanguage } from '../../src/i18n/index.js';
import { loadFamily } from '../../src/models/tokenizers/index.js';

type Options = Record<string, string | number>;

/**
 * /tokenize, /similarity and /attention in the member's language, end to end: the real bot logged into the Discord
 * emulator (which checks every body against Discord's spec), each demo's main views, its errors and /attention's
 * autocomplete, once with locale `ko` (the readable text must be Korean) and once with `en-US` (no Korean but what the
 * member typed). Korean input to the English-only models (the word vectors, tiny-gpt) must say what the model saw,
 * why, and which demo reads Korean, in the member's language.
 */
describe('the demos /tokenize, /similarity and /attention in Korean and in English', () => {
	let emulator: DiscordEmulator;
	let bot: DiscordBot;
	let encode: (text: string) => number[];

	beforeAll(async () => {
		emulator = await startEmulator({ heartbeatIntervalMs: 1000 });
		bot = await startBotOnEmulator(emulator, {
			compute: createWorkerPool({ threads: 1 }),
			commands: [tokenize, similarity, attention],
		});
		const tokenizer = (await loadTinyGpt()).tokenizer!;
		encode = (text) => tokenizer.encode(text);
	}, 60_000);
	afterAll(async () => {
		await bot?.stop();
		await emulator?.stop();
	});

	// One member per language, so that neither reaches the demos' rate limit (12 runs a minute per command).
	const MEMBER = { 'ko': 'ada', 'en-US': 'alan' } as const;

	async function run(locale: 'ko' | 'en-US', name: string, options: Options): Promise<InteractionOutcome> {
		const outcome = await emulator
			.dispatchInteraction({ type: 'command', name, options, user: MEMBER[locale], locale: locale as never })
			.answered({ timeoutMs: 60_000, quietMs: 300 });
		expect(emulator.violations).toEqual([]);
		expect(emulator.unknownRoutes).toEqual([]);
		return outcome;
	}

	/** The message a member reads: the reply, or the ❌ follow-up that replaced the loading message. */
	const answer = (outcome: InteractionOutcome) => (outcome.followUps[0] ?? outcome.original)!.message;

	/** The member's words, which are shown back as typed. */
	const typed = (options: Options): string[] =>
		Object.values(options)
			.map(String)
			.flatMap((v) => [v, ...v.split(/[\s,|]+/)])
			.filter((v) => v.length > 1)
			.sort((a, b) => b.length - a.length);

	/**
	 * Words the English word vectors answered with (neighbours, analogy answers, the words on the map): data shown as
	 * the vocabulary has them, like what the member typed.
	 */
	const vocabularyWords = (message: ReturnType<typeof answer>): string[] =>
		(message.embeds ?? []).flatMap((e) => [
			...[...(e.description ?? '').matchAll(/^\d+\. \**([^*\s]+)\** — /gmu)].map((m) => m[1]!),
			...[...(e.description ?? '').matchAll(/^\*\*[^*]+\*\*: (.+)$/gmu)].flatMap((m) => m[1]!.split(', ')),
			...[...(e.title ?? '').matchAll(/≈ (\S+)$/gu)].map((m) => m[1]!),
		]);

	function expectLanguage(locale: 'ko' | 'en-US', outcome: InteractionOutcome, options: Options): void {
		const message = answer(outcome);
		const shown = [...typed(options), ...vocabularyWords(message)].sort((a, b) => b.length - a.length);
		const problem = locale === 'ko' ? koreanProblem(message, shown) : englishProblem(message, shown);
		expect(problem, JSON.stringify(message.embeds?.[0] ?? message.content).slice(0, 600)).toBeNull();
	}

	const CASES: [string, Options, 'reply' | 'error'][] = [
		['tokenize', { text: 'Hello 안녕하세요 🙂' }, 'reply'],
		['tokenize', { text: 'unbelievable tokenization', encoding: 'compare', show: 'ids' }, 'reply'],
		['tokenize', { text: 'token', encoding: 'gpt-4o', show: 'bytes' }, 'reply'],
		['tokenize', { text: 'hi', encoding: 'compare', families: 'gpt-4o gpt-5' }, 'error'],
		['tokenize', { text: 'hi', encoding: 'compare', families: 'gpt2 gpt-4 gpt-4o llama-3 qwen-3' }, 'error'],
		['similarity', { words: 'king queen' }, 'reply'],
		['similarity', { words: 'cat dog car' }, 'reply'],
		['similarity', { words: 'paris' }, 'reply'],
		['similarity', { words: 'tea coffee', mode: 'map' }, 'reply'],
		['similarity', { words: 'king - man + woman' }, 'reply'],
		['similarity', { words: 'kingg queen' }, 'error'],
		['similarity', { words: 'king queen prince', mode: 'pair' }, 'error'],
		['similarity', { words: 'a cat | a dog', engine: 'openai' }, 'error'],
		['attention', { text: 'The old prince said to Natasha' }, 'reply'],
		['attention', { text: 'The old prince said to Natasha', view: 'heads', head: 2 }, 'reply'],
		['attention', { text: 'The old prince said to Natasha that she was late', view: 'steps' }, 'reply'],
		['attention', { text: 'The old prince', layer: 9 }, 'error'],
	];

	for (const locale of ['ko', 'en-US'] as const) {
		it.each(CASES)(
			`GIVEN locale ${locale} and /%s %j THEN the %s reads in the member's language`,
			async (name, options, kind) => {
				const outcome = await run(locale, name, options);
				const message = answer(outcome);
				if (kind === 'reply') expect(outcome.original!.files.length).toBeGreaterThan(0);
				else expect(message.content).toMatch(/^❌/);
				expectLanguage(locale, outcome, options);
			},
			90_000,
		);
	}

	it('GIVEN the encoding:all reply and chart THEN they read in the member’s language', async () => {
		// Built directly: loading all nine tokenizer families takes half a minute, which the emulator adds nothing to.
		const text = '안녕하세요, world';
		const counts = await Promise.all(
			(['gpt-4o', 'gpt2'] as const).map(async (family) => {
				const tokens = (await loadFamily(family)).encode(text).length;
				return { family, tokens, perToken: [...text].length / tokens };
			}),
		);
		for (const [language, problem] of [
			['ko', koreanProblem],
			['en', englishProblem],
		] as const) {
			const reply = await withLanguage(language, async () => {
				const chart = familyCountsChart(text, counts);
				return familyCountsReply({ characters: [...text].length, counts, chart, png: await renderBarChart(chart) });
			});
			expect(problem(reply, [text])).toBeNull();
		}
	}, 60_000);

	it("GIVEN /attention's layer and head autocomplete THEN the choices are named in the member's language", async () => {
		for (const [locale, layer, head] of [
			['ko', '4개 층 중 1층 (첫 층, 입력에 가장 가까움)', '헤드 4개 중 2번'],
			['en-US', 'Layer 1 of 4 (first, nearest the input)', 'Head 2 of 4'],
		] as const) {
			const ask = (focused: string) =>
				emulator
					.dispatchInteraction({
						type: 'autocomplete',
						name: 'attention',
						options: { text: 'hi', [focused]: focused === 'layer' ? '1' : '2' },
						focused,
						user: MEMBER[locale],
						locale: locale as never,
					})
					.answered({ timeoutMs: 30_000, quietMs: 100 });
			expect((await ask('layer')).choices?.[0]?.name).toBe(layer);
			expect((await ask('head')).choices?.[0]?.name).toBe(head);
		}
	}, 60_000);

	it('GIVEN /similarity 김치 THEN the reply says the word vectors learnt English only and points to the demos that read Korean, in the member’s language', async () => {
		const korean = answer(await run('ko', 'similarity', { words: '김치' })).content;
		expect(korean).toContain('`김치`: 이 단어 벡터에는 한국어 단어가 하나도 없습니다.');
		expect(korean).toContain('영어 텍스트(Wikipedia와 Gigaword 뉴스)로 학습한 GloVe 벡터');
		expect(korean).toContain('`/tokenize`');
		expect(korean).toContain('`engine:openai`');
		expect(korean).not.toMatch(/not in the vocabulary/);
		const english = answer(await run('en-US', 'similarity', { words: '김치' })).content;
		expect(english).toContain('`김치`: the word vectors have no Korean words.');
		expect(english).toContain('learnt from English text (Wikipedia and Gigaword news)');
		expect(english).toContain('`/tokenize`');
		expect(english).toContain('`engine:openai`');
		expect(englishProblem({ content: english }, ['김치'])).toBeNull();
		expect(koreanProblem({ content: korean }, ['김치'])).toBeNull();
	}, 60_000);

	it('GIVEN /attention 안녕하세요 반갑습니다 THEN the reply says the model saw bytes, counted, and why, in the member’s language', async () => {
		const text = '안녕하세요 반갑습니다';
		const tokens = encode('안녕하세요').length;
		expect(tokens).toBe(15);
		const korean = await run('ko', 'attention', { text });
		const ko = answer(korean).embeds[0]!;
		expect(ko.description).toContain(
			`\`안녕하세요\`(UTF-8로 15바이트)는 바이트마다 하나씩, 토큰 ${tokens}개가 되었습니다.`,
		);
		expect(ko.description).toContain('영어 텍스트(셰익스피어의 희곡과 톨스토이의 『전쟁과 평화』)로만 학습했습니다');
		expect(ko.description).toContain('`/tokenize`');
		expect(ko.footer?.text).toContain(`토큰 ${encode(text).length}개`);
		expectLanguage('ko', korean, { text });
		const english = await run('en-US', 'attention', { text });
		const en = answer(english).embeds[0]!;
		expect(en.description).toContain(`\`안녕하세요\` (15 UTF-8 bytes) became ${tokens} tokens, one per byte.`);
		expect(en.description).toContain('learnt from English text only (Shakespeare’s plays and Tolstoy’s War and Peace)');
		expect(en.description).toContain('`/tokenize`');
		expectLanguage('en-US', english, { text });
	}, 90_000);
});
