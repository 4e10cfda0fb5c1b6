import {
	addDays,
	calendarDateAt,
	formatCalendarDate,
	instantOf,
	startOfDay,
	weekdayOf,
	type CalendarDate,
} from '../jobs/zoned-time.js';

/** The time zone a server without a schedule uses (the study group meets in Seoul). */
export const DEFAULT_TIME_ZONE = 'Asia/Seoul';

/** The Monday of the week a date falls in (weeks run Monday to Sunday). */
export function mondayOf(date: CalendarDate): CalendarDate {
	return addDays(date, -((weekdayOf(date) + 6) % 7));
}

/** The week an instant falls in, in `timeZone`, named by its Monday (`YYYY-MM-DD`). */
export function weekKey(instant: Date, timeZone: string): string {
	return formatCalendarDate(mondayOf(calendarDateAt(instant, timeZone)));
}

export type Period = 'week' | 'month' | 'all';

/** When a leaderboard period began: this week's Monday 00:00, the 1st of this month 00:00, or never. */
export function periodStart(period: Period, now: Date, timeZone: string): Date | null {
	const today = calendarDateAt(now, timeZone);
	if (period === 'week') return startOfDay(mondayOf(today), timeZone);
	if (period === 'month') return startOfDay({ ...today, day: 1 }, timeZone);
	return null;
}

/**
 * The current streak in weeks: how many weeks in a row, ending this week or last week, had any activity. This week
 * counts once it has activity, but an empty week so far does not break the streak until it is over.
 */
export function weeklyStreak(activity: readonly Date[], now: Date, timeZone: string): number {
	const weeks = new Set(activity.map((d) => weekKey(d, timeZone)));
	let monday = mondayOf(calendarDateAt(now, timeZone));
	if (!weeks.has(formatCalendarDate(monday))) monday = addDays(monday, -7);
	let streak = 0;
	while (weeks.has(formatCalendarDate(monday))) {
		streak++;
		monday = addDays(monday, -7);
	}
	return streak;
}

/** The instant clocks in `timeZone` show `hour:minute` on `date`. */
export function atTime(date: CalendarDate, hour: number, minute: number, timeZone: string): Date {
	return instantOf({ ...date, hour, minute }, timeZone);
}
