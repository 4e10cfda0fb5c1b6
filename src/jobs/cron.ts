import { validateDetailed } from 'node-cron';
import { t } from '../i18n/index.js';
import { addDays, daysInMonth, instantOf, wallTimeAt, weekdayOf, type CalendarDate } from './zoned-time.js';

/**
 * A five-field cron expression (`minute hour day-of-month month day-of-week`), read with node-cron's parser (names
 * like `mon` and `jan`, ranges, lists, steps, 7 for Sunday) and evaluated here in a time zone. node-cron's own
 * next-run search reads the real clock and drops a time skipped by daylight saving, so occurrences are computed
 * by {@link nextOccurrence} instead.
 */
export interface CronSchedule {
	source: string;
	minutes: readonly number[];
	hours: readonly number[];
	days: ReadonlySet<number>;
	months: ReadonlySet<number>;
	weekdays: ReadonlySet<number>;
	/**
	 * As in POSIX cron: when both day fields are restricted (neither starts with `*`), a day matches if either
	 * matches; otherwise both must.
	 */
	eitherDay: boolean;
}

export type CronParse = { ok: true; cron: CronSchedule } | { ok: false; reason: string };

const FIELD_NAMES = ['minute', 'hour', 'dayOfMonth', 'month', 'dayOfWeek'] as const;
/** node-cron's field keys, as an organizer reads them (schedule.cron.labels). */
type FieldKey = 'second' | (typeof FIELD_NAMES)[number];
const FIELD_LABELS: ReadonlySet<string> = new Set<FieldKey>(['second', ...FIELD_NAMES]);
/** Day and month names, removed before looking for the unsupported L, W and # forms (`wed` has a W). */
const NAMES = /\b(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*/gi;
/** No realistic expression goes longer without an occurrence (29 February on a given weekday repeats within 28 years). */
const SEARCH_DAYS = 366 * 29;

/** Parses a five-field expression, explaining what is wrong in words an organizer can act on. */
export function parseCron(expression: string): CronParse {
	const source = expression.trim().replace(/\s+/g, ' ');
	const fields = source.split(' ');
	const count = source === '' ? 0 : fields.length;
	if (count !== 5) {
		return {
			ok: false,
			reason: t('schedule.cron.fieldCount', { expression, count }),
		};
	}
	const special = fields.findIndex((f) => /[LW#]/i.test(f.replace(NAMES, '')));
	if (special >= 0) {
		return {
			ok: false,
			reason: t('schedule.cron.special', {
				value: fields[special],
				field: t(`schedule.cron.names.${FIELD_NAMES[special]!}`),
			}),
		};
	}
	const checked = validateDetailed(source);
	if (!checked.valid || !checked.fields) {
		const problem = checked.errors[0];
		const key = problem?.field ?? '';
		const field = t(`schedule.cron.labels.${FIELD_LABELS.has(key) ? (key as FieldKey) : 'field'}`);
		const value = problem?.value ?? source;
		return { ok: false, reason: t('schedule.cron.invalid', { expression, value, field }) };
	}
	const numbers = (values: readonly (number | string)[]) => values.filter((v): v is number => typeof v === 'number');
	const { minute, hour, dayOfMonth, month, dayOfWeek } = checked.fields;
	const restricted = (field: string) => !field.startsWith('*') && field !== '?';
	return {
		ok: true,
		cron: {
			source,
			minutes: [...numbers(minute)].sort((a, b) => a - b),
			hours: [...numbers(hour)].sort((a, b) => a - b),
			days: new Set(numbers(dayOfMonth)),
			months: new Set(numbers(month)),
			weekdays: new Set(numbers(dayOfWeek).map((d) => d % 7)),
			eitherDay: restricted(fields[2]!) && restricted(fields[4]!),
		},
	};
}

/** Whether the expression fires on a local date (at some time of that day). */
export function firesOn(cron: CronSchedule, date: CalendarDate): boolean {
	if (!cron.months.has(date.month)) return false;
	const byDay = cron.days.has(date.day) && date.day <= daysInMonth(date.year, date.month);
	const byWeekday = cron.weekdays.has(weekdayOf(date));
	return cron.eitherDay ? byDay || byWeekday : byDay && byWeekday;
}

/**
 * The first instant strictly after `after` at which the expression fires in `timeZone`, or null if it never does
 * (e.g. 31 February). Wall times skipped by daylight saving fire once at the end of the gap; repeated ones once.
 */
export function nextOccurrence(cron: CronSchedule, after: Date, timeZone: string): Date | null {
	const start = wallTimeAt(after, timeZone);
	// Start a day early: a time in a gap just before midnight can land on the next day.
	let date: CalendarDate = addDays(start, -1);
	for (let i = 0; i < SEARCH_DAYS; i++, date = addDays(date, 1)) {
		if (!firesOn(cron, date)) continue;
		let best: number | null = null;
		for (const hour of cron.hours) {
			for (const minute of cron.minutes) {
				const at = instantOf({ ...date, hour, minute }, timeZone).getTime();
				if (at > after.getTime() && (best === null || at < best)) best = at;
			}
		}
		if (best !== null) return new Date(best);
	}
	return null;
}

/** How many times a day the expression can fire (post expressions must fire at most once a day). */
export function timesPerDay(cron: CronSchedule): number {
	return cron.minutes.length * cron.hours.length;
}

/** The expression for "every `weekday` at `hour`:`minute`" (weekday 0 Sunday … 6 Saturday). */
export function weeklyCron(weekday: number, hour: number, minute: number): string {
	return `${minute} ${hour} * * ${weekday}`;
}
