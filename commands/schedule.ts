import { ApplicationCommandOptionType as T, ChannelType } from 'discord-api-types/v10';
import { defineCommand } from '../src/core/command.js';
import type { BaseContext } from '../src/core/context.js';
import { UserError } from '../src/core/errors.js';
import type { Reply } from '../src/core/reply.js';
import { ORGANIZER_PERMISSIONS, requireGuild, requireOrganizer } from '../src/core/roles.js';
import { jobNonce, type PostJob } from '../src/jobs/due.js';
import { nextMeetingAfter, planStatus } from '../src/jobs/plan.js';
import { runJob } from '../src/jobs/run-job.js';
import { applyChanges, startPlan, suggestTimeZones } from '../src/jobs/schedule-settings.js';
import { scheduleEmbed, WEEKDAYS } from '../src/jobs/schedule-view.js';
import { discordTime, weeklyPostReply } from '../src/jobs/weekly-post.js';
import type { Ledger, LedgerEntry } from '../src/storage/repositories/schedule-ledger.js';
import type { GuildSchedule } from '../src/storage/repositories/schedules.js';

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
				ctx.deps.curriculum,
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
	const meeting = (at: Date) => `for the meeting ${discordTime(at, 'F')}`;
	if (status.current && status.current.at.getTime() === now.getTime())
		return `${prefix} Week ${status.current.week} is posted now (within a minute), ${meeting(status.current.meetingAt)}.`;
	if (status.next)
		return `${prefix} Week ${status.next.week} is posted ${discordTime(status.next.at, 'F')} (${discordTime(status.next.at, 'R')}), ${meeting(status.next.meetingAt)}.`;
	return prefix;
}

function refuse(problems: string[]): never {
	throw new UserError(
		problems.length === 1
			? `${problems[0]} Nothing was saved.`
			: `Nothing was saved:\n${problems.map((p) => `• ${p}`).join('\n')}`,
		'schedule.invalid',
	);
}

async function requireSchedule(ctx: BaseContext, guildId: string): Promise<GuildSchedule> {
	const schedule = await ctx.deps.repos.schedules.get(guildId);
	if (!schedule)
		throw new UserError(
			'This server has no schedule yet: start with `/schedule set channel:#your-channel`.',
			'schedule.none',
		);
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
				options: [week, { type: T.Boolean, name: 'event', description: 'Also create the meeting event (default no)' }],
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
						content: 'No schedule yet. Start with `/schedule set channel:#your-channel`, then `/schedule start`.',
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
				return showReply(ctx, guildId, saved, ['✅ Saved.', ...notes].join('\n'));
			}
			case 'start': {
				const saved = await deps.repos.schedules.update(guildId, (current) => {
					const result = startPlan(current, args.week, args.date, change);
					if (!result.ok) refuse(result.problems);
					return result.schedule;
				});
				return showReply(
					ctx,
					guildId,
					saved,
					planHeading(`✅ Started with week ${saved.plan!.startWeek}.`, saved, now, lastWeekOf(ctx)),
				);
			}
			case 'pause':
			case 'resume':
			case 'skip': {
				const saved = await changePlan(ctx, guildId, args.subcommand, now);
				const heading = {
					pause: '⏸️ Paused: nothing is posted until `/schedule resume`.',
					resume: planHeading('▶️ Resumed.', saved, now, lastWeekOf(ctx)),
					skip: '⏩ The next post is skipped; the rest of the plan moves one week later.',
				}[args.subcommand];
				return showReply(ctx, guildId, saved, heading);
			}
			case 'preview':
				return preview(ctx, guildId, args.week, now);
			case 'post-now':
				return postNow(ctx, guildId, args.week, args.event === true, now);
		}
	},
	autocomplete({ focused, deps }) {
		if (focused.name === 'timezone')
			return suggestTimeZones(focused.value).map((zone) => ({ name: zone, value: zone }));
		return deps.curriculum
			.search(focused.value)
			.map((w) => ({ name: `Week ${w.number} · ${w.title}`.slice(0, 100), value: w.number }));
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
		if (!current?.plan)
			throw new UserError('There is no plan to change yet: `/schedule start` starts one.', 'schedule.not-started');
		const open = current.pauses.find((p) => p.to === null);
		const stamp = { updatedAt: iso, updatedBy: ctx.user.id };
		if (what === 'pause') {
			if (open)
				throw new UserError('The schedule is already paused: `/schedule resume` continues it.', 'schedule.paused');
			return { ...current, ...stamp, pauses: [...current.pauses, { from: iso, to: null }] };
		}
		if (what === 'resume') {
			if (!open) throw new UserError('The schedule is not paused.', 'schedule.not-paused');
			return { ...current, ...stamp, pauses: current.pauses.map((p) => (p === open ? { ...p, to: iso } : p)) };
		}
		const next = planStatus(current, now, lastWeekOf(ctx)).next;
		if (!next)
			throw new UserError(
				open
					? 'The schedule is paused, so there is no next post to skip.'
					: 'There is no next post to skip: the plan has finished.',
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
		throw new UserError(`The curriculum has weeks 1 to ${lastWeek}; there is no week ${week}.`, 'schedule.no-week');
	return week;
}

/** What the week's post would look like now, only to the organizer: nothing is sent, no thread or event made. */
async function preview(ctx: BaseContext, guildId: string, weekNumber: number | undefined, now: Date): Promise<Reply> {
	const schedule = await requireSchedule(ctx, guildId);
	const week = chosenWeek(ctx, schedule, weekNumber, now);
	const meetingAt = nextMeetingAfter(schedule.meeting, now, schedule.timezone);
	const post = weeklyPostReply(ctx.deps.curriculum.week(week)!, meetingAt, lastWeekOf(ctx));
	return {
		content: `👀 Preview of the week ${week} post for <#${schedule.channelId}>, only for you: nothing was posted. \`/schedule post-now week:${week}\` posts it for everyone.\n\n${post.content ?? ''}`,
		embeds: post.embeds ?? [],
		ephemeral: true,
	};
}

/** The week's latest post that exists (scheduled or posted by hand), to update in place rather than repeat. */
function latestPost(ledger: Ledger, week: number): LedgerEntry | undefined {
	return Object.values(ledger)
		.filter((e) => e.kind === 'post' && e.week === week && e.state === 'done' && e.messageId)
		.sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt))[0];
}

