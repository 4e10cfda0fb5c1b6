import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { answerCurrent, sessionIdOf, sessionOf } from '../quiz/drive.js';
import { customIds, GUILD, MINA, quizHarness, type QuizHarness } from '../quiz/harness.js';

const DAY = 86_400_000;

describe('/review', () => {
	let h: QuizHarness;
	beforeAll(async () => {
		h = await quizHarness();
	});
	afterAll(() => h.close());
	beforeEach(async () => {
		await h.store.clear();
		h.clock.set(new Date('2026-03-04T12:00:00Z'));
	});

	it('GIVEN no wrong answers yet THEN there is nothing to review and the reply says where reviews come from', async () => {
		const run = await h.command('review');
		expect(run.messages[0]).toMatchObject({
			ephemeral: true,
			content: expect.stringMatching(/^🎉 Nothing to review: questions you answer wrong/),
		});
	});

	it('GIVEN three questions answered wrong THEN they wait a day, then come back; right answers move them to box 2 (due in 3 days), a wrong one back to box 1', async () => {
		const id = sessionIdOf(await h.command('quiz', { week: 10, count: 3 }, { subcommand: 'practice' }));
		for (let i = 0; i < 3; i++) {
			await answerCurrent(h, id, false);
			if (i < 2) await h.button(`quiz:next:${id}`);
		}
		const missed = (await sessionOf(h, id)).questionIds;
		const summary = await h.button(`quiz:next:${id}`);
		expect(summary.messages[0]!.embeds![0]!.description).toContain(
			`the next one <t:${(h.clock.now().getTime() + DAY) / 1000}:R>`,
		);

		const waiting = await h.command('review');
		expect(waiting.messages[0]?.content).toBe(
			`🎉 Nothing is due right now. 3 questions wait in your schedule; the next is due <t:${(h.clock.now().getTime() + DAY) / 1000}:R>.`,
		);

		h.clock.advance(DAY);
		const review = await h.command('review');
		const rid = sessionIdOf(review);
		const session = await sessionOf(h, rid);
		expect(session).toMatchObject({ mode: 'review', questionIds: expect.arrayContaining(missed) });
		expect(review.messages[0]!.embeds![0]!.title).toMatch(/^🔁 Review · question 1 of 3/);
		await answerCurrent(h, rid, true);
		await h.button(`quiz:next:${rid}`);
		await answerCurrent(h, rid, true);
		await h.button(`quiz:next:${rid}`);
		await answerCurrent(h, rid, false);
		const done = await h.button(`quiz:next:${rid}`);
		expect(done.messages[0]!.embeds![0]!.title).toBe('🏁 Review finished: 2 of 3 right (67%)');
		expect(customIds(done.messages[0])).toEqual([`quiz:again:r:0:3`]);

		const cards = await h.deps.repos.reviews.cards(GUILD, MINA);
		const [a, b, c] = session.questionIds.map((q) => cards[q]!);
		const now = h.clock.now().getTime();
		expect([a!.box, b!.box, c!.box]).toEqual([2, 2, 1]);
		expect([a!.dueAt, c!.dueAt]).toEqual([new Date(now + 3 * DAY).toISOString(), new Date(now + DAY).toISOString()]);
		expect(c!.lapses).toBe(2);
		const log = await h.deps.repos.answers.list(GUILD, MINA);
		expect(log.map((x) => x.mode)).toEqual(['practice', 'practice', 'practice', 'review', 'review', 'review']);
	});
});
