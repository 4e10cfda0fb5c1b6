import { ChannelType } from 'discord-api-types/v10';
import type { ChannelArg } from '../core/options.js';
import { t } from '../i18n/index.js';
import { SCHEDULE_DEFAULTS, type GuildSchedule } from '../storage/repositories/schedules.js';
import { parseCron, timesPerDay, weeklyCron } from './cron.js';
import { planStatus } from './plan.js';
import {
	canonicalTimeZone,
	parseCalendarDate,
	parseClockTime,
	startOfDay,
	calendarDateAt,
	type CalendarDate,
} from './zoned-time.js';

/** What `/schedule set` was given (everything optional: a change keeps what it does not name). */
export interface ScheduleChanges {
	channel?: ChannelArg;
	postCron?: string;
	/** 0 Sunday … 6 Saturday. */
	postDay?: number;
	postTime?: string;
	timezone?: string;
	meetingDay?: number;
	meetingTime?: string;
	meetingMinutes?: number;
	meetingChannel?: ChannelArg;
	reminderMinutes?: number;
}

export interface ChangeContext {
	guildId: string;
	userId: string;
	now: Date;
	lastWeek: number;
	/** The id a plan started now gets (the command passes its interaction's id); default: `now` in base 36. */
	planId?: string;
}

export type ChangeResult = { ok: true; schedule: GuildSchedule; notes: string[] } | { ok: false; problems: string[] };

const VOICE_TYPES: readonly number[] = [ChannelType.GuildVoice, ChannelType.GuildStageVoice];
const TEXT_TYPES: readonly number[] = [ChannelType.GuildText, ChannelType.GuildAnnouncement];

/** Time-zone names that contain what was typed (spaces read as underscores), for a refusal or autocomplete. */
export function suggestTimeZones(typed: string, limit = 25): string[] {
	const all = ['UTC', ...Intl.supportedValuesOf('timeZone')];
	const query = typed.trim().toLowerCase().replace(/\s+/g, '_');
	if (!query)
		return ['Asia/Seoul', 'UTC', 'America/New_York', 'Europe/Berlin', 'Europe/London', 'Asia/Tokyo'].slice(0, limit);
	const cityQuery = query.slice(query.lastIndexOf('/') + 1);
	const city = (zone: string) => zone.slice(zone.lastIndexOf('/') + 1).toLowerCase();
	const rank = (zone: string) => (zone.toLowerCase().startsWith(query) ? 0 : city(zone).startsWith(cityQuery) ? 1 : 2);
	return all
		.filter((zone) => zone.toLowerCase().includes(query) || (cityQuery !== '' && city(zone).includes(cityQuery)))
		.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
		.slice(0, limit);
}

/** The weekday and time of a simple weekly expression (`M H * * D`), if it is one. */
function simpleWeekly(cron: string): { weekday: number; hour: number; minute: number } | null {
	const match = /^(\d{1,2}) (\d{1,2}) \* \* ([0-7])$/.exec(cron);
	return match ? { minute: Number(match[1]), hour: Number(match[2]), weekday: Number(match[3]) % 7 } : null;
}

function postCronOf(changes: ScheduleChanges, current: GuildSchedule | undefined, problems: string[]): string {
	const fallback = current?.postCron ?? SCHEDULE_DEFAULTS.postCron;
	if (changes.postCron !== undefined && (changes.postDay !== undefined || changes.postTime !== undefined)) {
		problems.push(t('schedule.settings.bothPostTimes'));
		return fallback;
	}
	if (changes.postCron !== undefined) {
		const parsed = parseCron(changes.postCron);
		if (!parsed.ok) {
			problems.push(parsed.reason);
			return fallback;
		}
		const times = timesPerDay(parsed.cron);
		if (times > 1) problems.push(t('schedule.settings.timesPerDay', { cron: changes.postCron, times }));
		return parsed.cron.source;
	}
	if (changes.postDay === undefined && changes.postTime === undefined) return fallback;
	const base = simpleWeekly(fallback) ?? { weekday: 1, hour: 9, minute: 0 };
	const time = changes.postTime === undefined ? base : parseClockTime(changes.postTime);
	if (!time) {
		problems.push(t('schedule.settings.notTime', { time: changes.postTime }));
		return fallback;
	}
	return weeklyCron(changes.postDay ?? base.weekday, time.hour, time.minute);
}

/**
 * Applies `/schedule set` to the current schedule, or explains every problem at once (and changes nothing). When the
 * post time or time zone changes mid-course, the plan is re-based so the weeks already posted keep their numbers.
 * The channel's permissions are checked by the caller (that needs Discord).
 */
