import { Locale, type APIMessage } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordBot } from '../../src/discord/start.js';
import type { Language } from '../../src/i18n/index.js';
import { manualWake } from '../../src/jobs/scheduler.js';
import { startEmulator, type DiscordEmulator } from '../emulator/index.js';
import type { InteractionOutcome } from '../emulator/interaction-record.js';
import { ManualClock } from '../helpers/deps.js';
import { startBotOnEmulator } from '../helpers/discord-bot.js';
import { englishProblem, koreanProblem, type Readable } from '../helpers/readable-text.js';
import { tutorHarness, type TutorHarness } from '../llm/harness.js';

/**
 * The meeting commands in each member's language, end to end (the real bot on the Discord emulator): /quiz practice
 * and its buttons, /review, /present, /schedule show and preview, a live quiz's posts, the weekly post, and /ask on a
 * bot without an AI tutor. A Korean member reads Korean (from the Korean curriculum pages), an English one English;
 * public posts follow the server's language.
 */
describe('/quiz, /review, /present, /schedule, the live quiz, the weekly post and /ask in Korean and English', () => {
	let emulator: DiscordEmulator;
	let bot: DiscordBot;
	let guildId: string;
	let general: string;
	let studyLab: string;
	// A Monday 10:00 in Seoul (after a Monday 09:00 post time), at a whole second so snowflakes stay plausible.
	const clock = new ManualClock(nextSeoulMonday10());

	beforeAll(async () => {
		emulator = await startEmulator({ heartbeatIntervalMs: 1000 });
		guildId = [...emulator.world.guilds.keys()][0]!;
		general = emulator.world.channelByName('general', guildId).id;
		studyLab = emulator.world.channelByName('study-lab', guildId).id;
		// The runner and the scheduler act only when the test asks, so every post is the one the test looks at.
		bot = await startBotOnEmulator(emulator, { clock, schedulerWake: manualWake, liveQuizTickMs: 3_600_000 });
	}, 60_000);
	afterAll(async () => {
		await bot?.stop();
		await emulator?.stop();
	});

	const locales = [
		{ locale: Locale.Korean, language: 'ko' as Language, problem: koreanProblem },
		{ locale: Locale.EnglishUS, language: 'en' as Language, problem: englishProblem },
	];

	async function run(
		locale: Locale,
		name: string,
		options: Record<string, string | number | boolean> = {},
		subcommand?: string,
		channel = general,
	): Promise<InteractionOutcome> {
		const outcome = await emulator
			.dispatchInteraction({ type: 'command', name, subcommand, options, user: 'ada', locale, channel })
			.answered({ timeoutMs: 30_000, quietMs: 200 });
		expect(emulator.violations).toEqual([]);
		return outcome;
	}

	async function click(locale: Locale, customId: string, message: APIMessage): Promise<InteractionOutcome> {
		return emulator
			.dispatchInteraction({ type: 'button', customId, message, user: 'ada', locale, channel: general })
			.answered({ timeoutMs: 30_000, quietMs: 200 });
	}

	/** What the member reads in the end: the original reply, or the error follow-up that replaced it. */
	const shown = (outcome: InteractionOutcome): Readable => (outcome.followUps[0] ?? outcome.original)!.message;
	const botPosts = (channel: string): APIMessage[] =>
		emulator.world
			.messagesIn(channel)
			.filter(
				(m) => m.message.author.id === emulator.world.botUser.id && !m.interactionId && !m.deleted && !m.ephemeral,
			)
			.map((m) => m.message);
	const customIds = (message: APIMessage): string[] =>
		(message.components ?? []).flatMap((row) =>
			'components' in row ? row.components.map((c) => ('custom_id' in c ? c.custom_id : '')) : [],
		);

	for (const { locale, language, problem } of locales) {
		describe(`a member whose Discord is in ${locale}, in a server that posts in ${language}`, () => {
			beforeAll(async () => {
				await bot.app.deps.repos.settings.update(guildId, { language });
			});

			it(`GIVEN /quiz practice, an answer and /review THEN every reply reads in ${language}`, async () => {
				const practice = await run(locale, 'quiz', { week: 3, count: 2 }, 'practice');
				const question = practice.original!.message;
				expect(problem(question)).toBeNull();
				const pick = customIds(question).find((id) => id.startsWith('quiz:pick:') || id.startsWith('quiz:answer:'))!;
				if (pick.startsWith('quiz:pick:')) {
					const feedback = await click(locale, pick, question);
					expect(problem(feedback.original!.message)).toBeNull();
				}
				const review = await run(locale, 'review');
				expect(problem(review.original!.message)).toBeNull();
				// The question is the same one in either language: its id, from the same bank.
				const asked = (await bot.app.deps.repos.practiceSessions.get(guildId, pick.split(':')[2]!))!.questionIds[0]!;
				expect(question.embeds[0]!.description).toContain(bot.app.deps.curriculum.in(language).question(asked)!.prompt);
			}, 60_000);

			it(`GIVEN /quiz stop with no live quiz THEN the error reads in ${language}`, async () => {
				const outcome = await run(locale, 'quiz', {}, 'stop');
				expect(problem(shown(outcome))).toBeNull();
			});

			it(`GIVEN a live quiz THEN its question, results and standings are posted in ${language}`, async () => {
				const before = botPosts(general).length;
				const started = await run(locale, 'quiz', { week: 3, count: 1, seconds: 30 }, 'live');
				expect(problem(started.original!.message)).toBeNull();
				const [posted] = botPosts(general).slice(before);
				expect(posted!.embeds[0]!.title).toMatch(language === 'ko' ? /^실시간 퀴즈 · 3주차/ : /^Live quiz · week 3/);
				expect(problem(posted!)).toBeNull();
				const stopped = await run(locale, 'quiz', {}, 'stop');
				expect(problem(stopped.original!.message)).toBeNull();
				const [closed, results, standings] = botPosts(general).slice(before);
				expect(results).toBeDefined();
				expect(standings).toBeDefined();
				for (const message of [closed!, results!, standings!]) expect(problem(message)).toBeNull();
			}, 60_000);

			it(`GIVEN /present week:3 THEN the reply and the first step in the thread read in ${language}`, async () => {
				const outcome = await run(locale, 'present', { week: 3 });
				expect(problem(outcome.original!.message)).toBeNull();
				const thread = /<#(\d+)>/.exec(outcome.original!.message.content)![1]!;
				const [step] = botPosts(thread);
				expect(step!.embeds[0]!.description).toContain(bot.app.deps.curriculum.in(language).week(3)!.summary);
				expect(problem(step!)).toBeNull();
			}, 60_000);

			it(`GIVEN /schedule show, set and preview THEN each reply reads in ${language}`, async () => {
				if (language === 'ko') {
					const none = await run(locale, 'schedule', {}, 'show');
					expect(problem(none.original!.message)).toBeNull();
				}
				const set = await run(
					locale,
					'schedule',
					{ channel: 'study-lab', timezone: 'Asia/Seoul', post_day: 1, post_time: '09:00' },
					'set',
				);
				expect(problem(set.original!.message)).toBeNull();
				const show = await run(locale, 'schedule', {}, 'show');
				expect(problem(show.original!.message)).toBeNull();
				const preview = await run(locale, 'schedule', { week: 2 }, 'preview');
				expect(preview.original!.message.embeds[0]!.title).toBe(
					language === 'ko'
						? `2주차 · ${bot.app.deps.curriculum.in('ko').week(2)!.title}`
						: `Week 2 · ${bot.app.deps.curriculum.week(2)!.title}`,
				);
				expect(problem(preview.original!.message)).toBeNull();
			}, 60_000);

			it(`GIVEN /ask on a bot without an AI tutor THEN the refusal reads in ${language}`, async () => {
				const outcome = await run(locale, 'ask', { question: 'What is a token?' });
				expect(problem(shown(outcome), ['What is a token?'])).toBeNull();
			});
		});
	}

	it('GIVEN a Korean server whose schedule starts on Monday after its 09:00 post time THEN week 1 is posted at once, in Korean', async () => {
		// The server's Discord language is Korean; the organizer's own client is English. /schedule start remembers the
		// server's language (guild_locale) for the posts the scheduler makes with no interaction.
		const guild = emulator.world.guilds.get(guildId)!.guild;
		const before0 = guild.preferred_locale;
		guild.preferred_locale = Locale.Korean;
		await bot.app.deps.repos.settings.update(guildId, { language: null, serverLocale: null });
		const start = await run(Locale.EnglishUS, 'schedule', {}, 'start');
		guild.preferred_locale = before0;
		expect((await bot.app.deps.repos.settings.get(guildId)).serverLocale).toBe('ko');
		expect(englishProblem(start.original!.message)).toBeNull();
		const before = botPosts(studyLab).length;
		expect((await bot.scheduler.tick()).ran).toMatchObject([{ kind: 'post', week: 1, state: 'done' }]);
		const [post] = botPosts(studyLab).slice(before);
		expect(post!.content).toBe(`📚 **1주차를 시작합니다: ${bot.app.deps.curriculum.in('ko').week(1)!.title}**`);
		expect(koreanProblem(post!)).toBeNull();
	}, 60_000);
});

