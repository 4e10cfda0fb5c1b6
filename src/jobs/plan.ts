import type { GuildSchedule, MeetingSettings } from '../storage/repositories/schedules.js';
import { nextOccurrence, parseCron, type CronSchedule } from './cron.js';

/** One week's post as the plan places it, with the meeting it announces. */
export interface PlannedPost {
	week: number;
	at: Date;
	/** The first meeting after the post. */
	meetingAt: Date;
	meetingEndsAt: Date;
	/** When the reminder is due; null when reminders are off or would come before the post. */
	reminderAt: Date | null;
}

/** The parts of a schedule the plan depends on. */
export type PlanInput = Pick<
	GuildSchedule,
	'timezone' | 'postCron' | 'meeting' | 'reminderMinutes' | 'plan' | 'pauses' | 'skips'
>;

const MINUTE_MS = 60_000;
/** A bound on occurrences walked through (paused and skipped ones included), against a runaway plan. */
const MAX_OCCURRENCES = 5000;

function meetingCron(meeting: MeetingSettings): CronSchedule {
	return {
		source: `${meeting.minute} ${meeting.hour} * * ${meeting.weekday}`,
		minutes: [meeting.minute],
		hours: [meeting.hour],
		days: new Set(),
		months: new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
		weekdays: new Set([meeting.weekday]),
		eitherDay: true,
	};
}

/** The first meeting strictly after `after`, in the schedule's time zone. */
export function nextMeetingAfter(meeting: MeetingSettings, after: Date, timeZone: string): Date {
	const at = nextOccurrence(meetingCron(meeting), after, timeZone);
	if (!at) throw new Error('a weekly meeting always has a next occurrence');
	return at;
}

function planned(input: PlanInput, week: number, at: Date): PlannedPost {
	const meetingAt = nextMeetingAfter(input.meeting, at, input.timezone);
	const lead = input.reminderMinutes * MINUTE_MS;
	const reminder = meetingAt.getTime() - lead;
	return {
		week,
		at,
		meetingAt,
		meetingEndsAt: new Date(meetingAt.getTime() + input.meeting.durationMinutes * MINUTE_MS),
		reminderAt: lead > 0 && reminder > at.getTime() ? new Date(reminder) : null,
	};
}

/** How far before a start the plan looks for this week's post time (a weekly post time is at most 7 days back). */
const CATCH_UP_LOOKBACK_MS = 8 * 24 * 60 * MINUTE_MS;

/**
 * The intervals in which the plan was not running: before `/schedule start` ran (for a start today or earlier) and
 * the pauses. `to` is null while still paused.
 */
function idleIntervals(input: PlanInput): { from: number; to: number | null }[] {
	const plan = input.plan!;
	const pauses = input.pauses.map((p) => ({ from: Date.parse(p.from), to: p.to === null ? null : Date.parse(p.to) }));
	const startedAt = plan.startedAt ? Date.parse(plan.startedAt) : null;
	if (startedAt === null || Date.parse(plan.startAt) > startedAt) return pauses;
	return [{ from: -Infinity, to: startedAt }, ...pauses];
}

function computePosts(input: PlanInput, lastWeek: number): PlannedPost[] {
	const plan = input.plan;
	if (!plan) return [];
	const parsed = parseCron(input.postCron);
	if (!parsed.ok) throw new Error(`stored schedule has an invalid post time: ${parsed.reason}`);
	const posts: PlannedPost[] = [];
	if (plan.previous) posts.push(planned(input, plan.previous.week, new Date(plan.previous.at)));
	const skips = new Set(input.skips);
	const idle = idleIntervals(input);
	let week = plan.startWeek;
	// A start today or earlier looks back for this week's post time, which may be before the start (even yesterday).
	const catchUpStart = idle[0]?.from === -Infinity ? idle[0].to! - CATCH_UP_LOOKBACK_MS : null;
	let cursor = new Date((catchUpStart ?? Date.parse(plan.startAt)) - 1);
	for (let i = 0; week <= lastWeek && i < MAX_OCCURRENCES; i++) {
		const at = nextOccurrence(parsed.cron, cursor, input.timezone);
		if (!at) break;
		cursor = at;
		const t = at.getTime();
		const gap = idle.find((p) => p.from <= t && (p.to === null || t < p.to));
		// Nothing is posted after an open pause begins until someone resumes, so the plan ends there for now.
		if (gap && gap.to === null) break;
		if (skips.has(at.toISOString())) continue;
		if (gap) {
			// A post time that fell while the plan was not running (before its start, or paused) is made when it runs
			// again, if it was the last such time and its meeting is still ahead then; otherwise its week waits.
			const resumedAt = gap.to!;
			const following = nextOccurrence(parsed.cron, at, input.timezone);
			const lastInGap = !following || following.getTime() > resumedAt;
			if (lastInGap && nextMeetingAfter(input.meeting, at, input.timezone).getTime() > resumedAt) {
				posts.push(planned(input, week, new Date(resumedAt)));
				week++;
			}
			continue;
		}
		posts.push(planned(input, week, at));
		week++;
	}
	return posts;
}

const cache = new Map<string, readonly PlannedPost[]>();
const CACHE_SIZE = 256;

/**
 * Every post the plan makes, in order: the first occurrence of the post time at or after the plan's start gets
 * its start week, each later occurrence that is not paused or skipped the next week, until the last week. The
 * list depends only on the schedule (not on the time), so the scheduler's frequent wake-ups reuse it. Do not mutate.
 */
export function plannedPosts(input: PlanInput, lastWeek: number): readonly PlannedPost[] {
	const key = JSON.stringify([
		input.timezone,
		input.postCron,
		input.meeting,
		input.reminderMinutes,
		input.plan,
		input.pauses,
		input.skips,
		lastWeek,
	]);
	let posts = cache.get(key);
	if (!posts) {
		posts = Object.freeze(computePosts(input, lastWeek));
		if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
		cache.set(key, posts);
	}
	return posts;
}

/** The pause in force at `now`, if any. */
export function pauseAt(
	input: Pick<GuildSchedule, 'pauses'>,
	now: Date,
): { from: string; to: string | null } | undefined {
	const t = now.getTime();
	return input.pauses.find((p) => Date.parse(p.from) <= t && (p.to === null || t < Date.parse(p.to)));
}

/** Where a guild's plan stands at a moment. */
export interface PlanStatus {
	/** The latest post made by the plan at or before now: "this week". */
	current: PlannedPost | null;
	/** The next post after now; null while paused, after the last week, or without a plan. */
	next: PlannedPost | null;
	paused: boolean;
	/** The last week has been posted. */
	finished: boolean;
}

/** The plan's state at `now`: the current week, the next post, paused or finished. */
export function planStatus(input: PlanInput, now: Date, lastWeek: number): PlanStatus {
	const posts = plannedPosts(input, lastWeek);
	const t = now.getTime();
	const current = posts.filter((p) => p.at.getTime() <= t).at(-1) ?? null;
	const next = posts.find((p) => p.at.getTime() > t) ?? null;
	return {
		current,
		next,
		paused: pauseAt(input, now) !== undefined,
		finished: next === null && current?.week === lastWeek,
	};
}

/** The next `count` posts after `now`. */
export function upcomingPosts(input: PlanInput, now: Date, lastWeek: number, count: number): PlannedPost[] {
	return plannedPosts(input, lastWeek)
		.filter((p) => p.at.getTime() > now.getTime())
		.slice(0, count);
}
