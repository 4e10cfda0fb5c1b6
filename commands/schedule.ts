import { ApplicationCommandOptionType as T, ChannelType } from 'discord-api-types/v10';
import { defineCommand } from '../src/core/command.js';
import type { BaseContext } from '../src/core/context.js';
import { UserError } from '../src/core/errors.js';
import type { Reply } from '../src/core/reply.js';
import { ORGANIZER_PERMISSIONS, requireGuild, requireOrganizer } from '../src/core/roles.js';
import { jobNonce, postJobId, type PostJob } from '../src/jobs/due.js';
import { nextMeetingAfter, plannedPosts, planStatus } from '../src/jobs/plan.js';
import { removePost, RemovalFailure, type PostPart, type Removal } from '../src/jobs/replace-post.js';
import { runJob } from '../src/jobs/run-job.js';
import { applyChanges, startPlan, suggestTimeZones } from '../src/jobs/schedule-settings.js';
import { scheduleEmbed, WEEKDAYS } from '../src/jobs/schedule-view.js';
import { discordTime, weeklyPostReply } from '../src/jobs/weekly-post.js';
import { currentEntry, type Ledger, type LedgerEntry } from '../src/storage/repositories/schedule-ledger.js';
import type { GuildSchedule } from '../src/storage/repositories/schedules.js';
import { currentLanguage, t, withLanguage, type Language } from '../src/i18n/index.js';
import { publicLanguage } from '../src/storage/repositories/guild-settings.js';

const DAY_CHOICES = WEEKDAYS.map((name, value) => ({ name, value }));
const week = {
	type: T.Integer,
	name: 'week',
	description: 'Week number (type a number or words of the title)',
	min_value: 1,
	max_value: 99,
	autocomplete: true,
} as const;

function lastWeekOf(ctx: Pick<BaseContext, 'deps'>): number {
	return ctx.deps.curriculum.weeks.at(-1)?.number ?? 0;
}

async function showReply(ctx: BaseContext, guildId: string, schedule: GuildSchedule, heading: string): Promise<Reply> {
	const ledger = await ctx.deps.repos.scheduleLedger.get(guildId);
	return {
		content: heading,
		embeds: [
			scheduleEmbed(
				schedule,
				ledger,
				ctx.deps.clock.now(),
				ctx.deps.curriculum.in(currentLanguage()),
				ctx.deps.config.SCHEDULE_GRACE_MINUTES * 60_000,
			),
		],
		ephemeral: true,
	};
}

/**
 * What a start or resume set in motion, read from the plan (never a promise it does not keep): this week's post
 * going out now, or when the next one is due.
 */
function planHeading(prefix: string, schedule: GuildSchedule, now: Date, lastWeek: number): string {
	const status = planStatus(schedule, now, lastWeek);
	const meeting = (at: Date) => t('schedule.command.forMeeting', { at: discordTime(at, 'F') });
	if (status.current && status.current.at.getTime() === now.getTime())
		return t('schedule.command.postedNow', {
			prefix,
			week: status.current.week,
			meeting: meeting(status.current.meetingAt),
		});
	if (status.next)
		return t('schedule.command.postedAt', {
			prefix,
			week: status.next.week,
			at: discordTime(status.next.at, 'F'),
			relative: discordTime(status.next.at, 'R'),
			meeting: meeting(status.next.meetingAt),
		});
	return prefix;
}

function refuse(problems: string[]): never {
	throw new UserError(
		problems.length === 1
			? t('schedule.command.nothingSaved', { problem: problems[0] })
			: t('schedule.command.nothingSavedList', { problems: problems.map((p) => `• ${p}`).join('\n') }),
		'schedule.invalid',
	);
}

async function requireSchedule(ctx: BaseContext, guildId: string): Promise<GuildSchedule> {
	const schedule = await ctx.deps.repos.schedules.get(guildId);
	if (!schedule) throw new UserError(t('schedule.command.noSchedule'), 'schedule.none');
	return schedule;
}

