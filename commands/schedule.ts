import { ApplicationCommandOptionType as T, ChannelType } from 'discord-api-types/v10';
import { defineCommand } from '../src/core/command.js';
import type { BaseContext } from '../src/core/context.js';
import { UserError } from '../src/core/errors.js';
import type { Reply } from '../src/core/reply.js';
import { ORGANIZER_PERMISSIONS, requireGuild, requireOrganizer } from '../src/core/roles.js';
import { preview, postNow } from '../src/jobs/manual-post.js';
import { planStatus } from '../src/jobs/plan.js';
import { changePlan, planHeading } from '../src/jobs/plan-changes.js';
import { applyChanges, startPlan, suggestTimeZones } from '../src/jobs/schedule-settings.js';
import { scheduleEmbed, WEEKDAYS } from '../src/jobs/schedule-view.js';
import type { GuildSchedule } from '../src/storage/repositories/schedules.js';
import { currentLanguage, t } from '../src/i18n/index.js';

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
				const saved = await changePlan(ctx, guildId, args.subcommand, now, lastWeekOf(ctx));
				const heading = {
					pause: t('schedule.command.paused'),
					resume: planHeading(t('schedule.command.resumed'), saved, now, lastWeekOf(ctx)),
					skip: t('schedule.command.skipped'),
				}[args.subcommand];
				return showReply(ctx, guildId, saved, heading);
			}
			case 'preview':
			case 'post-now': {
				const schedule = await requireSchedule(ctx, guildId);
				const week = chosenWeek(ctx, schedule, args.week, now);
				const request = { guildId, schedule, week, lastWeek: lastWeekOf(ctx), now };
				if (args.subcommand === 'preview') return preview(ctx, request);
				return postNow(ctx, { ...request, event: args.event === true, replace: args.replace === true });
			}
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

/** The week a test post or preview is about: the one asked for, else this week's, else the next, else 1. */
function chosenWeek(ctx: BaseContext, schedule: GuildSchedule, weekNumber: number | undefined, now: Date): number {
	const lastWeek = lastWeekOf(ctx);
	const status = planStatus(schedule, now, lastWeek);
	const week = weekNumber ?? status.current?.week ?? status.next?.week ?? 1;
	if (!ctx.deps.curriculum.week(week))
		throw new UserError(t('schedule.command.noWeek', { last: lastWeek, week }), 'schedule.no-week');
	return week;
}
