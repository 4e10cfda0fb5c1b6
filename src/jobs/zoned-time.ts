/**
 * Wall-clock time in an IANA time zone, on top of `Intl.DateTimeFormat` (no time-zone library needed).
 * Converting a wall time to an instant follows Temporal's `disambiguation: 'compatible'` (as RFC 5545 does):
 * a time that does not exist (skipped by a spring-forward change) moves forward by the length of the gap, and a
 * time that exists twice (repeated by a fall-back change) is the earlier of the two. So a 02:30 weekly post on a
 * spring-forward night happens once at 03:30, and on a fall-back night once at the first 02:30.
 */

/** A date and time as read on a clock in some time zone. Months run 1–12. */
export interface WallTime {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second?: number;
}

/** A calendar date (no time zone attached). */
export interface CalendarDate {
	year: number;
	month: number;
	day: number;
}

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
	let found = formatters.get(timeZone);
	if (!found) {
		found = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric',
		});
		formatters.set(timeZone, found);
	}
	return found;
}

/**
 * The canonical name of an IANA time zone (`asia/seoul` → `Asia/Seoul`), or null when the runtime does not know it.
 */
export function canonicalTimeZone(name: string): string | null {
	const trimmed = name.trim();
	if (trimmed === '' || /^[+-]\d/.test(trimmed)) return null; // fixed offsets have no daylight saving rules to follow
	try {
		return new Intl.DateTimeFormat('en-US', { timeZone: trimmed }).resolvedOptions().timeZone;
	} catch {
		return null;
	}
}

/** The wall time an instant shows in `timeZone` (seconds included, milliseconds dropped). */
export function wallTimeAt(instant: Date | number, timeZone: string): Required<WallTime> {
	const parts = formatter(timeZone).formatToParts(typeof instant === 'number' ? instant : instant.getTime());
	const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
	return {
		year: get('year'),
		month: get('month'),
		day: get('day'),
		hour: get('hour'),
		minute: get('minute'),
		second: get('second'),
	};
}

function wallAsUtc(wall: WallTime): number {
	return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second ?? 0);
}

/** How far `timeZone` is ahead of UTC at an instant, in milliseconds (Seoul: +9 h). */
export function offsetAt(instant: number, timeZone: string): number {
	const whole = Math.floor(instant / 1000) * 1000;
	return wallAsUtc(wallTimeAt(whole, timeZone)) - whole;
}

function sameWall(a: WallTime, b: WallTime): boolean {
	return (
		a.year === b.year &&
		a.month === b.month &&
		a.day === b.day &&
		a.hour === b.hour &&
		a.minute === b.minute &&
		(a.second ?? 0) === (b.second ?? 0)
	);
}

/**
 * The instant at which clocks in `timeZone` show `wall`. Skipped times move forward by the gap; repeated times
 * resolve to the earlier instant (see the module comment).
 */
export function instantOf(wall: WallTime, timeZone: string): Date {
	const asUtc = wallAsUtc(wall);
	// Real zones change offset at most once within two days, so the offsets a day either side cover every case.
	const before = offsetAt(asUtc - DAY_MS, timeZone);
	const after = offsetAt(asUtc + DAY_MS, timeZone);
	const candidates = [...new Set([asUtc - before, asUtc - after])]
		.filter((t) => sameWall(wallTimeAt(t, timeZone), wall))
		.sort((a, b) => a - b);
	if (candidates.length > 0) return new Date(candidates[0]!);
	// In a gap: read the wall time with the offset in force before the change, which lands after the gap.
	return new Date(asUtc - before);
}

/** The calendar date `days` after `date` (negative: before). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
	const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
	return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Day of the week of a calendar date: 0 Sunday … 6 Saturday. */
export function weekdayOf(date: CalendarDate): number {
	return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

/** Number of days in a month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `YYYY-MM-DD` → a calendar date, or null when it is not a real date. */
export function parseCalendarDate(text: string): CalendarDate | null {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
	if (!match) return null;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
	return { year, month, day };
}

/** `YYYY-MM-DD`. */
export function formatCalendarDate(date: CalendarDate): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

/** `HH:MM` (24-hour) → hour and minute, or null. */
export function parseClockTime(text: string): { hour: number; minute: number } | null {
	const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
	return match ? { hour: Number(match[1]), minute: Number(match[2]) } : null;
}

/** `HH:MM` (24-hour). */
export function formatClockTime(hour: number, minute: number): string {
	return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** The local date an instant falls on in `timeZone`. */
export function calendarDateAt(instant: Date, timeZone: string): CalendarDate {
	const { year, month, day } = wallTimeAt(instant, timeZone);
	return { year, month, day };
}

/** The first instant of a local date (midnight, or the end of a gap if the day starts in one). */
export function startOfDay(date: CalendarDate, timeZone: string): Date {
	return instantOf({ ...date, hour: 0, minute: 0 }, timeZone);
}