export default defineCommand({
	data: {
		name: 'schedule',
		description: 'Plan the weekly posts, threads, events and reminders (organizers)',
		contexts: [0],
		default_member_permissions: ORGANIZER_PERMISSIONS,
		// Subcommands without options still list an empty array: the emulator (like some clients) expects the key.
		options: [
			{
				type: T.Subcommand,
				name: 'show',
				description: 'The channel, times, current week and the next posts',
				options: [],
			},
			{
				type: T.Subcommand,
				name: 'set',
				description: 'Where and when the weekly post goes out, and when the group meets',
				options: [
					{
						type: T.Channel,
						name: 'channel',
						description: 'Text channel for the weekly posts and threads',
						channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement],
					},
					{
						type: T.String,
						name: 'post_cron',
						description: 'Post time as cron: minute hour day month weekday, e.g. 0 9 * * mon',
						max_length: 100,
					},
					{ type: T.Integer, name: 'post_day', description: 'Post day (instead of post_cron)', choices: DAY_CHOICES },
					{
						type: T.String,
						name: 'post_time',
						description: 'Post time, HH:MM 24-hour (instead of post_cron)',
						max_length: 5,
					},
					{
						type: T.String,
						name: 'timezone',
						description: 'IANA time zone, e.g. Asia/Seoul (the default)',
						autocomplete: true,
						max_length: 64,
					},
					{
						type: T.Integer,
						name: 'meeting_day',
						description: 'Meeting day (default Wednesday)',
						choices: DAY_CHOICES,
					},
					{
						type: T.String,
						name: 'meeting_time',
						description: 'Meeting time, HH:MM 24-hour (default 21:00)',
						max_length: 5,
					},
					{
						type: T.Integer,
						name: 'meeting_minutes',
						description: 'Meeting length in minutes (default 90)',
						min_value: 15,
						max_value: 720,
					},
					{
						type: T.Channel,
						name: 'meeting_channel',
						description: 'Voice or stage channel for the meeting event',
						channel_types: [ChannelType.GuildVoice, ChannelType.GuildStageVoice],
					},
					{
						type: T.Integer,
						name: 'reminder_minutes',
						description: 'Reminder this many minutes before the meeting; 0 for none (default 60)',
						min_value: 0,
						max_value: 2880,
					},
				],
			},
			{
				type: T.Subcommand,
				name: 'start',
				description: 'Start the plan: which week is posted first, from which date',
				options: [
					{ ...week, description: 'The first week to post (default 1)' },
					{ type: T.String, name: 'date', description: 'From this date, YYYY-MM-DD (default today)', max_length: 10 },
				],
			},
			{ type: T.Subcommand, name: 'pause', description: 'Stop posting until resumed (the plan waits)', options: [] },
			{
				type: T.Subcommand,
				name: 'resume',
				description: 'Post again; a week whose post time fell in the pause goes out now if its meeting is ahead',
				options: [],
			},
			{
				type: T.Subcommand,
				name: 'skip',
				description: 'Skip the next post: the rest of the plan moves one week later',
				options: [],
			},
			{
				type: T.Subcommand,
				name: 'preview',
				description: 'See a week’s post as it would go out, only to you: nothing is posted (default: this week)',
				options: [week],
			},
			{
				type: T.Subcommand,
				name: 'post-now',
				description: 'Post a week publicly now; a week already posted is updated in place (default: this week)',
				options: [
					week,
					{ type: T.Boolean, name: 'event', description: 'Also create the meeting event (default no)' },
					{
						type: T.Boolean,
						name: 'replace',
						description: 'Already posted: delete its post, thread and event, and post it again (default no)',
					},
				],
			},
		],
	},
	audience: 'organizer',
	// Checking the channel and posting take Discord requests; every answer is for the organizer only.
	defer: 'ephemeral',
	async run(ctx) {
		const { args, deps, user } = ctx;
		const guildId = requireGuild(ctx.guildId);
		requireOrganizer(user, await deps.repos.settings.get(guildId), 'manage the schedule');
		await deps.repos.settings.rememberServerLocale(guildId, ctx.guildLocale);
		const now = deps.clock.now();
		const change = { guildId, userId: user.id, now, lastWeek: lastWeekOf(ctx) };
		switch (args.subcommand) {
			case 'show': {
				const schedule = await deps.repos.schedules.get(guildId);
				if (!schedule)
					return {
						content: t('schedule.command.noScheduleShow'),
						ephemeral: true,
					};
				return showReply(ctx, guildId, schedule, '');
			}
			case 'set': {
				const changes = {
					channel: args.channel,
					postCron: args.post_cron,
					postDay: args.post_day,
					postTime: args.post_time,
					timezone: args.timezone,
					meetingDay: args.meeting_day,
					meetingTime: args.meeting_time,
					meetingMinutes: args.meeting_minutes,
					meetingChannel: args.meeting_channel,
					reminderMinutes: args.reminder_minutes,
				};
				let notes: string[] = [];
				const saved = await deps.repos.schedules.update(guildId, async (current) => {
					const result = applyChanges(current, changes, change);
					const problems = result.ok ? [] : [...result.problems];
					const channelId = args.channel?.id ?? current?.channelId;
					if (channelId && (args.channel || !current)) {
						const check = await deps.poster.canPost(channelId);
						if (!check.ok) problems.push(check.reason);
					}
					if (!result.ok || problems.length > 0) refuse(problems);
					notes = result.notes;
					return result.schedule;
				});
				return showReply(ctx, guildId, saved, [t('schedule.command.saved'), ...notes].join('\n'));
			}
			case 'start': {
				const saved = await deps.repos.schedules.update(guildId, (current) => {
					const result = startPlan(current, args.week, args.date, { ...change, planId: ctx.interactionId });
					if (!result.ok) refuse(result.problems);
					return result.schedule;
				});
				return showReply(
					ctx,
					guildId,
					saved,
					planHeading(t('schedule.command.started', { week: saved.plan!.startWeek }), saved, now, lastWeekOf(ctx)),
				);
			}
			case 'pause':
			case 'resume':
			case 'skip': {
				const saved = await changePlan(ctx, guildId, args.subcommand, now);
				const heading = {
					pause: t('schedule.command.paused'),
					resume: planHeading(t('schedule.command.resumed'), saved, now, lastWeekOf(ctx)),
					skip: t('schedule.command.skipped'),
				}[args.subcommand];
				return showReply(ctx, guildId, saved, heading);
			}
			case 'preview':
				return preview(ctx, guildId, args.week, now);
			case 'post-now':
				return postNow(ctx, guildId, args.week, { event: args.event === true, replace: args.replace === true }, now);
		}
	},
	autocomplete({ focused, deps }) {
		if (focused.name === 'timezone')
			return suggestTimeZones(focused.value).map((zone) => ({ name: zone, value: zone }));
		return deps.curriculum
			.in(currentLanguage())
			.search(focused.value)
			.map((w) => ({
				name: t('schedule.command.weekChoice', { week: w.number, title: w.title }).slice(0, 100),
				value: w.number,
			}));
	},
});

