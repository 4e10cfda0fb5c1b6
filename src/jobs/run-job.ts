import { RESTJSONErrorCodes } from 'discord-api-types/v10';
import type { Logger } from 'pino';
import type { ChannelPoster } from '../core/poster.js';
import type { Curriculum } from '../curriculum/index.js';
import {
	currentEntry,
	type LedgerEntry,
	type LedgerStep,
	type ScheduleLedgerRepository,
} from '../storage/repositories/schedule-ledger.js';
import type { DueJob, PostJob, ReminderJob } from './due.js';
import { meetingEvent, reminderReply, threadName, weeklyPostReply } from './weekly-post.js';

/** What running a job needs. `now` is passed in: jobs never read the clock. */
export interface JobRunContext {
	guildId: string;
	now: Date;
	poster: ChannelPoster;
	ledger: ScheduleLedgerRepository;
	curriculum: Curriculum;
	log: Logger;
	/** Whether the AI tutor is set up (default yes): without it the weekly post does not suggest /ask. */
	tutor?: boolean;
}

/** Attempts before a job is given up (with backoff between them). */
export const MAX_ATTEMPTS = 5;
const RETRY_BASE_MS = 60_000;
/** Discord refuses an event that starts now or earlier; leave a margin for the request. */
const EVENT_MIN_LEAD_MS = 60_000;
/** Discord answered with an error code, so the request was refused and nothing was created. */
export function isRefusal(error: unknown): boolean {
	return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'number';
}

function refusalCode(error: unknown): number | undefined {
	return isRefusal(error) ? (error as { code: number }).code : undefined;
}

function describe(error: unknown): string {
	return (error instanceof Error ? error.message : String(error)).slice(0, 300);
}

/** Writes "in progress" (resolving once stored) before anything is sent. */
function begin(job: DueJob, now: Date) {
	return (current: LedgerEntry | undefined): LedgerEntry => {
		const iso = now.toISOString();
		// A send whose outcome is unknown keeps its start time: the nonce protects a repeat only for minutes from then.
		const unknownSend = current && !current.messageId && !current.sendRejected && current.sendStartedAt;
		return {
			jobId: job.id,
			kind: job.kind,
			week: job.week,
			nonce: job.nonce,
			channelId: job.channelId,
			messageId: null,
			threadId: null,
			eventId: null,
			skipped: {},
			lastError: null,
			createdAt: iso,
			...current,
			state: 'in-progress',
			attempts: (current?.attempts ?? 0) + 1,
			sendStartedAt: current?.messageId ? null : unknownSend ? current.sendStartedAt : iso,
			sendRejected: false,
			nextAttemptAt: null,
			updatedAt: iso,
		};
	};
}

class StepFailure extends Error {
	constructor(
		readonly step: 'send' | LedgerStep,
		readonly original: unknown,
	) {
		super(describe(original));
	}
}

/**
 * Runs one due job and records every step in the ledger, so a stop at any point resumes without repeating a
 * finished step: the message is sent with the job's nonce, then the thread is started, then the event created.
 * Returns the ledger entry as saved last.
 */
export async function runJob(job: DueJob, ctx: JobRunContext): Promise<LedgerEntry> {
	if (!ctx.curriculum.week(job.week)) {
		const missing = `week ${job.week} is not in the curriculum`;
		return ctx.ledger.update(ctx.guildId, job.id, (current) => ({
			...begin(job, ctx.now)(current),
			state: 'gave-up',
			lastError: missing,
		}));
	}
	let entry = await ctx.ledger.update(ctx.guildId, job.id, begin(job, ctx.now));
	const save = async (patch: Partial<LedgerEntry>): Promise<LedgerEntry> =>
		(entry = await ctx.ledger.update(ctx.guildId, job.id, (current) => ({
			...(current ?? entry),
			...patch,
			updatedAt: ctx.now.toISOString(),
		})));
	const log = ctx.log.child({ guild: ctx.guildId, job: job.id, week: job.week, attempt: entry.attempts });
	try {
		if (job.kind === 'post') await runPost(job, ctx, () => entry, save);
		else await runReminder(job, ctx, () => entry, save);
		log.info(
			{ messageId: entry.messageId, threadId: entry.threadId, eventId: entry.eventId, skipped: entry.skipped },
			`${job.kind} made`,
		);
		return await save({ state: 'done', nextAttemptAt: null });
	} catch (error) {
		const failure = error instanceof StepFailure ? error : new StepFailure('send', error);
		const refused = isRefusal(failure.original);
		const giveUp = entry.attempts >= MAX_ATTEMPTS;
		log.warn({ err: failure.original, step: failure.step, refused, giveUp }, `${job.kind} failed`);
		return save({
			state: giveUp ? 'gave-up' : 'retry',
			lastError: `${failure.step}: ${failure.message}`,
			nextAttemptAt: giveUp
				? null
				: new Date(ctx.now.getTime() + RETRY_BASE_MS * 2 ** (entry.attempts - 1)).toISOString(),
			...(failure.step === 'send' && refused ? { sendRejected: true, sendStartedAt: null } : {}),
		});
	}
}

