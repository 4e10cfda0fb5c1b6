import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	DEFAULT_NONCE_WINDOW_MS,
	dueJobs,
	jobNonce,
	mayAttempt,
	nextDueAt,
	postJobId,
	reminderJobId,
	unsettledEntries,
	type DueOptions,
} from '../../src/jobs/due.js';
import { plannedPosts } from '../../src/jobs/plan.js';
import type { Ledger } from '../../src/storage/repositories/schedule-ledger.js';
import { at, DAY, entry, GUILD, HOUR, MINUTE, seoulSchedule } from './fixtures.js';

const options: DueOptions = { graceMs: 6 * HOUR, lastWeek: 12 };
const W1 = at('2026-03-02T00:00:00Z'); // week 1's post
const W1_REMINDER = at('2026-03-04T11:00:00Z');
const W1_MEETING = at('2026-03-04T12:00:00Z');
const ids = (jobs: { id: string }[]) => jobs.map((j) => j.id);
const post1 = postJobId(1, W1);
const reminder1 = reminderJobId(1, W1);

describe('dueJobs: what is due now, from (schedule, ledger, now)', () => {
	const schedule = seoulSchedule();

	it('GIVEN the moments around a post THEN it is due from its time until the grace period ends, not before or after', () => {
		expect(dueJobs(schedule, {}, new Date(W1.getTime() - 1), options)).toEqual([]);
		expect(ids(dueJobs(schedule, {}, W1, options))).toEqual([post1]);
		expect(ids(dueJobs(schedule, {}, new Date(W1.getTime() + 6 * HOUR), options))).toEqual([post1]);
		expect(dueJobs(schedule, {}, new Date(W1.getTime() + 6 * HOUR + 1), options)).toEqual([]);
		expect(
			dueJobs(schedule, {}, new Date(W1.getTime() + 6 * HOUR + 1), { ...options, graceMs: 7 * HOUR }),
		).toHaveLength(1);
	});

	it('GIVEN a due post THEN the job carries the channel, the meeting and a deterministic nonce within Discord’s 25 characters', () => {
		const [job] = dueJobs(schedule, {}, W1, options);
		expect(job).toMatchObject({
			kind: 'post',
			week: 1,
			channelId: schedule.channelId,
			meetingAt: W1_MEETING,
			meetingChannelId: null,
		});
		expect(job!.nonce).toBe(jobNonce(GUILD, post1));
		expect(job!.nonce.length).toBeLessThanOrEqual(25);
		expect(jobNonce(GUILD, post1)).not.toBe(jobNonce('200000000000000002', post1));
		expect(jobNonce(GUILD, post1)).not.toBe(jobNonce(GUILD, postJobId(2, W1)));
	});

	it('GIVEN the ledger THEN done and given-up jobs are never due again, and retries wait for their time', () => {
		expect(dueJobs(schedule, { [post1]: entry(post1) }, W1, options)).toEqual([]);
		expect(dueJobs(schedule, { [post1]: entry(post1, { state: 'gave-up' }) }, W1, options)).toEqual([]);
		const retry = entry(post1, {
			state: 'retry',
			messageId: null,
			sendRejected: true,
			nextAttemptAt: '2026-03-02T00:02:00.000Z',
		});
		expect(dueJobs(schedule, { [post1]: retry }, at('2026-03-02T00:01:59Z'), options)).toEqual([]);
		expect(ids(dueJobs(schedule, { [post1]: retry }, at('2026-03-02T00:02:00Z'), options))).toEqual([post1]);
	});

	it('GIVEN a post stopped mid-way THEN it resumes after a sent message at any time, but repeats an unknown send only while the nonce protects it', () => {
		const sent = entry(post1, { state: 'in-progress', threadId: null });
		expect(ids(dueJobs(schedule, { [post1]: sent }, new Date(W1.getTime() + 5 * HOUR), options))).toEqual([post1]);
		const unknown = entry(post1, { state: 'in-progress', messageId: null, sendStartedAt: W1.toISOString() });
		const ledger: Ledger = { [post1]: unknown };
		expect(ids(dueJobs(schedule, ledger, new Date(W1.getTime() + DEFAULT_NONCE_WINDOW_MS - 1), options))).toEqual([
			post1,
		]);
		expect(dueJobs(schedule, ledger, new Date(W1.getTime() + DEFAULT_NONCE_WINDOW_MS), options)).toEqual([]);
		expect(unsettledEntries(ledger, new Date(W1.getTime() + DEFAULT_NONCE_WINDOW_MS)).map((e) => e.jobId)).toEqual([
			post1,
		]);
		expect(unsettledEntries(ledger, new Date(W1.getTime() + 60_000))).toEqual([]);
		// Discord refused the send: nothing exists, so sending again is safe whenever it is due.
		const refused = entry(post1, { state: 'retry', messageId: null, sendRejected: true, sendStartedAt: null });
		expect(ids(dueJobs(schedule, { [post1]: refused }, new Date(W1.getTime() + 3 * HOUR), options))).toEqual([post1]);
		expect(mayAttempt(undefined, W1)).toBe(true);
	});

	it('GIVEN the moments around a reminder THEN it is due from its time until the meeting starts', () => {
		const ledger: Ledger = { [post1]: entry(post1) };
		expect(dueJobs(schedule, ledger, new Date(W1_REMINDER.getTime() - 1), options)).toEqual([]);
		const [job] = dueJobs(schedule, ledger, W1_REMINDER, options);
		expect(job).toMatchObject({
			kind: 'reminder',
			id: reminder1,
			postJobId: post1,
			meetingAt: W1_MEETING,
			reminderMinutes: 60,
		});
		expect(ids(dueJobs(schedule, ledger, new Date(W1_MEETING.getTime() - 1), options))).toEqual([reminder1]);
		expect(dueJobs(schedule, ledger, W1_MEETING, options)).toEqual([]);
		expect(dueJobs(schedule, { ...ledger, [reminder1]: entry(reminder1) }, W1_REMINDER, options)).toEqual([]);
	});

	it('GIVEN a recovery after the reminder time with the post still in its grace period THEN the post comes before the reminder', () => {
		const s = seoulSchedule({ postCron: '0 19 * * 3' }); // Wednesday 19:00 post, 20:00 reminder, 21:00 meeting
		const jobs = dueJobs(s, {}, at('2026-03-04T11:30:00Z'), options);
		expect(jobs.map((j) => j.kind)).toEqual(['post', 'reminder']);
	});

	it('GIVEN a paused schedule or no plan THEN nothing is due; resumed after a post time with its meeting ahead THEN that week is due at the resume, else it waits', () => {
		const paused = seoulSchedule({ pauses: [{ from: '2026-03-01T00:00:00.000Z', to: null }] });
		expect(dueJobs(paused, {}, W1, options)).toEqual([]);
		expect(dueJobs(seoulSchedule({ plan: null }), {}, W1, options)).toEqual([]);
		const resumed = seoulSchedule({ pauses: [{ from: '2026-03-01T00:00:00.000Z', to: '2026-03-02T01:00:00.000Z' }] });
		// The Monday 2 March post fell in the pause; its meeting (Wednesday 4 March) is still ahead at the resume.
		expect(dueJobs(resumed, {}, at('2026-03-02T01:00:00Z'), options)).toMatchObject([
			{ kind: 'post', week: 1, id: postJobId(1, at('2026-03-02T01:00:00Z')) },
		]);
		expect(dueJobs(resumed, {}, at('2026-03-09T00:00:00Z'), options)).toMatchObject([{ kind: 'post', week: 2 }]);
		// Resumed after that meeting: the week waits for the next post time.
		const late = seoulSchedule({ pauses: [{ from: '2026-03-01T00:00:00.000Z', to: '2026-03-05T00:00:00.000Z' }] });
		expect(dueJobs(late, {}, at('2026-03-05T00:00:00Z'), options)).toEqual([]);
		expect(dueJobs(late, {}, at('2026-03-09T00:00:00Z'), options)).toMatchObject([{ kind: 'post', week: 1 }]);
	});

	it('GIVEN a moment THEN nextDueAt is the next post, reminder or retry time', () => {
		expect(nextDueAt(schedule, {}, at('2026-03-01T00:00:00Z'), options)).toEqual(W1);
		expect(nextDueAt(schedule, {}, W1, options)).toEqual(W1_REMINDER);
		const retry = entry(post1, { state: 'retry', nextAttemptAt: '2026-03-02T00:02:00.000Z' });
		expect(nextDueAt(schedule, { [post1]: retry }, W1, options)).toEqual(at('2026-03-02T00:02:00Z'));
		expect(nextDueAt(schedule, {}, at('2026-07-01T00:00:00Z'), options)).toBeNull();
	});
});

