import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GuildSchedule } from '../../src/storage/repositories/schedules.js';
import { GUILD, JUN, MINA, OTHER_GUILD, quizHarness, type QuizHarness } from '../quiz/harness.js';

/** A schedule in UTC: posts on Mondays 09:00 from week 3 on 23 February 2026, meetings on Thursdays 19:00 for 90 minutes. */
const schedule: GuildSchedule = {
	guildId: GUILD,
	channelId: '300000000000000001',
	timezone: 'UTC',
	postCron: '0 9 * * 1',
	meeting: { weekday: 4, hour: 19, minute: 0, durationMinutes: 90, channelId: null },
	reminderMinutes: 60,
	plan: { startWeek: 3, startAt: '2026-02-23T00:00:00.000Z', previous: null },
	pauses: [],
	skips: [],
	updatedAt: '2026-02-20T00:00:00.000Z',
	updatedBy: 'x',
};

describe('/checkin', () => {
	let h: QuizHarness;
	beforeAll(async () => {
		h = await quizHarness();
	});
	afterAll(() => h.close());
	beforeEach(() => h.store.clear());

	it('GIVEN no schedule and Wednesday 21:10 in Seoul THEN the member is checked in once; a second /checkin says so', async () => {
		h.clock.set(new Date('2026-03-04T12:10:00Z'));
		const first = await h.command('checkin');
		expect(first.messages[0]).toEqual({
			content: '✅ Checked in to the meeting of 2026-03-04. That is 1 meeting you attended. Your progress: /progress',
			ephemeral: true,
		});
		h.clock.advance(60_000);
		const second = await h.command('checkin');
		expect(second.messages[0]?.content).toBe(
			'You are already checked in to today’s meeting, since <t:1772626200:t>. See you there!',
		);
		expect(await h.deps.repos.checkIns.meetings(GUILD)).toEqual([
			{ meetingId: '2026-03-04', week: null, startsAt: '2026-03-04T12:00:00.000Z', attendeeIds: [MINA] },
		]);
		expect(await h.deps.repos.checkIns.meetings(OTHER_GUILD)).toEqual([]);
	});

	it('GIVEN no schedule and a time outside the meeting THEN nothing is recorded and the next meeting is named', async () => {
		h.clock.set(new Date('2026-03-04T11:40:00Z'));
		const early = await h.command('checkin', {}, { userId: JUN });
		expect(early.messages[0]?.content).toBe(
			'🕒 Check-in is open during the meeting only (from 15 minutes before it starts). The group meets Wednesdays 21:00 (Asia/Seoul, 90 min): the next meeting starts <t:1772625600:F>, <t:1772625600:R>.',
		);
		expect(await h.deps.repos.checkIns.meetings(GUILD)).toEqual([]);
	});

	it('GIVEN the server’s schedule THEN its meeting time counts, and the check-in records the week the schedule posted', async () => {
		await h.deps.repos.schedules.update(GUILD, () => schedule);
		h.clock.set(new Date('2026-03-04T12:10:00Z'));
		expect((await h.command('checkin')).messages[0]?.content).toMatch(/^🕒 .*Thursdays 19:00 \(UTC, 90 min\)/);
		h.clock.set(new Date('2026-03-05T20:20:00Z'));
		const during = await h.command('checkin');
		expect(during.messages[0]?.content).toBe(
			'✅ Checked in to the meeting of 2026-03-05 (week 4: How an LLM turns text into tokens). That is 1 meeting you attended. Your progress: /progress',
		);
		expect((await h.deps.repos.checkIns.meetings(GUILD))[0]).toMatchObject({ meetingId: '2026-03-05', week: 4 });
	});

	it('GIVEN a direct message THEN /checkin asks for a server', async () => {
		const dm = await h.command('checkin', {}, { guildId: null });
		expect(dm.messages[0]?.content).toBe('❌ This command works in a server, not in direct messages.');
	});
});