/**
 * The tutor reads the week's page in the language it answers in (through the local OpenAI-compatible server, which
 * records what the model is sent): the Korean page for a Korean member, the English page for an English one.
 */
describe('/ask grounded in the week page of the answer’s language', () => {
	let h: TutorHarness;
	beforeAll(async () => {
		h = await tutorHarness();
	});
	afterAll(() => h.close());

	const systemOf = (index: number): string => h.server.chatRequests()[index]!.messages[0]!.content;

	it('GIVEN a Korean member asks about week 3 THEN the model reads the Korean page and the answer’s frame is Korean', async () => {
		h.server.script = () => '지시와 데이터가 같은 통로로 들어가기 때문에 막기 어렵습니다.';
		const korean = h.deps.curriculum.in('ko').week(3)!;
		const english = h.deps.curriculum.week(3)!;
		const run = await h.command('ask', { question: '인젝션은 왜 막기 어렵나요?', week: 3 }, { locale: 'ko' });
		expect(run.outcome.ok).toBe(true);
		const system = systemOf(0);
		expect(system).toContain(`Week 3: ${korean.title}`);
		expect(system).toContain(korean.knowledgePoints[0]!.core);
		expect(system).not.toContain(english.knowledgePoints[0]!.core);
		expect(system).toContain('Korean');
		const [answer] = run.messages;
		expect(answer!.content).toContain(`3주차: ${korean.title}`);
		expect(koreanProblem(answer!)).toBeNull();
	});

	it('GIVEN an English member asks about week 3 THEN the model reads the English page', async () => {
		h.server.script = undefined;
		const run = await h.command('ask', { question: 'Why is injection hard to fix?', week: 3 }, { locale: 'en-US' });
		expect(run.outcome.ok).toBe(true);
		expect(systemOf(1)).toContain(h.deps.curriculum.week(3)!.knowledgePoints[0]!.core);
		expect(englishProblem(run.messages[0]!, ['Why is injection hard to fix?'])).toBeNull();
	});
});

/** The coming Monday, 10:00 in Seoul (UTC+9, no daylight saving time). */
function nextSeoulMonday10(): Date {
	const DAY = 86_400_000;
	const SEOUL = 9 * 3_600_000;
	let t = Math.ceil((Date.now() + DAY + SEOUL) / DAY) * DAY - SEOUL;
	while (new Date(t + SEOUL).getUTCDay() !== 1) t += DAY;
	return new Date(t + 10 * 3_600_000);
}