describe('ledger ids carry the plan: a plan started again is never taken as done by the one before it', () => {
	it('GIVEN a plan that posted week 1 and a second plan (another channel) due for week 1 in the same second THEN the second plan’s post is due, with its own id and nonce', () => {
		const first = seoulSchedule({
			plan: { id: 'A', startWeek: 1, startAt: '2026-03-01T15:00:00.000Z', previous: null },
		});
		const second = seoulSchedule({ ...first, channelId: '300000000000000009', plan: { ...first.plan!, id: 'B' } });
		const [made] = dueJobs(first, {}, W1, options);
		expect(made!.id).toBe(`post:w1:${W1.getTime() / 1000}:pA`);
		const ledger: Ledger = { [made!.id]: entry(made!.id) };
		expect(dueJobs(first, ledger, W1, options)).toEqual([]);
		const [again] = dueJobs(second, ledger, W1, options);
		expect(again).toMatchObject({ id: `post:w1:${W1.getTime() / 1000}:pB`, channelId: '300000000000000009' });
		expect(again!.nonce).not.toBe(made!.nonce);
		// Its reminder follows its own post.
		const reminder = dueJobs(second, ledger, W1_REMINDER, options).find((j) => j.kind === 'reminder');
		expect(reminder).toMatchObject({ id: `reminder:w1:${W1.getTime() / 1000}:pB`, postJobId: again!.id });
	});

	it('GIVEN a plan started before plans had ids, with its old-format ledger entry THEN that entry still counts (nothing is posted twice) and a missed post is named the old way', () => {
		const legacy = seoulSchedule();
		expect(legacy.plan!.id).toBeUndefined();
		expect(post1).toBe(`post:w1:${W1.getTime() / 1000}`);
		expect(dueJobs(legacy, { [post1]: entry(post1) }, W1, options)).toEqual([]);
		expect(ids(dueJobs(legacy, {}, W1, options))).toEqual([post1]);
	});
});

