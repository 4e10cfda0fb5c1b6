import { describe, expect, it } from 'vitest';
import { planStatus, plannedPosts, upcomingPosts } from '../../src/jobs/plan.js';
import { wallTimeAt } from '../../src/jobs/zoned-time.js';
import { at, DAY, seoulSchedule } from './fixtures.js';

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

describe('the plan: which week is posted when', () => {
	it('GIVEN the default Seoul schedule from 2 March THEN weeks 1–12 post on consecutive Mondays 09:00, each announcing that Wednesday 21:00', () => {
		const posts = plannedPosts(seoulSchedule(), 12);
		expect(posts.map((p) => p.week)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
		posts.forEach((p, i) => {
			expect(p.at.getTime()).toBe(Date.parse('2026-03-02T00:00:00Z') + i * 7 * DAY);
			expect(p.meetingAt.getTime()).toBe(p.at.getTime() + 2.5 * DAY);
			expect(p.meetingEndsAt.getTime() - p.meetingAt.getTime()).toBe(90 * 60_000);
			expect(p.reminderAt!.getTime()).toBe(p.meetingAt.getTime() - 3_600_000);
		});
		expect(iso(posts.at(-1)!.at)).toBe('2026-05-18T00:00:00.000Z');
	});

	it('GIVEN a start in the middle of the day of a post THEN that day’s post counts (the start is the day, not the moment)', () => {
		const posts = plannedPosts(
			seoulSchedule({ plan: { startWeek: 3, startAt: '2026-03-01T15:00:00.000Z', previous: null } }),
			12,
		);
		expect(posts.map((p) => p.week)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
		expect(iso(posts[0]!.at)).toBe('2026-03-02T00:00:00.000Z');
	});

	it('GIVEN a plan started (startedAt) after this week’s post time THEN the start week is posted at the start while its meeting is ahead, else at the next post time', () => {
		// Started on 2 March's day in Seoul (startAt is its midnight); the post is Monday 09:00, the meeting Wednesday 21:00.
		const startedAt = (iso: string) =>
			plannedPosts(
				seoulSchedule({ plan: { startWeek: 1, startAt: '2026-03-01T15:00:00.000Z', previous: null, startedAt: iso } }),
				12,
			);
		// Monday 08:00: before the post time.
		expect(iso(startedAt('2026-03-01T23:00:00.000Z')[0]!.at)).toBe('2026-03-02T00:00:00.000Z');
		// Monday 22:28 (13 h after the post time): at once, announcing Wednesday's meeting.
		const late = startedAt('2026-03-02T13:28:00.000Z');
		expect(late.slice(0, 2).map((p) => [p.week, iso(p.at), iso(p.meetingAt)])).toEqual([
			[1, '2026-03-02T13:28:00.000Z', '2026-03-04T12:00:00.000Z'],
			[2, '2026-03-09T00:00:00.000Z', '2026-03-11T12:00:00.000Z'],
		]);
		expect(late).toHaveLength(12);
		// Tuesday 00:30 in Seoul, a start whose day (startAt) is after Monday's post: still this week's post, at once.
		const overnight = plannedPosts(
			seoulSchedule({
				plan: {
					startWeek: 1,
					startAt: '2026-03-02T15:00:00.000Z',
					previous: null,
					startedAt: '2026-03-02T15:30:00.000Z',
				},
			}),
			12,
		);
		expect(iso(overnight[0]!.at)).toBe('2026-03-02T15:30:00.000Z');
		// Wednesday 22:00, after the meeting: next Monday.
		expect(iso(startedAt('2026-03-04T13:00:00.000Z')[0]!.at)).toBe('2026-03-09T00:00:00.000Z');
		// A start on a later date is unaffected by when the command ran.
		const ahead = plannedPosts(
			seoulSchedule({
				plan: {
					startWeek: 1,
					startAt: '2026-03-08T15:00:00.000Z',
					previous: null,
					startedAt: '2026-03-02T13:28:00.000Z',
				},
			}),
			12,
		);
		expect(iso(ahead[0]!.at)).toBe('2026-03-09T00:00:00.000Z');
	});

	it('GIVEN a closed pause over the third Monday THEN that Monday posts nothing and week 3 follows a week later', () => {
		const posts = plannedPosts(
			seoulSchedule({ pauses: [{ from: '2026-03-10T00:00:00.000Z', to: '2026-03-20T00:00:00.000Z' }] }),
			12,
		);
		expect(posts.slice(0, 4).map((p) => [p.week, iso(p.at)])).toEqual([
			[1, '2026-03-02T00:00:00.000Z'],
			[2, '2026-03-09T00:00:00.000Z'],
			[3, '2026-03-23T00:00:00.000Z'],
			[4, '2026-03-30T00:00:00.000Z'],
		]);
		expect(posts).toHaveLength(12);
	});

	it('GIVEN a skipped Monday THEN the rest of the plan moves one week later', () => {
		const posts = plannedPosts(seoulSchedule({ skips: ['2026-03-16T00:00:00.000Z'] }), 12);
		expect(posts.map((p) => iso(p.at)).slice(1, 3)).toEqual(['2026-03-09T00:00:00.000Z', '2026-03-23T00:00:00.000Z']);
		expect(iso(posts.at(-1)!.at)).toBe('2026-05-25T00:00:00.000Z');
	});

	it('GIVEN an open pause THEN the plan ends where it began, until resumed', () => {
		const paused = seoulSchedule({ pauses: [{ from: '2026-03-10T00:00:00.000Z', to: null }] });
		expect(plannedPosts(paused, 12).map((p) => p.week)).toEqual([1, 2]);
		const status = planStatus(paused, at('2026-03-12T00:00:00Z'), 12);
		expect(status).toMatchObject({ paused: true, next: null, finished: false });
		expect(status.current?.week).toBe(2);
	});

	it('GIVEN a re-based plan with a previous post THEN the previous post stays this week until the next one', () => {
		const schedule = seoulSchedule({
			postCron: '0 10 * * 2',
			plan: {
				startWeek: 5,
				startAt: '2026-03-31T03:00:00.000Z',
				previous: { week: 4, at: '2026-03-23T00:00:00.000Z' },
			},
		});
		const posts = plannedPosts(schedule, 12);
		expect(posts.slice(0, 2).map((p) => [p.week, iso(p.at)])).toEqual([
			[4, '2026-03-23T00:00:00.000Z'],
			[5, '2026-04-07T01:00:00.000Z'],
		]);
		expect(planStatus(schedule, at('2026-04-01T00:00:00Z'), 12).current?.week).toBe(4);
	});

	it('GIVEN no reminder, or a reminder lead longer than post-to-meeting THEN there is no reminder', () => {
		expect(plannedPosts(seoulSchedule({ reminderMinutes: 0 }), 12)[0]!.reminderAt).toBeNull();
		// Posts Wednesday 20:30, meeting 21:00, reminder 60 minutes before: it would come before the post.
		const late = plannedPosts(seoulSchedule({ postCron: '30 20 * * 3' }), 12)[0]!;
		expect(late.meetingAt.getTime() - late.at.getTime()).toBe(30 * 60_000);
		expect(late.reminderAt).toBeNull();
	});

	it('GIVEN a post at the same time as the meeting THEN it announces the next week’s meeting', () => {
		const same = plannedPosts(seoulSchedule({ postCron: '0 21 * * 3' }), 12)[0]!;
		expect(same.meetingAt.getTime() - same.at.getTime()).toBe(7 * DAY);
	});

	it('GIVEN moments before, during and after the course THEN the status names the current and next weeks', () => {
		const s = seoulSchedule();
		expect(planStatus(s, at('2026-03-01T00:00:00Z'), 12)).toMatchObject({
			current: null,
			next: { week: 1 },
			finished: false,
		});
		expect(planStatus(s, at('2026-03-02T00:00:00Z'), 12)).toMatchObject({ current: { week: 1 }, next: { week: 2 } });
		expect(planStatus(s, at('2026-03-11T00:00:00Z'), 12)).toMatchObject({ current: { week: 2 }, next: { week: 3 } });
		expect(planStatus(s, at('2026-06-01T00:00:00Z'), 12)).toMatchObject({
			current: { week: 12 },
			next: null,
			finished: true,
		});
		expect(planStatus(seoulSchedule({ plan: null }), at('2026-03-11T00:00:00Z'), 12)).toMatchObject({
			current: null,
			next: null,
			finished: false,
		});
		expect(upcomingPosts(s, at('2026-05-10T00:00:00Z'), 12, 3).map((p) => p.week)).toEqual([11, 12]);
	});

	it('GIVEN New York posts on Sundays 02:30 and meetings on Sundays 10:00 across both changes THEN every week posts once, the spring-forward one at 03:30', () => {
		const schedule = seoulSchedule({
			timezone: 'America/New_York',
			postCron: '30 2 * * 0',
			meeting: { weekday: 0, hour: 10, minute: 0, durationMinutes: 60, channelId: null },
			plan: { startWeek: 1, startAt: '2026-02-22T05:00:00.000Z', previous: null },
		});
		const posts = plannedPosts(schedule, 12);
		expect(posts).toHaveLength(12);
		const walls = posts.map((p) => wallTimeAt(p.at, 'America/New_York'));
		expect(walls.map((w) => `${w.month}-${w.day} ${w.hour}:${w.minute}`)).toEqual([
			'2-22 2:30',
			'3-1 2:30',
			'3-8 3:30',
			'3-15 2:30',
			'3-22 2:30',
			'3-29 2:30',
			'4-5 2:30',
			'4-12 2:30',
			'4-19 2:30',
			'4-26 2:30',
			'5-3 2:30',
			'5-10 2:30',
		]);
		// Every meeting is the same Sunday at 10:00 local, whatever the offset.
		for (const p of posts)
			expect(wallTimeAt(p.meetingAt, 'America/New_York')).toMatchObject({
				hour: 10,
				minute: 0,
				day: wallTimeAt(p.at, 'America/New_York').day,
			});
	});
});
