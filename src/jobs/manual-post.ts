import type { BaseContext } from '../core/context.js';
import { UserError } from '../core/errors.js';
import type { Reply } from '../core/reply.js';
import { t, withLanguage, type Language } from '../i18n/index.js';
import { publicLanguage } from '../storage/repositories/guild-settings.js';
import { currentEntry, type Ledger, type LedgerEntry } from '../storage/repositories/schedule-ledger.js';
import type { GuildSchedule } from '../storage/repositories/schedules.js';
import { jobNonce, postJobId, type PostJob } from './due.js';
import { nextMeetingAfter, plannedPosts } from './plan.js';
import { eventUrl, messageUrl } from './post-links.js';
import { replaceWeekPost } from './replace-post.js';
import { runJob } from './run-job.js';
import { weeklyPostReply } from './weekly-post.js';

/**
 * A week's post by hand, outside the plan: `/schedule preview` shows it to the organizer only, `/schedule post-now`
 * posts it (a week already posted is updated in place, or with `replace` deleted and posted afresh). The command
 * reads the options and picks the week; this does the rest.
 */

export type PostNowContext = Pick<BaseContext, 'deps' | 'log' | 'interactionId' | 'guildLocale'>;

export interface WeekPostRequest {
	guildId: string;
	schedule: GuildSchedule;
	week: number;
	/** The curriculum's last week (the post's wording and the plan depend on it). */
	lastWeek: number;
	now: Date;
}

export interface PostNowRequest extends WeekPostRequest {
	/** Also create the meeting event. */
	event: boolean;
	/** A week already posted is deleted and posted again instead of updated in place. */
	replace: boolean;
}

/** What the week's post would look like now, only to the organizer: nothing is sent, no thread or event made. */
export async function preview(
	ctx: Pick<BaseContext, 'deps' | 'guildLocale'>,
	{ guildId, schedule, week, lastWeek, now }: WeekPostRequest,
): Promise<Reply> {
	const meetingAt = nextMeetingAfter(schedule.meeting, now, schedule.timezone);
	// As it would go out: in the server's language (the line above it in the organizer's).
	const language = publicLanguage(await ctx.deps.repos.settings.get(guildId), ctx.guildLocale);
	const post = withLanguage(language, () =>
		weeklyPostReply(ctx.deps.curriculum.in(language).week(week)!, meetingAt, lastWeek),
	);
	return {
		content: `${t('schedule.command.preview', { week, channel: schedule.channelId })}\n\n${post.content ?? ''}`,
		embeds: post.embeds ?? [],
		ephemeral: true,
	};
}

/**
 * The week's post to update or replace: the one the current plan made for that week (as re-posted since), else the
 * latest one made by hand or by an earlier plan that has not been replaced.
 */
function weekPost(ledger: Ledger, schedule: GuildSchedule, week: number, lastWeek: number): LedgerEntry | undefined {
	const live = (e: LedgerEntry | undefined): e is LedgerEntry =>
		e !== undefined && e.kind === 'post' && e.state === 'done' && Boolean(e.messageId) && !e.replacedBy;
	const planned = schedule.plan
		? plannedPosts(schedule, lastWeek)
				.filter((p) => p.week === week)
				.map((p) => currentEntry(ledger, postJobId(p.week, p.at, schedule.plan!.id)))
				.filter(live)
				.at(-1)
		: undefined;
	if (planned) return planned;
	return Object.values(ledger)
		.filter((e) => live(e) && e.week === week)
		.sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt))[0];
}