type Save = (patch: Partial<LedgerEntry>) => Promise<LedgerEntry>;

async function attempt<T>(step: 'send' | LedgerStep, run: () => Promise<T>): Promise<T> {
	try {
		return await run();
	} catch (error) {
		throw new StepFailure(step, error);
	}
}

async function runPost(job: PostJob, ctx: JobRunContext, current: () => LedgerEntry, save: Save): Promise<void> {
	const week = ctx.curriculum.week(job.week)!;
	const lastWeek = ctx.curriculum.weeks.at(-1)!.number;
	const meetingAhead = job.meetingAt.getTime() - ctx.now.getTime() >= EVENT_MIN_LEAD_MS;
	if (!current().messageId) {
		const reply = weeklyPostReply(week, meetingAhead ? job.meetingAt : null, lastWeek, ctx.tutor);
		const sent = await attempt('send', () => ctx.poster.send(job.channelId, reply, { nonce: job.nonce }));
		await save({ messageId: sent.id, channelId: job.channelId, sendStartedAt: null });
	}
	const messageId = current().messageId!;
	if (!current().threadId && !current().skipped.thread) {
		try {
			const thread = await ctx.poster.startThread(job.channelId, messageId, threadName(week));
			await save({ threadId: thread.id });
		} catch (error) {
			// Started by an attempt that stopped before recording it: a thread on a message takes the message's id.
			if (refusalCode(error) === RESTJSONErrorCodes.ThreadAlreadyCreatedForMessage) await save({ threadId: messageId });
			else if (isRefusal(error)) await save({ skipped: { ...current().skipped, thread: describe(error) } });
			else throw new StepFailure('thread', error);
		}
	}
	if (!current().eventId && !current().skipped.event) {
		if (!job.createEvent || !meetingAhead) {
			await save({
				skipped: { ...current().skipped, event: job.createEvent ? 'the meeting had already started' : 'not asked for' },
			});
			return;
		}
		try {
			const event = await ctx.poster.createScheduledEvent(
				ctx.guildId,
				meetingEvent(week, { at: job.meetingAt, endsAt: job.meetingEndsAt, channelId: job.meetingChannelId }),
			);
			await save({ eventId: event.id });
		} catch (error) {
			if (isRefusal(error)) await save({ skipped: { ...current().skipped, event: describe(error) } });
			else throw new StepFailure('event', error);
		}
	}
}

async function runReminder(
	job: ReminderJob,
	ctx: JobRunContext,
	current: () => LedgerEntry,
	save: Save,
): Promise<void> {
	if (current().messageId) return;
	const week = ctx.curriculum.week(job.week)!;
	// The week's post as it stands: a re-post (`/schedule post-now replace:true`) has the thread and event that exist.
	const post = currentEntry(await ctx.ledger.get(ctx.guildId), job.postJobId);
	const eventUrl = post?.eventId ? `https://discord.com/events/${ctx.guildId}/${post.eventId}` : null;
	const reply = reminderReply(week, job.meetingAt, eventUrl);
	const target = post?.threadId ?? job.channelId;
	let sent: { id: string };
	try {
		sent = await ctx.poster.send(target, reply, { nonce: job.nonce });
	} catch (error) {
		// The thread may have been deleted or locked: remind in the channel instead.
		if (target === job.channelId || !isRefusal(error)) throw new StepFailure('send', error);
		sent = await attempt('send', () => ctx.poster.send(job.channelId, reply, { nonce: job.nonce }));
		await save({ messageId: sent.id, channelId: job.channelId });
		return;
	}
	await save({ messageId: sent.id, channelId: target, sendStartedAt: null });
}
