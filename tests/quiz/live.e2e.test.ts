import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { APIMessage } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordBot } from '../../src/discord/start.js';
import { LIVE_BREAK_SECONDS } from '../../src/quiz/live-flow.js';
import { livePoints } from '../../src/quiz/scoring.js';
import { optionOrder } from '../../src/quiz/shuffle.js';
import type { LiveQuiz } from '../../src/storage/repositories/live-quizzes.js';
import { DEFAULT_GUILD_SEED, startEmulator, type DiscordEmulator, type InteractionOutcome } from '../emulator/index.js';
import { ManualClock } from '../helpers/deps.js';
import { startBotOnEmulator } from '../helpers/discord-bot.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const MEMBERS = Array.from({ length: 50 }, (_, i) => `m${String(i + 1).padStart(2, '0')}`);
const SECONDS = 20;

async function waitUntil<T>(what: string, check: () => T | undefined | false, timeoutMs = 20_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = check();
		if (value) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await sleep(25);
	}
}

/**
 * The real bot (discord.js, the dispatcher, SQLite on disk) against the emulated Discord, with 50 seeded members.
 * The clock is a manual one and the runner's periodic check is off (`liveQuizTickMs`), so the test decides when a
 * question's time is up and when the runner acts; a restarted bot still runs its start-up check on its own.
 */
