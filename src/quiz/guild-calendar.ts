import type { Deps } from '../core/deps.js';
import { planStatus } from '../jobs/plan.js';
import { DEFAULT_TIME_ZONE } from './calendar.js';
import { DEFAULT_MEETING, type MeetingTime } from './meeting.js';

/** A server's time zone, meeting time and current week, from its /schedule when it has one. */
export interface GuildCalendar {
	timeZone: string;
	meeting: MeetingTime;
	/** The week the schedule posted last (null without a started schedule). */
	currentWeek: number | null;
	/** Whether these come from the server's schedule (false: the defaults). */
	scheduled: boolean;
}

/**
 * Reads the server's schedule (set with /schedule); without one, the defaults: Asia/Seoul, Wednesdays
 * 21:00–22:30 (the defaults of `/schedule set`), no current week.
 */
export async function guildCalendar(
	deps: Pick<Deps, 'repos' | 'curriculum'>,
	guildId: string,
	now: Date,
): Promise<GuildCalendar> {
	const schedule = await deps.repos.schedules.get(guildId);
	if (!schedule) return { timeZone: DEFAULT_TIME_ZONE, meeting: DEFAULT_MEETING, currentWeek: null, scheduled: false };
	const { weekday, hour, minute, durationMinutes } = schedule.meeting;
	const lastWeek = deps.curriculum.weeks.at(-1)?.number ?? 12;
	let currentWeek: number | null;
	try {
		currentWeek = schedule.plan ? (planStatus(schedule, now, lastWeek).current?.week ?? null) : null;
	} catch {
		// A schedule the planner cannot read still gives the meeting time; the week is then unknown.
		currentWeek = null;
	}
	return {
		timeZone: schedule.timezone,
		meeting: { timeZone: schedule.timezone, weekday, hour, minute, durationMinutes },
		currentWeek,
		scheduled: true,
	};
}
