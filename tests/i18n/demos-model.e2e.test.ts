import type { APIEmbed, Locale } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ffn from '../../commands/ffn.js';
import positions from '../../commands/positions.js';
import residual from '../../commands/residual.js';
import sample from '../../commands/sample.js';
import { createWorkerPool } from '../../src/compute/pool.js';
import type { DiscordBot } from '../../src/discord/start.js';
import { startEmulator, type DiscordEmulator } from '../emulator/index.js';
import type { InteractionOutcome } from '../emulator/interaction-record.js';
import { startBotOnEmulator } from '../helpers/discord-bot.js';
import { startOpenAiServer, type OpenAiTestServer } from '../helpers/openai-server.js';
import { englishProblem, koreanProblem } from '../helpers/readable-text.js';

/**
 * /sample, /positions, /ffn and /residual in Korean and in English, end to end: the real bot on the Discord emulator
 * (every body checked against Discord's OpenAPI spec), our model in one worker thread (which writes the charts in
 * the member's language), and engine:openai against a local OpenAI-compatible server, so a language model is
 * configured. A Korean member gets Korean, an English one English, whatever language the text they typed is in.
 */
describe('the model demos in the member’s language', () => {
	let emulator: DiscordEmulator;
	let bot: DiscordBot;
	let server: OpenAiTestServer;

	beforeAll(async () => {
		server = await startOpenAiServer();
		emulator = await startEmulator({ heartbeatIntervalMs: 1000 });
		bot = await startBotOnEmulator(emulator, {
			compute: createWorkerPool({ threads: 1 }),
			commands: [sample, positions, ffn, residual],
			env: { OPENAI_API_KEY: server.apiKey, OPENAI_BASE_URL: server.url },
		});
	}, 60_000);
	afterAll(async () => {
		await bot?.stop();
		await emulator?.stop();
		await server?.close();
	});

	async function run(
		name: string,
		options: Record<string, string | number>,
		locale: 'ko' | 'en-US',
	): Promise<InteractionOutcome> {
		const outcome = await emulator
			.dispatchInteraction({ type: 'command', name, options, user: 'alan', locale: locale as Locale })
			.answered({ timeoutMs: 60_000, quietMs: 300 });
		expect(emulator.violations).toEqual([]);
		expect(emulator.unknownRoutes).toEqual([]);
		return outcome;
	}

	/** The reply a member reads: the message, or the ❌ follow-up a deferred command's error becomes. */
	function message(outcome: InteractionOutcome) {
		return (outcome.followUps[0] ?? outcome.original)!.message;
	}

	/**
	 * What the reply shows but the bot did not write: the model's own text (quoted lines: tiny-gpt continues in
	 * English), and /ffn's corpus examples (quoted from the English training text).
	 */
	function modelWords(embeds: readonly APIEmbed[]): string[] {
		const texts = embeds.flatMap((e) => [e.description ?? '', ...(e.fields ?? []).map((f) => f.value)]);
		const quoted = texts.flatMap((t) => t.split('\n').filter((line) => line.startsWith('> ')));
		const examples = texts.flatMap((t) => t.split('\n').filter((line) => /^….*… \(−?\d+\.\d\d\)$/.test(line)));
		// Longest first, so that a short quote (`> ,`) does not cut a longer one before it is taken out whole.
		return [...quoted, ...examples].sort((x, y) => y.length - x.length);
	}

	function expectLanguage(outcome: InteractionOutcome, locale: 'ko' | 'en-US', typed: string[] = []): void {
		const m = message(outcome);
		const echoed = [...typed, ...modelWords(m.embeds)];
		if (locale === 'ko') expect(koreanProblem(m, echoed)).toBeNull();
		else expect(englishProblem(m, echoed)).toBeNull();
	}

	const KOREAN = '안녕하세요 반갑습니다';
	// 10 Hangul syllables of 3 UTF-8 bytes, one token each (tests/demos/english-only.test.ts), and the space.
	const KOREAN_TOKENS = Buffer.byteLength(KOREAN, 'utf8');

	it.each(['ko', 'en-US'] as const)(
		'GIVEN /sample with a Korean prompt in %s THEN the reply says tiny-gpt saw bytes, why, and where Korean works',
		async (locale) => {
			const outcome = await run('sample', { prompt: KOREAN, tokens: 8, samples: 3, top_p: 0.9 }, locale);
			const embed = message(outcome).embeds[0]!;
			const note =
				locale === 'ko'
					? [`**토큰 ${KOREAN_TOKENS}개**`, `한글 10자만 해도`, `${KOREAN_TOKENS - 1}개`, '`/sample engine:openai`']
					: [`your text became **${KOREAN_TOKENS} tokens**`, `its 10 Korean characters alone are 30 of them`];
			for (const part of note) expect(embed.description).toContain(part);
			expect(embed.description).toContain('`/sample engine:openai`');
			expect(embed.description).toContain('`/tokenize encoding:all`');
			expectLanguage(outcome, locale, [KOREAN]);
		},
		90_000,
	);

	it.each(['ko', 'en-US'] as const)(
		'GIVEN /sample in English with temperature 0, beam search and engine:openai in %s THEN each reply is in that language',
		async (locale) => {
			const greedy = await run('sample', { prompt: 'To be, or not to be', tokens: 5, temperature: 0 }, locale);
			expect(message(greedy).embeds[0]!.description).not.toContain('tiny-gpt');
			expectLanguage(greedy, locale);
			const beam = await run('sample', { prompt: 'The old prince', strategy: 'beam', width: 2, tokens: 4 }, locale);
			expectLanguage(beam, locale);
			const openai = await run('sample', { prompt: 'The cat sat on the', engine: 'openai', samples: 5 }, locale);
			expect(message(openai).embeds).toHaveLength(2);
			expectLanguage(openai, locale);
		},
		90_000,
	);

	it.each(['ko', 'en-US'] as const)(
		'GIVEN /positions in %s THEN its three embeds read in that language',
		async (locale) => {
			const outcome = await run('positions', { length: 200, dims: 16 }, locale);
			expect(message(outcome).embeds).toHaveLength(3);
			expectLanguage(outcome, locale);
		},
		60_000,
	);

	it.each(['ko', 'en-US'] as const)(
		'GIVEN /ffn and /residual with Korean text in %s THEN they explain the bytes too, in that language',
		async (locale) => {
			for (const name of ['ffn', 'residual']) {
				const outcome = await run(name, { text: `the king, ${KOREAN}, the king` }, locale);
				const first = message(outcome).embeds[0]!.description!;
				expect(first).toContain(locale === 'ko' ? '**tiny-gpt는 영어만 압니다.**' : '**tiny-gpt knows only English.**');
				expect(first).toContain(locale === 'ko' ? `한글 10자만 해도` : 'its 10 Korean characters alone are 30 of them');
				expectLanguage(outcome, locale, [KOREAN]);
			}
			const english = await run('residual', { text: 'To be, or not to be' }, locale);
			expect(message(english).embeds[0]!.description).not.toContain('tiny-gpt');
			expectLanguage(english, locale);
		},
		90_000,
	);

	it.each(['ko', 'en-US'] as const)(
		'GIVEN a wrong option for each demo in %s THEN the error says what to do in that language',
		async (locale) => {
			const errors = [
				await run('sample', { prompt: 'Hi', strategy: 'beam', engine: 'openai' }, locale),
				await run('sample', { prompt: 'Hi', strategy: 'beam', tokens: 30 }, locale),
				await run('positions', { dims: 15 }, locale),
				await run('ffn', { text: 'Hi', layer: 9 }, locale),
				await run('residual', { text: '안'.repeat(50) }, locale),
			];
			for (const outcome of errors) {
				const m = message(outcome);
				expect(m.embeds).toEqual([]);
				expect(m.content).not.toBe('');
				expectLanguage(outcome, locale);
			}
			expect(message(errors[4]!).content).toContain('150');
		},
		90_000,
	);
});
