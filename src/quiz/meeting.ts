import { addDays, calendarDateAt, formatCalendarDate, weekdayOf } from '../jobs/zoned-time.js';
import { SCHEDULE_DEFAULTS } from '../storage/repositories/schedules.js';
import { atTime } from './calendar.js';

/** When a group meets every week. */
export interface MeetingTime {
	timeZone: string;
	/** 0 Sunday … 6 Saturday. */
	weekday: number;
	hour: number;
	minute: number;
	durationMinutes: number;
}

/**
 * Without a /schedule: the meeting `/schedule set` fills in (Wednesdays 21:00 in Seoul, 90 minutes), so check-in
 * opens and closes at the same times before and after an organizer sets the schedule.
 */
export const DEFAULT_MEETING: MeetingTime = {
	timeZone: SCHEDULE_DEFAULTS.timezone,
	weekday: SCHEDULE_DEFAULTS.meeting.weekday,
	hour: SCHEDULE_DEFAULTS.meeting.hour,
	minute: SCHEDULE_DEFAULTS.meeting.minute,
	durationMinutes: SCHEDULE_DEFAULTS.meeting.durationMinutes,
};

/** Check-in opens this long before the meeting starts (people arrive early) and closes when it ends. */
export const CHECKIN_EARLY_MINUTES = 15;

/** One occurrence of the meeting. */
export interface Meeting {
	/** Its start date in the meeting's time zone, `YYYY-MM-DD`: one check-in per member per id. */
	id: string;
	startsAt: Date;
	endsAt: Date;
	/** When check-in opens. */
	opensAt: Date;
}

const MINUTE_MS = 60_000;

function occurrenceOn(time: MeetingTime, date: { year: number; month: number; day: number }): Meeting {
	const startsAt = atTime(date, time.hour, time.minute, time.timeZone);
	return {
		id: formatCalendarDate(date),
		startsAt,
		endsAt: new Date(startsAt.getTime() + time.durationMinutes * MINUTE_MS),
		opensAt: new Date(startsAt.getTime() - CHECKIN_EARLY_MINUTES * MINUTE_MS),
	};
}

/**
 * Where `now` stands against the weekly meeting: the meeting whose check-in window (from {@link CHECKIN_EARLY_MINUTES}
 * before the start to the end) contains it, if any, and the next meeting to start after now.
 */
export function meetingWindow(time: MeetingTime, now: Date): { current: Meeting | null; next: Meeting } {
	const today = calendarDateAt(now, time.timeZone);
	const t = now.getTime();
	let current: Meeting | null = null;
	let next: Meeting | null = null;
	// A window may begin the day before (early check-in after midnight) or end the day after (a late meeting).
	for (let offset = -1; offset <= 8 && !next; offset++) {
		const date = addDays(today, offset);
		if (weekdayOf(date) !== time.weekday) continue;
		const meeting = occurrenceOn(time, date);
		if (meeting.opensAt.getTime() <= t && t < meeting.endsAt.getTime()) current = meeting;
		if (meeting.startsAt.getTime() > t) next = meeting;
	}
	if (!next) throw new Error('a weekly meeting always has a next occurrence within 8 days');
	return { current, next };
}
