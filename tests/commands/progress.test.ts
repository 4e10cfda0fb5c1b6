import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pngSize } from '../../src/charts/index.js';
import { answerCurrent, sessionIdOf } from '../quiz/drive.js';
import { GUILD, JUN, MINA, OTHER_GUILD, quizHarness, type QuizHarness } from '../quiz/harness.js';

describe('/progress', () => {
	let h: QuizHarness;
	beforeAll(async () => {
		h = await quizHarness();
	});
	afterAll(() => h.close());
	beforeEach(async () => {
		await h.store.clear();
		h.clock.set(new Date('2026-03-04T12:10:00Z'));
	});

	it('GIVEN a member with no activity THEN the card still renders, privately, and the reply says how to start', async () => {
		const run = await h.command('progress');
		expect(run.responder.names).toEqual(['reply']);
		expect(run.messages[0]).toMatchObject({
			ephemeral: true,
			content: expect.stringMatching(/^You have no recorded activity yet/),
		});
		expect(pngSize(run.messages[0]!.files![0]!.data)?.width).toBe(900);
	});

	it('GIVEN practice, a check-in, demo runs and a tutor evaluation THEN the card’s text alternative carries the recorded numbers, and another server shows none of it', async () => {
		const id = sessionIdOf(await h.command('quiz', { week: 8, count: 4 }, { subcommand: 'practice' }));
		for (const right of [true, true, false, true]) {
			await answerCurrent(h, id, right);
			await h.button(`quiz:next:${id}`);
		}
		await h.command('checkin');
		await h.deps.repos.memberActivity.recordDemo(GUILD, h.actor(), 'tokenize', h.clock.now());
		const run = await h.command('progress', { share: true });
		const file = run.messages[0]!.files![0]!;
		expect(run.messages[0]).toMatchObject({ content: `📈 Progress of <@${MINA}>`, ephemeral: false });
		expect(file.description).toBe('Progress card of Mina: 1 meeting, 3 of 4 answers right, streak 1 week.');
		const elsewhere = await h.command('progress', {}, { guildId: OTHER_GUILD });
		expect(elsewhere.messages[0]!.files![0]!.description).toBe(
			'Progress card of Mina: 0 meetings, 0 of 0 answers right, streak 0 weeks.',
		);
	});

	it('GIVEN another member THEN their progress is shown under their name; a bot is refused', async () => {
		await h.deps.repos.memberActivity.touch(GUILD, h.actor({ userId: JUN }), h.clock.now());
		const run = await h.command('progress', { member: { id: JUN, name: 'Jun', bot: false } });
		expect(run.messages[0]!.content).toBe(
			`<@${JUN}> has no recorded activity yet: try /quiz practice, /checkin during the meeting, or a demo command.`,
		);
		expect(run.messages[0]!.files![0]!.description).toMatch(/^Progress card of Jun:/);
		const bot = await h.command('progress', { member: { id: '1', name: 'Study Bot', bot: true } });
		expect(bot.messages[0]?.content).toBe('❌ Bots do not study (yet): pick a member.');
	});
});