describe('a live quiz with 50 members through the Discord emulator, across restarts', () => {
	let emulator: DiscordEmulator;
	let bot: DiscordBot;
	let guildId: string;
	let general: string;
	// Starts at the real time, to the second: message timestamps and snowflakes stay plausible.
	const clock = new ManualClock(new Date(Math.floor(Date.now() / 1000) * 1000));
	const storeUrl = `sqlite://${path.join(mkdtempSync(path.join(os.tmpdir(), 'live-quiz-e2e-')), 'bot.sqlite')}`;
	const start = () => startBotOnEmulator(emulator, { clock, liveQuizTickMs: 3_600_000, env: { STORE_URL: storeUrl } });
	const botPosts = (): APIMessage[] =>
		emulator.world
			.messagesIn(general)
			.filter(
				(m) => m.message.author.id === emulator.world.botUser.id && !m.interactionId && !m.deleted && !m.ephemeral,
			)
			.map((m) => m.message);
	const click = (user: string, customId: string, message: APIMessage) =>
		emulator
			.dispatchInteraction({ type: 'button', customId, message, user, channel: general })
			.answered({ timeoutMs: 10_000 });
	const quizState = async (id?: string): Promise<LiveQuiz> => {
		const quizId = id ?? (await bot.app.deps.repos.liveQuizzes.running())[0]!.quizId;
		return (await bot.app.deps.repos.liveQuizzes.get(guildId, quizId))!;
	};
	const privately = (o: InteractionOutcome) =>
		o.original?.ephemeral
			? o.original.message.content
			: `not ephemeral: ${JSON.stringify(o.original?.message.content)}`;

	beforeAll(async () => {
		emulator = await startEmulator({
			heartbeatIntervalMs: 1000,
			guilds: [
				{
					...DEFAULT_GUILD_SEED,
					members: [
						...(DEFAULT_GUILD_SEED.members ?? []),
						...MEMBERS.map((username) => ({ username, roles: ['Member'] })),
					],
				},
			],
		});
		guildId = [...emulator.world.guilds.keys()][0]!;
		general = emulator.world.channelByName('general', guildId).id;
		bot = await start();
	}, 60_000);
	afterAll(async () => {
		await bot?.stop();
		await emulator?.stop();
	});

	let quiz: LiveQuiz;
	const choices = new Map<string, number[]>();

	it('GIVEN alan, a plain member THEN /quiz live is refused; ada (the owner) starts one and question 1 is posted with four buttons and a <t:…:R> countdown', async () => {
		const refused = await emulator
			.dispatchInteraction({
				type: 'command',
				name: 'quiz',
				subcommand: 'live',
				options: { week: 5 },
				user: 'alan',
				channel: general,
			})
			.answered();
		expect(refused.original).toMatchObject({
			ephemeral: true,
			message: { content: expect.stringMatching(/^❌ Only presenters can run a live quiz/) },
		});
		const started = await emulator
			.dispatchInteraction({
				type: 'command',
				name: 'quiz',
				subcommand: 'live',
				options: { week: 5, seconds: SECONDS, count: 2 },
				user: 'ada',
				channel: general,
			})
			.answered({ timeoutMs: 10_000 });
		expect(started.original).toMatchObject({
			ephemeral: true,
			message: { content: expect.stringMatching(/^▶️ Live quiz on week 5/) },
		});
		quiz = await quizState();
		const [question] = await waitUntil('question 1', () => botPosts().length > 0 && botPosts());
		expect(question!.embeds[0]!.description).toContain(
			`⏳ Closes <t:${Math.floor(Date.parse(quiz.questions[0]!.closesAt) / 1000)}:R>`,
		);
		expect(question!.components?.[0]).toMatchObject({
			components: [0, 1, 2, 3].map((s) => ({ custom_id: `quiz:live:${quiz.id}:0:${s}` })),
		});
	});

	/** The option button (as shown) that is right for question `index`. */
	const rightShown = (index: number): number => {
		const q = bot.app.deps.curriculum.question(quiz.questionIds[index]!)!;
		if (q.kind !== 'multiple-choice') throw new Error('a live quiz question without choices');
		return optionOrder(quiz.seed, q.id, q.options.length).findIndex((o) => q.options[o]!.correct);
	};
	/** ada hosts: she answers right the moment a question opens, and her answer is in but not in the standings. */
	const hostAnswers = async (index: number, message: APIMessage) => {
		const own = await click('ada', `quiz:live:${quiz.id}:${index}:${rightShown(index)}`, message);
		expect(privately(own)).toMatch(
			/^📝 Your answer \*\*[A-D]\*\* is in, after 0\.0 s\. You are the host, so it does not count in the standings\. Results <t:\d+:R>\.$/,
		);
	};

	it('GIVEN 50 members click in the same second THEN every click is acknowledged within 3 s and answered privately, each counted once; a second click is told so', async () => {
		await hostAnswers(0, botPosts()[0]!);
		clock.advance(3000);
		const message = botPosts()[0]!;
		const started = Date.now();
		const outcomes = await Promise.all(
			MEMBERS.map((user, i) => {
				choices.set(user, [i % 4]);
				return click(user, `quiz:live:${quiz.id}:0:${i % 4}`, message);
			}),
		);
		const allAnsweredMs = Date.now() - started;
		for (const o of outcomes) {
			expect(privately(o)).toMatch(/^📝 Your answer \*\*[A-D]\*\* is in, after 3\.0 s\. Results <t:\d+:R>\.$/);
			expect(o.timings.firstCallbackMs).toBeLessThan(3000);
		}
		const firstAcks = outcomes.map((o) => o.timings.firstCallbackMs!).sort((a, b) => a - b);
		console.info(
			`50 clicks: first callback median ${firstAcks[25]} ms, max ${firstAcks[49]} ms; all answered in ${allAnsweredMs} ms`,
		);
		const repeat = await click('m01', `quiz:live:${quiz.id}:0:3`, message);
		expect(privately(repeat)).toBe(
			`You already answered this one (you chose **A**): one answer per member. Results <t:${Math.floor(Date.parse(quiz.questions[0]!.closesAt) / 1000)}:R>.`,
		);
		expect(await bot.app.deps.repos.liveQuizzes.answers(guildId, quiz.id, 0)).toHaveLength(51);
	}, 30_000);

	it('GIVEN the time is up but the results are not out yet THEN a click on the still-enabled buttons gets a polite private reply, not a failure', async () => {
		clock.advance(SECONDS * 1000);
		const late = await click('alan', `quiz:live:${quiz.id}:0:0`, botPosts()[0]!);
		expect(late.acknowledged).toBe(true);
		expect(late.errors).toEqual([]);
		expect(privately(late)).toMatch(
			/^⌛ Time is up for question 1: answers closed <t:\d+:R>\. Get ready for the next one!$/,
		);
		expect(await bot.app.deps.repos.liveQuizzes.answers(guildId, quiz.id, 0)).toHaveLength(51);
	});

	it('GIVEN the runner acts THEN the question closes with disabled buttons and the results post carries the spread PNG', async () => {
		await bot.app.liveQuizzes.tick();
		const [question, results] = botPosts();
		const row = question!.components![0]!;
		expect('components' in row && row.components.every((c) => 'disabled' in c && c.disabled === true)).toBe(true);
		expect(question!.embeds[0]!.description).toContain('⌛ Closed: 51 answers.');
		expect(results!.embeds[0]!.title).toBe('Question 1 of 2: results');
		expect(results!.embeds[0]!.image?.url).toMatch(/spread\.png$/);
		const file = emulator.world.messagesIn(general).find((m) => m.message.id === results!.id)!.files[0]!;
		expect(file.png).toEqual({ width: 1000, height: 230 + 62 * 4 });
		expect((await quizState(quiz.id)).phase).toBe('break');
	});

	it('GIVEN the bot is down when the break ends THEN the restarted bot posts question 2 by itself at start-up', async () => {
		await bot.stop();
		clock.advance((LIVE_BREAK_SECONDS + 30) * 1000);
		bot = await start();
		const question2 = await waitUntil('question 2', () => botPosts()[2], 20_000);
		expect(question2.embeds[0]!.title).toBe('Live quiz · week 5 · question 2 of 2');
		quiz = await quizState(quiz.id);
		expect(quiz).toMatchObject({ phase: 'question', index: 1 });
	}, 60_000);

	it('GIVEN a restart in the middle of question 2 THEN the buttons posted by the previous process keep working', async () => {
		const question2 = botPosts()[2]!;
		await hostAnswers(1, question2);
		clock.advance(2000);
		const before = await Promise.all(
			MEMBERS.slice(0, 10).map((user) => click(user, `quiz:live:${quiz.id}:1:0`, question2)),
		);
		for (const o of before) expect(privately(o)).toMatch(/^📝 Your answer \*\*A\*\* is in, after 2\.0 s/);
		await bot.stop();
		bot = await start();
		clock.advance(4000);
		const after = await Promise.all(
			MEMBERS.slice(10, 20).map((user) => click(user, `quiz:live:${quiz.id}:1:1`, question2)),
		);
		for (const o of after) expect(privately(o)).toMatch(/^📝 Your answer \*\*B\*\* is in, after 6\.0 s/);
		MEMBERS.slice(0, 20).forEach((user, i) => choices.get(user)!.push(i < 10 ? 0 : 1));
		const again = await click('m01', `quiz:live:${quiz.id}:1:2`, question2);
		expect(privately(again)).toMatch(/^You already answered this one \(you chose \*\*A\*\*\)/);
	}, 60_000);

	it('GIVEN the last question closes THEN the final standings are posted with a PNG, mentioning nobody', async () => {
		clock.advance(SECONDS * 1000);
		await bot.app.liveQuizzes.tick();
		const final = await waitUntil('the final standings', () => botPosts().find((m) => m.content.startsWith('🏁')));
		expect(final.content).toMatch(
			/^🏁 \*\*Live quiz on week 5 is over!\*\*\n🥇 <@\d+> · [\d,]+ points\n🥈 <@\d+> · [\d,]+ points\n🥉 <@\d+> · [\d,]+ points\n/,
		);
		// ada, the host, answered both questions right and first: she is not in the standings.
		expect(final.content).not.toContain(`<@${emulator.world.userByName('ada').id}>`);
		expect(
			emulator.world.messagesIn(general).find((m) => m.message.id === final.id)!.files[0]!.description,
		).not.toMatch(/\bada\b/i);
		expect(emulator.world.messagesIn(general).find((m) => m.message.id === final.id)!.pinged).toEqual({
			users: [],
			roles: [],
			everyone: false,
		});
		expect(emulator.world.messagesIn(general).find((m) => m.message.id === final.id)!.files[0]!.png?.width).toBe(900);
		expect(botPosts()).toHaveLength(5);
	});

	it('GIVEN the finished quiz THEN every member’s record matches their clicks and the points formula, and no request broke Discord’s spec', async () => {
		const finished = await quizState(quiz.id);
		expect(finished.phase).toBe('finished');
		expect(await bot.app.deps.repos.liveQuizzes.running()).toEqual([]);
		const questions = finished.questionIds.map((id) => bot.app.deps.curriculum.question(id)!);
		const rights = questions.map((q) =>
			q.kind === 'multiple-choice' ? optionOrder(finished.seed, q.id, 4).findIndex((o) => q.options[o]!.correct) : -1,
		);
		let total = 0;
		for (const user of MEMBERS) {
			const log = await bot.app.deps.repos.answers.list(guildId, emulator.world.userByName(user).id);
			const clicked = choices.get(user)!;
			expect(log.map((a) => a.questionId)).toEqual(questions.slice(0, clicked.length).map((q) => q.id));
			log.forEach((a, i) => {
				expect(a.correct).toBe(clicked[i] === rights[i]);
				expect(a.responseMs).toBe(i === 0 ? 3000 : user <= 'm10' ? 2000 : 6000);
				expect(a.points).toBe(livePoints(a.correct, a.responseMs!, SECONDS * 1000));
				total += a.points;
			});
		}
		// 3 s of 20: 925 points for a right first answer; 2 s: 950, 6 s: 850 for a right second one.
		expect(livePoints(true, 3000, 20_000)).toBe(925);
		expect(total).toBe(
			MEMBERS.filter((u) => choices.get(u)![0] === rights[0]).length * 925 +
				(rights[1] === 0 ? 10 * 950 : 0) +
				(rights[1] === 1 ? 10 * 850 : 0),
		);
		expect(emulator.violations).toEqual([]);
		expect(emulator.unknownRoutes).toEqual([]);
	});
});
