import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pngSize } from '../../src/charts/index.js';
import { recordAnswer } from '../../src/quiz/record.js';
import type { AnswerRecord } from '../../src/storage/repositories/quiz-answers.js';
import { ADA, GUILD, JUN, MINA, OTHER_GUILD, quizHarness, type QuizHarness } from '../quiz/harness.js';

describe('/leaderboard', () => {
	let h: QuizHarness;
	beforeAll(async () => {
		h = await quizHarness();
	});
	afterAll(() => h.close());
	beforeEach(async () => {
		await h.store.clear();
		// Wednesday 4 March 2026, 21:00 in Seoul: "this week" began Monday 2 March 00:00 KST (1 March 15:00 UTC).
		h.clock.set(new Date('2026-03-04T12:00:00Z'));
	});

	let n = 0;
	async function answer(userId: string, at: string, over: Partial<AnswerRecord> = {}, guildId = GUILD): Promise<void> {
		const who = h.actor({ userId });
		await recordAnswer(h.deps, who, {
			id: `t${n++}`,
			guildId,
			userId,
			questionId: `q${n}`,
			week: 1,
			kind: 'multiple-choice',
			tier: 'core',
			mode: 'practice',
			correct: true,
			credit: 1,
			points: 0,
			grading: 'auto',
			at,
			...over,
		});
	}

	it('GIVEN nobody has answered THEN the reply says so, without a chart', async () => {
		const run = await h.command('leaderboard');
		expect(run.messages[0]).toEqual({
			content: 'Nobody has quiz points this week yet. Start with /quiz practice, or ask a presenter for a live quiz.',
		});
	});

	it('GIVEN answers this week and before THEN "week" counts only this week’s, "all" counts every one, ranked by points', async () => {
		await answer(MINA, '2026-03-02T01:00:00Z');
		await answer(MINA, '2026-03-01T14:59:00Z', { mode: 'live', points: 950 });
		await answer(JUN, '2026-03-03T09:00:00Z', { mode: 'live', points: 700 });
		await answer(JUN, '2026-03-03T09:01:00Z', { correct: false, credit: 0 });
		const week = await h.command('leaderboard', { period: 'week' });
		expect(week.messages[0]!.files![0]!.description).toBe('Leaderboard this week: 1. Jun (700), 2. Mina (100).');
		expect(pngSize(week.messages[0]!.files![0]!.data)?.width).toBe(900);
		const all = await h.command('leaderboard', { period: 'all' });
		expect(all.messages[0]!.files![0]!.description).toBe('Leaderboard all time: 1. Mina (1,050), 2. Jun (700).');
		const elsewhere = await h.command('leaderboard', { period: 'all' }, { guildId: OTHER_GUILD });
		expect(elsewhere.messages[0]!.content).toMatch(/^Nobody has quiz points all time yet/);
	});

	it('GIVEN the server leaves organizers out THEN a member with Manage Server (or the organizer role) is not ranked', async () => {
		await answer(ADA, '2026-03-03T09:00:00Z', { mode: 'live', points: 1000 });
		await answer(MINA, '2026-03-03T09:00:00Z');
		await recordAnswer(
			h.deps,
			{ id: JUN, name: 'Jun', roles: ['900000000000000001'], permissions: 0n },
			{
				id: 'j',
				guildId: GUILD,
				userId: JUN,
				questionId: 'q',
				week: 1,
				kind: 'multiple-choice',
				tier: 'core',
				mode: 'live',
				correct: true,
				credit: 1,
				points: 800,
				grading: 'auto',
				at: '2026-03-03T09:00:00Z',
			},
		);
		expect((await h.command('leaderboard')).messages[0]!.files![0]!.description).toBe(
			'Leaderboard this week: 1. Ada (1,000), 2. Jun (800), 3. Mina (100).',
		);
		await h.deps.repos.settings.update(GUILD, {
			excludeOrganizersFromLeaderboard: true,
			organizerRoleId: '900000000000000001',
		});
		const without = await h.command('leaderboard');
		expect(without.messages[0]!.files![0]!.description).toBe('Leaderboard this week: 1. Mina (100).');
	});
});
