import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pngSize } from '../../src/charts/index.js';
import type { Reply } from '../../src/core/reply.js';
import { LIVE_BREAK_SECONDS } from '../../src/quiz/live-flow.js';
import { livePoints } from '../../src/quiz/scoring.js';
import { optionOrder } from '../../src/quiz/shuffle.js';
import type { LiveQuiz } from '../../src/storage/repositories/live-quizzes.js';
import { memoryStore } from '../helpers/deps.js';
import { ADA, CHANNEL, customIds, GUILD, JUN, MINA, quizHarness, type QuizHarness } from './harness.js';

const live = { subcommand: 'live' };
const member = (i: number) => String(110_000_000_000_000_000n + BigInt(i));

async function onlyQuiz(h: QuizHarness): Promise<LiveQuiz> {
	const [running] = await h.deps.repos.liveQuizzes.running();
	if (!running) throw new Error('no running quiz');
	return (await h.deps.repos.liveQuizzes.get(running.guildId, running.quizId))!;
}

function buttonsOf(reply: Reply): string[] {
	return customIds(reply);
}

describe('/quiz live', () => {
	let h: QuizHarness;
	beforeAll(async () => {
		h = await quizHarness();
	});
	afterAll(() => h.close());
	beforeEach(async () => {
		await h.store.clear();
		h.poster.sent.length = 0;
	});

	it('GIVEN a member without the presenter role THEN /quiz live is refused and nothing is posted', async () => {
		const run = await h.command('quiz', { week: 5 }, { ...live, userId: MINA });
		expect(run.messages[0]?.content).toMatch(
			/^❌ Only presenters can run a live quiz, and this server has no presenter role yet.*`\/settings roles presenter_role:`/,
		);
		expect(h.poster.sent).toEqual([]);
	});

	it('GIVEN the server’s presenter role THEN its members may run a live quiz', async () => {
		await h.deps.repos.settings.update(GUILD, { presenterRoleId: '700000000000000001' });
		const run = await h.command('quiz', { week: 5, count: 1 }, { ...live, userId: JUN, roles: ['700000000000000001'] });
		expect(run.messages[0]?.content).toMatch(/^▶️ Live quiz on week 5/);
		expect(h.poster.sent).toHaveLength(1);
	});

	it('GIVEN a live quiz with 50 members answering at once THEN each is counted once, late and repeated clicks are answered politely, and the results and standings follow the points formula', async () => {
		const start = await h.command('quiz', { week: 7, count: 2, seconds: 20 }, { ...live, userId: ADA });
		expect(start.messages[0]).toMatchObject({ ephemeral: true });
		const quiz = await onlyQuiz(h);
		expect(quiz).toMatchObject({ phase: 'question', index: 0, seconds: 20, hostId: ADA });
		const posted = h.poster.sent[0]!;
		expect(posted.channelId).toBe(CHANNEL);
		const closesAt = Math.floor(Date.parse(quiz.questions[0]!.closesAt) / 1000);
		expect(posted.reply.embeds?.[0]?.description).toContain(`⏳ Closes <t:${closesAt}:R>`);
		expect(buttonsOf(posted.reply)).toEqual([0, 1, 2, 3].map((s) => `quiz:live:${quiz.id}:0:${s}`));

		const q1 = h.deps.curriculum.question(quiz.questionIds[0]!)!;
		if (q1.kind !== 'multiple-choice') throw new Error('live quizzes ask multiple-choice questions');
		const order = optionOrder(quiz.seed, q1.id, 4);
		const right = order.findIndex((o) => q1.options[o]!.correct);
		// Members 0–29 answer right after 4 s, 30–49 pick the option after the right one after 10 s.
		h.clock.advance(4000);
		const fast = await Promise.all(
			Array.from({ length: 30 }, (_, i) =>
				h.button(
					`quiz:live:${quiz.id}:0:${right}`,
					{ userId: member(i), name: `m${i}` },
					{ id: posted.id, ephemeral: false },
				),
			),
		);
		h.clock.advance(6000);
		const slow = await Promise.all(
			Array.from({ length: 20 }, (_, i) =>
				h.button(
					`quiz:live:${quiz.id}:0:${(right + 1) % 4}`,
					{ userId: member(30 + i), name: `m${30 + i}` },
					{ id: posted.id, ephemeral: false },
				),
			),
		);
		for (const click of [...fast, ...slow])
			expect(click.messages[0]).toMatchObject({
				ephemeral: true,
				content: expect.stringMatching(/^📝 Your answer \*\*[A-D]\*\* is in, after (4|10)\.0 s\. Results <t:\d+:R>\.$/),
			});
		const again = await h.button(`quiz:live:${quiz.id}:0:0`, { userId: member(0), name: 'm0' });
		expect(again.messages[0]?.content).toMatch(
			/^You already answered this one \(you chose \*\*[A-D]\*\*\): one answer per member/,
		);
		expect(await h.deps.repos.liveQuizzes.answers(GUILD, quiz.id, 0)).toHaveLength(50);

		h.clock.advance(10_000);
		const late = await h.button(`quiz:live:${quiz.id}:0:${right}`, { userId: member(60) });
		expect(late.messages[0]).toMatchObject({
			ephemeral: true,
			content: expect.stringMatching(/^⌛ Time is up for question 1/),
		});
		await h.tick();
		const closed = h.poster.sent[0]!.reply;
		expect(closed.components?.[0]?.components.every((c) => 'disabled' in c && c.disabled)).toBe(true);
		expect(closed.embeds?.[0]?.description).toContain('⌛ Closed: 50 answers.');
		const results = h.poster.sent[1]!;
		expect(results.reply.embeds?.[0]?.description).toContain(
			`✅ Right answer: **${'ABCD'[right]}.** ${q1.options[order[right]!]!.text}`,
		);
		expect(pngSize(results.reply.files![0]!.data)).toEqual({ width: 1000, height: 230 + 62 * 4 });
		expect(results.reply.files![0]!.description).toContain(`right: ${'ABCD'[right]}`);
		expect((await onlyQuiz(h)).phase).toBe('break');

		await h.tick();
		expect(h.poster.sent).toHaveLength(2);
		h.clock.advance(LIVE_BREAK_SECONDS * 1000);
		await h.tick();
		expect(h.poster.sent).toHaveLength(3);
		const q2 = await onlyQuiz(h);
		expect(q2).toMatchObject({ phase: 'question', index: 1 });
		const early = await h.button(`quiz:live:${quiz.id}:0:${right}`, { userId: member(61) });
		expect(early.messages[0]?.content).toMatch(/^⌛ Time is up for question 1/);

		h.clock.advance(2000);
		await h.button(`quiz:live:${quiz.id}:1:0`, { userId: member(0), name: 'm0' });
		h.clock.advance(20_000);
		await h.tick();
		expect(await h.deps.repos.liveQuizzes.running()).toEqual([]);
		const final = h.poster.sent.at(-1)!.reply;
		expect(final.content).toMatch(/^🏁 \*\*Live quiz on week 7 is over!\*\*\n🥇 <@/);
		expect(pngSize(final.files![0]!.data)?.width).toBe(900);

		// Points: round(1000 × (1 − t / 2T)): 4 s of 20 → 900 for the fast right answers, 0 for the wrong ones.
		expect(livePoints(true, 4000, 20_000)).toBe(900);
		const second = h.deps.curriculum.question(quiz.questionIds[1]!)!;
		const m0Second =
			second.kind === 'multiple-choice' && second.options[optionOrder(quiz.seed, second.id, 4)[0]!]!.correct ? 950 : 0;
		const log0 = await h.deps.repos.answers.list(GUILD, member(0));
		expect(log0.map((a) => a.points)).toEqual([900, m0Second]);
		const log30 = await h.deps.repos.answers.list(GUILD, member(30));
		expect(log30).toEqual([
			expect.objectContaining({ mode: 'live', correct: false, points: 0, responseMs: 10_000, id: `l:${quiz.id}:0` }),
		]);
		expect(Object.keys(await h.deps.repos.reviews.cards(GUILD, member(30)))).toEqual([q1.id]);
		const finished = (await h.deps.repos.liveQuizzes.get(GUILD, quiz.id))!;
		expect(finished).toMatchObject({ phase: 'finished', dueAt: null });
		const standingsAlt = final.files![0]!.description!;
		expect(standingsAlt).toContain(`1. m0 ${900 + m0Second}`);
	});

	it('GIVEN a quiz running in the channel THEN a second one is refused, and /quiz stop ends it at once with the open question’s results and the standings', async () => {
		await h.command('quiz', { week: 4, count: 3, seconds: 30 }, { ...live, userId: ADA });
		const second = await h.command('quiz', { week: 5 }, { ...live, userId: ADA });
		expect(second.messages[0]?.content).toBe(
			'❌ A live quiz is already running in this channel: wait for its standings, or end it with `/quiz stop`.',
		);
		const quiz = await onlyQuiz(h);
		h.clock.advance(3000);
		await h.button(`quiz:live:${quiz.id}:0:1`, { userId: MINA });
		const refused = await h.command('quiz', {}, { subcommand: 'stop', userId: MINA });
		expect(refused.messages[0]?.content).toMatch(
			/^❌ Only presenters can end a live quiz, and this server has no presenter role yet.*`\/settings roles presenter_role:`/,
		);
		const stopped = await h.command('quiz', {}, { subcommand: 'stop', userId: ADA });
		expect(stopped.messages[0]?.content).toBe(
			'⏹ The live quiz on week 4 ended: the results and standings are in the channel.',
		);
		expect(h.poster.sent.map((m) => m.reply.embeds?.[0]?.title ?? m.reply.content?.split('\n')[0])).toEqual([
			'Live quiz · week 4 · question 1 of 3',
			'Question 1 of 3: results',
			'🏁 **Live quiz on week 4 is over!** (ended early by the host)',
		]);
		expect(await h.deps.repos.liveQuizzes.running()).toEqual([]);
		expect((await h.deps.repos.answers.list(GUILD, MINA)).map((a) => a.mode)).toEqual(['live']);
		const none = await h.command('quiz', {}, { subcommand: 'stop', userId: ADA });
		expect(none.messages[0]?.content).toBe('❌ No live quiz is running in this channel.');
	});

	it('GIVEN a bot restarted in the middle of a question THEN the new process accepts the old buttons and closes the question when it is due', async () => {
		const store = await memoryStore();
		const first = await quizHarness({ store });
		await first.command('quiz', { week: 9, count: 1, seconds: 30 }, { ...live, userId: ADA });
		const quiz = await onlyQuiz(first);
		await first.button(`quiz:live:${quiz.id}:0:0`, { userId: MINA });
		// "Restart": a new dispatcher, deps and poster over the same store; the clock goes on.
		const second = await quizHarness({ store, clock: first.clock });
		first.clock.advance(10_000);
		const after = await second.button(`quiz:live:${quiz.id}:0:1`, { userId: JUN });
		expect(after.messages[0]?.content).toMatch(/^📝 Your answer \*\*B\*\* is in, after 10\.0 s/);
		const repeat = await second.button(`quiz:live:${quiz.id}:0:2`, { userId: MINA });
		expect(repeat.messages[0]?.content).toMatch(/^You already answered this one \(you chose \*\*A\*\*\)/);
		first.clock.advance(25_000);
		await second.tick();
		expect(second.poster.sent.map((m) => m.reply.embeds?.[0]?.title ?? m.reply.content?.split('\n')[0])).toEqual([
			'Question 1 of 1: results',
			'🏁 **Live quiz on week 9 is over!**',
		]);
		expect(second.poster.sent[0]!.reply.files![0]!.description).toMatch(
			/^Answers to question 1: A\. .* 1, B\. .* 1, C\. .* 0, D\. .* 0; right: [A-D]\.$/,
		);
		await store.close();
	});

	it('GIVEN a live numeric question THEN the answer is computed once when it opens, typed through a form, and spread as too low / right / too high', async () => {
		await h.command('quiz', { week: 12, count: 10, seconds: 15, numeric: true }, { ...live, userId: ADA });
		let quiz = await onlyQuiz(h);
		for (let guard = 0; guard < 12; guard++) {
			const question = h.deps.curriculum.question(quiz.questionIds[quiz.index]!)!;
			if (question.kind === 'numeric') break;
			h.clock.advance(15_000);
			await h.tick();
			h.clock.advance(LIVE_BREAK_SECONDS * 1000);
			await h.tick();
			quiz = await onlyQuiz(h);
		}
		const state = quiz.questions[quiz.index]!;
		expect(state.computed?.value).toBeTypeOf('number');
		const form = await h.button(`quiz:lans:${quiz.id}:${quiz.index}`, { userId: MINA });
		expect(form.modal?.custom_id).toBe(`quiz:lnum:${quiz.id}:${quiz.index}`);
		const answered = await h.modal(
			`quiz:lnum:${quiz.id}:${quiz.index}`,
			{ answer: String(state.computed!.value) },
			{ userId: MINA },
		);
		expect(answered.messages[0]?.content).toMatch(/^📝 Your answer/);
		await h.modal(
			`quiz:lnum:${quiz.id}:${quiz.index}`,
			{ answer: String(state.computed!.value - 1000) },
			{ userId: JUN },
		);
		const before = h.poster.sent.length;
		h.clock.advance(15_000);
		await h.tick();
		const results = h.poster.sent[before]!.reply;
		expect(results.files![0]!.description).toMatch(/Too low 1, Within ±[\d.]+ 1, Too high 0/);
		expect((await h.deps.repos.answers.list(GUILD, MINA)).at(-1)).toMatchObject({
			mode: 'live',
			correct: true,
			kind: 'numeric',
		});
	});
});
