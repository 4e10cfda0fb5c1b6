import { createHash } from 'node:crypto';
import type { Ledger, LedgerEntry } from '../storage/repositories/schedule-ledger.js';
import type { GuildSchedule } from '../storage/repositories/schedules.js';
import { pauseAt, plannedPosts, type PlannedPost } from './plan.js';

/**
 * Deciding what the scheduler must do now, as a pure function of (schedule, ledger, now). Timers only wake the
 * scheduler up; every decision is made here and tested without them.
 */

export interface DueOptions {
	/** A post more than this late (the bot was down) is not made any more. */
	graceMs: number;
	/** The curriculum's last week: the plan ends there. */
	lastWeek: number;
	/**
	 * How long after a send whose outcome is unknown it may be repeated with the same nonce. Discord returns the
	 * first message for a repeated nonce "within the past few minutes"; below that, a repeat can never post twice.
	 */
	nonceWindowMs?: number;
}

/** Safely inside Discord's few minutes of nonce memory (the emulator and the local mode keep 5). */
export const DEFAULT_NONCE_WINDOW_MS = 4 * 60_000;

interface JobBase {
	id: string;
	week: number;
	/** When the plan wanted it. */
	scheduledAt: Date;
	/** Discord's message nonce: the same for every attempt of the job. */
	nonce: string;
	/** What earlier attempts did (the job resumes after the last completed step). */
	entry: LedgerEntry | undefined;
	channelId: string;
	meetingAt: Date;
}

/** The weekly post: message, thread, scheduled event. */
export interface PostJob extends JobBase {
	kind: 'post';
	meetingEndsAt: Date;
	/** Voice channel of the event, or null for an external event. */
	meetingChannelId: string | null;
	/** Scheduled posts create the meeting's Discord event; a test post (`/schedule post-now`) may leave it out. */
	createEvent: boolean;
}

/** The reminder before the meeting, in the week's thread (or the channel when the post has no thread). */
export interface ReminderJob extends JobBase {
	kind: 'reminder';
	/** The post whose thread the reminder goes to. */
	postJobId: string;
	reminderMinutes: number;
}

export type DueJob = PostJob | ReminderJob;

/**
 * The ledger id of a week's post at an occurrence of a plan: `post:w3:1772409600:p<plan id>`. Distinct plans, weeks or
 * times (in whole seconds) give distinct ids, so a plan started again (say in another channel) is never taken as done
 * by the previous plan's post of the same week in the same second. A plan started before plans had ids (no `planId`)
 * keeps the old form `post:w3:1772409600`: only that plan can have written such entries, so a running bot's ledger
 * stays its own.
 */
export function postJobId(week: number, at: Date, planId?: string): string {
	return `post:w${week}:${Math.floor(at.getTime() / 1000)}${planId ? `:p${planId}` : ''}`;
}

/** The ledger id of the reminder for a week's meeting, named after the post it follows (and its plan, as above). */
export function reminderJobId(week: number, postAt: Date, planId?: string): string {
	return `reminder:w${week}:${Math.floor(postAt.getTime() / 1000)}${planId ? `:p${planId}` : ''}`;
}

/** The plan's id, for the ids of its jobs; undefined for a plan started before plans had ids. */
export function planIdOf(schedule: Pick<GuildSchedule, 'plan'>): string | undefined {
	return schedule.plan?.id;
}

/** A deterministic nonce (Discord allows 25 characters) from the guild and job, so every attempt sends the same one. */
export function jobNonce(guildId: string, jobId: string): string {
	return createHash('sha256').update(`${guildId}/${jobId}`).digest('base64url').slice(0, 25);
}

/**
 * Whether a job with this ledger entry may be attempted now: never when done or given up; not before its retry
 * time; and a send whose outcome is unknown only while its nonce still protects against a duplicate.
 */
export function mayAttempt(
	entry: LedgerEntry | undefined,
	now: Date,
	nonceWindowMs = DEFAULT_NONCE_WINDOW_MS,
): boolean {
	if (!entry) return true;
	if (entry.state === 'done' || entry.state === 'gave-up') return false;
	if (entry.nextAttemptAt && now.getTime() < Date.parse(entry.nextAttemptAt)) return false;
	if (entry.messageId || entry.sendRejected || !entry.sendStartedAt) return true;
	return now.getTime() - Date.parse(entry.sendStartedAt) < nonceWindowMs;
}

function postJob(schedule: GuildSchedule, post: PlannedPost, ledger: Ledger): PostJob {
	const id = postJobId(post.week, post.at, planIdOf(schedule));
	return {
		kind: 'post',
		id,
		week: post.week,
		scheduledAt: post.at,
		nonce: jobNonce(schedule.guildId, id),
		entry: ledger[id],
		channelId: schedule.channelId,
		meetingAt: post.meetingAt,
		meetingEndsAt: post.meetingEndsAt,
		meetingChannelId: schedule.meeting.channelId,
		createEvent: true,
	};
}