async function changePlan(
	ctx: BaseContext,
	guildId: string,
	what: 'pause' | 'resume' | 'skip',
	now: Date,
): Promise<GuildSchedule> {
	const iso = now.toISOString();
	return ctx.deps.repos.schedules.update(guildId, (current) => {
		if (!current?.plan) throw new UserError(t('schedule.command.noPlan'), 'schedule.not-started');
		const open = current.pauses.find((p) => p.to === null);
		const stamp = { updatedAt: iso, updatedBy: ctx.user.id };
		if (what === 'pause') {
			if (open) throw new UserError(t('schedule.command.alreadyPaused'), 'schedule.paused');
			return { ...current, ...stamp, pauses: [...current.pauses, { from: iso, to: null }] };
		}
		if (what === 'resume') {
			if (!open) throw new UserError(t('schedule.command.notPaused'), 'schedule.not-paused');
			return { ...current, ...stamp, pauses: current.pauses.map((p) => (p === open ? { ...p, to: iso } : p)) };
		}
		const next = planStatus(current, now, lastWeekOf(ctx)).next;
		if (!next)
			throw new UserError(
				open ? t('schedule.command.pausedNoNext') : t('schedule.command.finishedNoNext'),
				'schedule.no-next',
			);
		return { ...current, ...stamp, skips: [...current.skips, next.at.toISOString()] };
	});
}

/** The week a test post or preview is about: the one asked for, else this week's, else the next, else 1. */
function chosenWeek(ctx: BaseContext, schedule: GuildSchedule, weekNumber: number | undefined, now: Date): number {
	const lastWeek = lastWeekOf(ctx);
	const status = planStatus(schedule, now, lastWeek);
	const week = weekNumber ?? status.current?.week ?? status.next?.week ?? 1;
	if (!ctx.deps.curriculum.week(week))
		throw new UserError(t('schedule.command.noWeek', { last: lastWeek, week }), 'schedule.no-week');
	return week;
}