/** The week's post updated in place: same message, thread and event; the reply says so, and how to replace it. */
async function updateInPlace(
	ctx: PostNowContext,
	{ guildId, week, event: createEvent, now, lastWeek }: PostNowRequest,
	existing: LedgerEntry,
	meetingAt: Date,
	language: Language,
): Promise<Reply> {
	const reply = withLanguage(language, () =>
		weeklyPostReply(ctx.deps.curriculum.in(language).week(week)!, meetingAt, lastWeek),
	);
	const link = messageUrl(guildId, existing.channelId, existing.messageId!);
	try {
		await ctx.deps.poster.edit(existing.channelId, existing.messageId!, reply);
	} catch (error) {
		throw new UserError(
			t('repost.inPlace.failed', { week, link, error: error instanceof Error ? error.message : String(error) }),
			'schedule.repost-failed',
		);
	}
	await ctx.deps.repos.scheduleLedger.update(guildId, existing.jobId, (current) => ({
		...(current ?? existing),
		editedAt: now.toISOString(),
		updatedAt: (current ?? existing).updatedAt,
	}));
	return {
		content: [
			t('repost.inPlace.updated', { week, link }),
			existing.threadId ? t('repost.inPlace.threadKept', { thread: existing.threadId }) : t('repost.inPlace.noThread'),
			existing.eventId
				? t('repost.inPlace.eventKept', { url: eventUrl(guildId, existing.eventId) })
				: createEvent
					? t('repost.inPlace.noEventNotMade')
					: t('repost.inPlace.noEvent'),
			t('repost.inPlace.howToReplace'),
		].join('\n'),
		ephemeral: true,
	};
}

/** A week posted afresh by hand: the earlier post's parts first deleted (`replace`), then a new post, thread and event. */
export async function postNow(ctx: PostNowContext, request: PostNowRequest): Promise<Reply> {
	const { guildId, schedule, week, lastWeek, now } = request;
	const check = await ctx.deps.poster.canPost(schedule.channelId);
	if (!check.ok) throw new UserError(check.reason, 'schedule.cannot-post');
	const meetingAt = nextMeetingAfter(schedule.meeting, now, schedule.timezone);
	// The post is public: in the server's language.
	const language = publicLanguage(await ctx.deps.repos.settings.get(guildId), ctx.guildLocale);
	const existing = weekPost(await ctx.deps.repos.scheduleLedger.get(guildId), schedule, week, lastWeek);
	if (existing && !request.replace) return updateInPlace(ctx, request, existing, meetingAt, language);
	const id = `manual:w${week}:${ctx.interactionId}`;
	const removed = existing
		? await replaceWeekPost(existing, { guildId, week, id, now }, ctx.deps.poster, ctx.deps.repos.scheduleLedger)
		: [];
	// A replaced week keeps its event: the new post gets one too.
	const createEvent = request.event || Boolean(existing?.eventId);
	const job: PostJob = {
		kind: 'post',
		id,
		week,
		scheduledAt: now,
		nonce: jobNonce(guildId, id),
		entry: undefined,
		channelId: schedule.channelId,
		meetingAt,
		meetingEndsAt: new Date(meetingAt.getTime() + schedule.meeting.durationMinutes * 60_000),
		meetingChannelId: schedule.meeting.channelId,
		createEvent,
	};
	const entry = await withLanguage(language, () =>
		runJob(job, {
			guildId,
			now,
			poster: ctx.deps.poster,
			ledger: ctx.deps.repos.scheduleLedger,
			curriculum: ctx.deps.curriculum.in(language),
			log: ctx.log,
		}),
	);
	if (entry.state !== 'done' || !entry.messageId)
		throw new UserError(
			[t('repost.posted.failed', { error: entry.lastError ?? t('repost.posted.unknownError') }), ...removed].join('\n'),
			'schedule.post-failed',
		);
	const parts = [
		t(existing ? 'repost.posted.again' : 'repost.posted.first', {
			week,
			url: messageUrl(guildId, schedule.channelId, entry.messageId),
		}),
		...removed,
		entry.threadId
			? t('repost.posted.newThread', { thread: entry.threadId })
			: t('repost.posted.noThread', { reason: entry.skipped.thread ?? t('repost.posted.notMade') }),
		entry.eventId
			? t(existing?.eventId ? 'repost.posted.newEvent' : 'repost.posted.event', {
					url: eventUrl(guildId, entry.eventId),
				})
			: createEvent
				? t('repost.posted.noEvent', { reason: entry.skipped.event ?? t('repost.posted.notMade') })
				: t('repost.posted.noEventAsked'),
		t('repost.posted.planUnchanged'),
	];
	return { content: parts.join('\n'), ephemeral: true };
}