function reminderJob(schedule: GuildSchedule, post: PlannedPost, ledger: Ledger): ReminderJob {
	const id = reminderJobId(post.week, post.at, planIdOf(schedule));
	return {
		kind: 'reminder',
		id,
		week: post.week,
		scheduledAt: post.reminderAt!,
		nonce: jobNonce(schedule.guildId, id),
		entry: ledger[id],
		channelId: schedule.channelId,
		meetingAt: post.meetingAt,
		postJobId: postJobId(post.week, post.at, planIdOf(schedule)),
		reminderMinutes: schedule.reminderMinutes,
	};
}

/**
 * The jobs due at `now`, oldest first (a week's post before its reminder):
 * - a post from its time until `graceMs` later (so a post missed while the bot was down is made once on recovery);
 * - a reminder from its time until the meeting starts (and at most `graceMs` late);
 * - neither while the schedule is paused, nor when the ledger shows it done, given up, waiting for a retry, or
 *   with a send whose outcome is unknown and too old to repeat safely.
 */
export function dueJobs(schedule: GuildSchedule, ledger: Ledger, now: Date, options: DueOptions): DueJob[] {
	if (!schedule.plan || pauseAt(schedule, now)) return [];
	const t = now.getTime();
	const window = options.nonceWindowMs ?? DEFAULT_NONCE_WINDOW_MS;
	const jobs: DueJob[] = [];
	for (const post of plannedPosts(schedule, options.lastWeek)) {
		if (post.at.getTime() > t) break;
		if (t - post.at.getTime() <= options.graceMs) {
			const job = postJob(schedule, post, ledger);
			if (mayAttempt(job.entry, now, window)) jobs.push(job);
		}
		const reminderAt = post.reminderAt?.getTime();
		if (
			reminderAt !== undefined &&
			reminderAt <= t &&
			t < post.meetingAt.getTime() &&
			t - reminderAt <= options.graceMs
		) {
			const job = reminderJob(schedule, post, ledger);
			if (mayAttempt(job.entry, now, window)) jobs.push(job);
		}
	}
	return jobs.sort((a, b) => a.scheduledAt.getTime() - b.scheduledAt.getTime() || (a.kind === 'post' ? -1 : 1));
}

/** How far back {@link missedPosts} looks. */
const MISSED_LOOKBACK_MS = 14 * 24 * 60 * 60 * 1000;

/**
 * Posts of the last two weeks that were never attempted and are now past the grace period: the bot was down too
 * long. They are not made (a week-old announcement would mislead); they are counted in the metrics.
 */
export function missedPosts(
	schedule: GuildSchedule,
	ledger: Ledger,
	now: Date,
	options: DueOptions,
): { id: string; week: number; at: Date }[] {
	if (!schedule.plan) return [];
	const t = now.getTime();
	const missed: { id: string; week: number; at: Date }[] = [];
	for (const post of plannedPosts(schedule, options.lastWeek)) {
		const at = post.at.getTime();
		if (at > t - options.graceMs) break;
		const id = postJobId(post.week, post.at, planIdOf(schedule));
		if (at >= t - MISSED_LOOKBACK_MS && !ledger[id]) missed.push({ id, week: post.week, at: post.at });
	}
	return missed;
}

/**
 * The next moment after `now` at which {@link dueJobs} may return something new (a post or reminder time, or a
 * retry), or null when nothing is planned. Simulations jump from one to the next; `/schedule show` lists them.
 */
export function nextDueAt(schedule: GuildSchedule, ledger: Ledger, now: Date, options: DueOptions): Date | null {
	if (!schedule.plan) return null;
	const t = now.getTime();
	const times: number[] = [];
	for (const post of plannedPosts(schedule, options.lastWeek)) {
		times.push(post.at.getTime());
		if (post.reminderAt) times.push(post.reminderAt.getTime());
	}
	for (const entry of Object.values(ledger)) {
		if (entry.state === 'retry' && entry.nextAttemptAt) times.push(Date.parse(entry.nextAttemptAt));
	}
	const future = times.filter((x) => x > t);
	return future.length > 0 ? new Date(Math.min(...future)) : null;
}

/** Jobs that stopped while sending and can no longer be repeated safely: their post may or may not exist. */
export function unsettledEntries(ledger: Ledger, now: Date, nonceWindowMs = DEFAULT_NONCE_WINDOW_MS): LedgerEntry[] {
	return Object.values(ledger).filter(
		(e) =>
			(e.state === 'in-progress' || e.state === 'retry') &&
			!e.messageId &&
			!e.sendRejected &&
			e.sendStartedAt !== null &&
			now.getTime() - Date.parse(e.sendStartedAt) >= nonceWindowMs,
	);
}