/** What the week's post would look like now, only to the organizer: nothing is sent, no thread or event made. */
async function preview(ctx: BaseContext, guildId: string, weekNumber: number | undefined, now: Date): Promise<Reply> {
	const schedule = await requireSchedule(ctx, guildId);
	const week = chosenWeek(ctx, schedule, weekNumber, now);
	const meetingAt = nextMeetingAfter(schedule.meeting, now, schedule.timezone);
	// As it would go out: in the server's language (the line above it in the organizer's).
	const language = publicLanguage(await ctx.deps.repos.settings.get(guildId), ctx.guildLocale);
	const post = withLanguage(language, () =>
		weeklyPostReply(ctx.deps.curriculum.in(language).week(week)!, meetingAt, lastWeekOf(ctx)),
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

const messageUrl = (guildId: string, channelId: string, messageId: string) =>
	`https://discord.com/channels/${guildId}/${channelId}/${messageId}`;
const eventUrl = (guildId: string, eventId: string) => `https://discord.com/events/${guildId}/${eventId}`;

/** `the thread <#…> (with its messages)` and the like, for what a removal did to each part. */
function removalLines(entry: LedgerEntry, guildId: string, removal: Partial<Removal>): string[] {
	const values = (part: PostPart) => ({
		thread: entry.threadId,
		url:
			part === 'message'
				? messageUrl(guildId, entry.channelId, entry.messageId!)
				: entry.eventId
					? eventUrl(guildId, entry.eventId)
					: '',
	});
	return (['message', 'thread', 'event'] as const).flatMap((part) => {
		const outcome = removal[part];
		if (outcome === 'deleted') return [t(`repost.removed.deleted.${part}`, values(part))];
		if (outcome === 'gone') return [t(`repost.removed.gone.${part}`, values(part))];
		return [];
	});
}

/** The week's post updated in place: same message, thread and event; the reply says so, and how to replace it. */
async function updateInPlace(
	ctx: BaseContext,
	guildId: string,
	existing: LedgerEntry,
	week: number,
	meetingAt: Date,
	createEvent: boolean,
	now: Date,
	language: Language,
): Promise<Reply> {
	const reply = withLanguage(language, () =>
		weeklyPostReply(ctx.deps.curriculum.in(language).week(week)!, meetingAt, lastWeekOf(ctx)),
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
async function postNow(
	ctx: BaseContext,
	guildId: string,
	weekNumber: number | undefined,
	options: { event: boolean; replace: boolean },
	now: Date,
): Promise<Reply> {
	const schedule = await requireSchedule(ctx, guildId);
	const week = chosenWeek(ctx, schedule, weekNumber, now);
	const check = await ctx.deps.poster.canPost(schedule.channelId);
	if (!check.ok) throw new UserError(check.reason, 'schedule.cannot-post');
	const meetingAt = nextMeetingAfter(schedule.meeting, now, schedule.timezone);
	// The post is public: in the server's language.
	const language = publicLanguage(await ctx.deps.repos.settings.get(guildId), ctx.guildLocale);
	const existing = weekPost(await ctx.deps.repos.scheduleLedger.get(guildId), schedule, week, lastWeekOf(ctx));
	if (existing && !options.replace)
		return updateInPlace(ctx, guildId, existing, week, meetingAt, options.event, now, language);
	const id = `manual:w${week}:${ctx.interactionId}`;
	let removed: string[] = [];
	if (existing) {
		let removal: Removal;
		try {
			removal = await removePost(existing, guildId, ctx.deps.poster);
		} catch (error) {
			if (!(error instanceof RemovalFailure)) throw error;
			const done = removalLines(existing, guildId, error.done);
			throw new UserError(
				[
					t(`repost.replaceFailed.couldNotDelete.${error.part}`, { week, error: error.message }),
					...(done.length > 0
						? [t('repost.replaceFailed.alreadyDone'), ...done]
						: [t('repost.replaceFailed.nothingDeleted')]),
					error.part === 'thread' ? t('repost.replaceFailed.threadPermission') : t('repost.replaceFailed.byHand'),
				].join('\n'),
				'schedule.replace-failed',
			);
		}
		removed = removalLines(existing, guildId, removal);
		await ctx.deps.repos.scheduleLedger.update(guildId, existing.jobId, (current) => ({
			...(current ?? existing),
			replacedBy: id,
			replacedAt: now.toISOString(),
		}));
	}
	// A replaced week keeps its event: the new post gets one too.
	const createEvent = options.event || Boolean(existing?.eventId);
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