async function postNow(
	ctx: BaseContext,
	guildId: string,
	weekNumber: number | undefined,
	createEvent: boolean,
	now: Date,
): Promise<Reply> {
	const schedule = await requireSchedule(ctx, guildId);
	const week = chosenWeek(ctx, schedule, weekNumber, now);
	const check = await ctx.deps.poster.canPost(schedule.channelId);
	if (!check.ok) throw new UserError(check.reason, 'schedule.cannot-post');
	const meetingAt = nextMeetingAfter(schedule.meeting, now, schedule.timezone);
	const existing = latestPost(await ctx.deps.repos.scheduleLedger.get(guildId), week);
	if (existing?.messageId) {
		// Posted already: update that message, so the week keeps one post, one thread and one event.
		const reply = weeklyPostReply(ctx.deps.curriculum.week(week)!, meetingAt, lastWeekOf(ctx));
		try {
			await ctx.deps.poster.edit(existing.channelId, existing.messageId, reply);
		} catch (error) {
			throw new UserError(
				`Week ${week} was posted before (https://discord.com/channels/${guildId}/${existing.channelId}/${existing.messageId}) but that post could not be updated (${error instanceof Error ? error.message : String(error)}). If it was deleted, delete its thread and event too and try again.`,
				'schedule.repost-failed',
			);
		}
		return {
			content: [
				`♻️ Week ${week} was posted already: its post is updated in place, https://discord.com/channels/${guildId}/${existing.channelId}/${existing.messageId}`,
				existing.threadId ? `Thread kept: <#${existing.threadId}>` : 'It has no thread.',
				existing.eventId ? `Event kept: https://discord.com/events/${guildId}/${existing.eventId}` : 'It has no event.',
				'Nothing new was created.',
			].join('\n'),
			ephemeral: true,
		};
	}
	const id = `manual:w${week}:${ctx.interactionId}`;
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
	const entry = await runJob(job, {
		guildId,
		now,
		poster: ctx.deps.poster,
		ledger: ctx.deps.repos.scheduleLedger,
		curriculum: ctx.deps.curriculum,
		log: ctx.log,
	});
	if (entry.state !== 'done' || !entry.messageId)
		throw new UserError(`The post failed: ${entry.lastError ?? 'unknown error'}.`, 'schedule.post-failed');
	const parts = [
		`✅ Posted week ${week}: https://discord.com/channels/${guildId}/${schedule.channelId}/${entry.messageId}`,
		entry.threadId ? `Thread: <#${entry.threadId}>` : `No thread (${entry.skipped.thread ?? 'not made'}).`,
		entry.eventId
			? `Event: https://discord.com/events/${guildId}/${entry.eventId}`
			: createEvent
				? `No event (${entry.skipped.event ?? 'not made'}).`
				: 'No event (add `event:true` to create one).',
		'This test post does not change the plan.',
	];
	return { content: parts.join('\n'), ephemeral: true };
}