export function applyChanges(
	current: GuildSchedule | undefined,
	changes: ScheduleChanges,
	ctx: ChangeContext,
): ChangeResult {
	const problems: string[] = [];
	const notes: string[] = [];
	const channelId = changes.channel?.id ?? current?.channelId;
	if (!channelId) problems.push(t('schedule.settings.noChannel'));
	if (changes.channel && !TEXT_TYPES.includes(changes.channel.type))
		problems.push(t('schedule.settings.notText', { channel: changes.channel.id }));
	const postCron = postCronOf(changes, current, problems);
	let timezone = current?.timezone ?? SCHEDULE_DEFAULTS.timezone;
	if (changes.timezone !== undefined) {
		const canonical = canonicalTimeZone(changes.timezone);
		if (canonical) timezone = canonical;
		else {
			const close = suggestTimeZones(changes.timezone, 5);
			problems.push(
				t('schedule.settings.unknownZone', {
					zone: changes.timezone,
					close: close.length
						? t('schedule.settings.closeZones', { zones: close.map((z) => `\`${z}\``).join(', ') })
						: '',
				}),
			);
		}
	}
	const meeting = { ...(current?.meeting ?? SCHEDULE_DEFAULTS.meeting) };
	if (changes.meetingDay !== undefined) meeting.weekday = changes.meetingDay;
	if (changes.meetingTime !== undefined) {
		const time = parseClockTime(changes.meetingTime);
		if (time) Object.assign(meeting, time);
		else problems.push(t('schedule.settings.notMeetingTime', { time: changes.meetingTime }));
	}
	if (changes.meetingMinutes !== undefined) meeting.durationMinutes = changes.meetingMinutes;
	if (changes.meetingChannel) {
		if (VOICE_TYPES.includes(changes.meetingChannel.type)) meeting.channelId = changes.meetingChannel.id;
		else problems.push(t('schedule.settings.notVoice', { channel: changes.meetingChannel.id }));
	}
	if (problems.length > 0) return { ok: false, problems };

	let next: GuildSchedule = {
		guildId: ctx.guildId,
		channelId: channelId!,
		timezone,
		postCron,
		meeting,
		reminderMinutes: changes.reminderMinutes ?? current?.reminderMinutes ?? SCHEDULE_DEFAULTS.reminderMinutes,
		plan: current?.plan ?? null,
		pauses: current?.pauses ?? [],
		skips: current?.skips ?? [],
		updatedAt: ctx.now.toISOString(),
		updatedBy: ctx.userId,
	};
	const rebased =
		current?.plan && (current.postCron !== postCron || current.timezone !== timezone)
			? rebase(current, ctx.now, ctx.lastWeek)
			: null;
	if (current && rebased) {
		next = { ...next, ...rebased };
		notes.push(t('schedule.settings.rebased'));
		if (current.skips.some((s) => Date.parse(s) > ctx.now.getTime())) notes.push(t('schedule.settings.skipsCleared'));
	}
	if (
		current &&
		(current.meeting.weekday !== meeting.weekday ||
			current.meeting.hour !== meeting.hour ||
			current.meeting.minute !== meeting.minute)
	) {
		notes.push(t('schedule.settings.eventsKeep'));
	}
	return { ok: true, schedule: next, notes };
}

/**
 * The plan after a change of post time: posts made so far stay, the next week follows at the new time. Null before
 * the first post: the start date still holds, with the new time.
 */
function rebase(
	current: GuildSchedule,
	now: Date,
	lastWeek: number,
): Pick<GuildSchedule, 'plan' | 'pauses' | 'skips'> | null {
	const status = planStatus(current, now, lastWeek);
	if (!status.current || !current.plan) return null;
	const previous = { week: status.current.week, at: status.current.at.toISOString() };
	const startWeek = status.next?.week ?? status.current.week + 1;
	const open = current.pauses.filter((p) => p.to === null);
	// The same plan (its id kept): the post made before the change keeps its ledger entry, thread and reminder.
	const id = current.plan.id;
	return { plan: { ...(id ? { id } : {}), startWeek, startAt: now.toISOString(), previous }, pauses: open, skips: [] };
}

export type StartResult = { ok: true; schedule: GuildSchedule } | { ok: false; problems: string[] };

/**
 * `/schedule start`: week `week` is posted at the first post time on or after `date` (default: today). Started
 * today (or with a date already past), this week's post time may have passed: if its meeting is still ahead, the
 * week is posted at once (see the plan's `startedAt`).
 */
export function startPlan(
	current: GuildSchedule | undefined,
	week: number | undefined,
	date: string | undefined,
	ctx: ChangeContext,
): StartResult {
	if (!current)
		return {
			ok: false,
			problems: [t('schedule.settings.setUpFirst')],
		};
	const problems: string[] = [];
	const startWeek = week ?? 1;
	if (startWeek < 1 || startWeek > ctx.lastWeek)
		problems.push(t('schedule.command.noWeek', { last: ctx.lastWeek, week: startWeek }));
	let day: CalendarDate | null = calendarDateAt(ctx.now, current.timezone);
	if (date !== undefined) {
		day = parseCalendarDate(date);
		if (!day) problems.push(t('schedule.settings.notDate', { date }));
	}
	if (problems.length > 0 || !day) return { ok: false, problems };
	const startAt = startOfDay(day, current.timezone).toISOString();
	return {
		ok: true,
		schedule: {
			...current,
			plan: {
				id: ctx.planId ?? ctx.now.getTime().toString(36),
				startWeek,
				startAt,
				previous: null,
				startedAt: ctx.now.toISOString(),
			},
			pauses: [],
			skips: [],
			updatedAt: ctx.now.toISOString(),
			updatedBy: ctx.userId,
		},
	};
}