describe('dueJobs over random uptime: each post exactly once if the bot was up within its grace period, else never', () => {
	it('GIVEN random downtimes, wake-up rhythms and grace periods THEN every post and reminder is made at the first up wake-up in its window, once', () => {
		const start = Date.parse('2026-02-28T00:00:00Z');
		const span = 100 * DAY;
		fc.assert(
			fc.property(
				fc.integer({ min: 5, max: 90 }),
				fc.integer({ min: 0, max: 24 * 60 }),
				fc.array(fc.tuple(fc.integer({ min: 0, max: span }), fc.integer({ min: 1, max: 3 * DAY })), { maxLength: 12 }),
				fc.constantFrom(0, 30, 60, 24 * 60),
				(stepMinutes, graceMinutes, downs, reminderMinutes) => {
					const s = seoulSchedule({ reminderMinutes });
					const opts: DueOptions = { graceMs: graceMinutes * MINUTE, lastWeek: 12 };
					const isDown = (t: number) => downs.some(([from, length]) => t >= start + from && t < start + from + length);
					// Wake-ups on the rhythm while up, plus one at every restart (the scheduler's recovery on start).
					const ticks = new Set<number>();
					for (let t = start; t < start + span; t += stepMinutes * MINUTE) if (!isDown(t)) ticks.add(t);
					for (const [from, length] of downs) if (!isDown(start + from + length)) ticks.add(start + from + length);
					const sorted = [...ticks].sort((a, b) => a - b);
					const ledger: Record<string, ReturnType<typeof entry>> = {};
					const madeAt = new Map<string, number[]>();
					for (const t of sorted) {
						for (const job of dueJobs(s, ledger, new Date(t), opts)) {
							madeAt.set(job.id, [...(madeAt.get(job.id) ?? []), t]);
							ledger[job.id] = entry(job.id);
						}
					}
					for (const post of plannedPosts(s, 12)) {
						const p = post.at.getTime();
						const first = sorted.find((t) => t >= p && t - p <= opts.graceMs);
						expect(madeAt.get(postJobId(post.week, post.at))).toEqual(first === undefined ? undefined : [first]);
						if (post.reminderAt) {
							const r = post.reminderAt.getTime();
							const firstReminder = sorted.find((t) => t >= r && t < post.meetingAt.getTime() && t - r <= opts.graceMs);
							expect(madeAt.get(reminderJobId(post.week, post.at))).toEqual(
								firstReminder === undefined ? undefined : [firstReminder],
							);
						}
					}
				},
			),
			{ numRuns: 60 },
		);
	});
});

describe('a whole semester, minute by minute, in Berlin (daylight saving)', () => {
	for (const [season, startAt, changeDay, expected] of [
		['spring', '2026-02-28T23:00:00.000Z', '2026-03-29', '2026-03-29T01:30:00.000Z'], // 02:30 does not exist: 03:30 CEST
		['autumn', '2026-09-05T22:00:00.000Z', '2026-10-25', '2026-10-25T00:30:00.000Z'], // 02:30 happens twice: the first (CEST)
	] as const) {
		it(`GIVEN Sunday 02:30 posts through the ${season} change THEN each post and reminder is due at exactly one minute, its own`, () => {
			const s = seoulSchedule({
				timezone: 'Europe/Berlin',
				postCron: '30 2 * * 0',
				meeting: { weekday: 0, hour: 19, minute: 0, durationMinutes: 90, channelId: null },
				plan: { startWeek: 1, startAt, previous: null },
			});
			const posts = plannedPosts(s, 12);
			const ledger: Record<string, ReturnType<typeof entry>> = {};
			const made: { id: string; at: number }[] = [];
			const end = posts.at(-1)!.meetingAt.getTime() + DAY;
			for (let t = Date.parse(startAt); t <= end; t += MINUTE) {
				for (const job of dueJobs(s, ledger, new Date(t), options)) {
					made.push({ id: job.id, at: t });
					ledger[job.id] = entry(job.id);
				}
			}
			const expectedJobs = posts.flatMap((p) => [
				{ id: postJobId(p.week, p.at), at: p.at.getTime() },
				{ id: reminderJobId(p.week, p.at), at: p.reminderAt!.getTime() },
			]);
			expect(made).toEqual(expectedJobs.sort((a, b) => a.at - b.at));
			const onChangeDay = posts.filter((p) => p.at.toISOString().startsWith(changeDay));
			expect(onChangeDay.map((p) => p.at.toISOString())).toEqual([expected]);
		});
	}
});
