import { describe, expect, it } from 'vitest';
import { nextOccurrence, parseCron, timesPerDay, type CronSchedule } from '../../src/jobs/cron.js';
import { calendarDateAt, formatCalendarDate, wallTimeAt } from '../../src/jobs/zoned-time.js';

function cron(expression: string): CronSchedule {
	const parsed = parseCron(expression);
	if (!parsed.ok) throw new Error(parsed.reason);
	return parsed.cron;
}

/** Every occurrence in [from, to), by chaining nextOccurrence. */
function occurrences(expression: string, zone: string, from: string, to: string): Date[] {
	const out: Date[] = [];
	const end = Date.parse(to);
	let at: Date | null = new Date(Date.parse(from) - 1);
	while ((at = nextOccurrence(cron(expression), at, zone)) && at.getTime() < end) out.push(at);
	return out;
}

describe('cron expressions', () => {
	it('GIVEN invalid expressions THEN each is refused with a reason that names the problem', () => {
		const reason = (e: string) => {
			const parsed = parseCron(e);
			return parsed.ok ? 'ok' : parsed.reason;
		};
		expect(reason('every monday')).toMatch(/has 2 fields; a weekly post needs 5/);
		expect(reason('0 9 * *')).toMatch(/has 4 fields/);
		expect(reason('0 0 9 * * 1')).toMatch(/has 6 fields/);
		expect(reason('')).toMatch(/has 0 fields/);
		expect(reason('0 25 * * *')).toBe('`0 25 * * *` is not a valid cron expression: `25` is not a valid hour (0–23).');
		expect(reason('61 9 * * 1')).toMatch(/`61` is not a valid minute/);
		expect(reason('0 9 * * tues')).toMatch(/`tues` is not a valid day of week/);
		expect(reason('0 9 * 13 *')).toMatch(/`13` is not a valid month/);
		expect(reason('0 9 L * *')).toMatch(/L, W and # forms are not supported/);
		expect(reason('0 9 * * 1#2')).toMatch(/not supported/);
	});

	it('GIVEN names, ranges, 7 for Sunday and words containing W THEN they parse', () => {
		expect([...cron('0 9 * * wed').weekdays]).toEqual([3]);
		expect([...cron('0 9 * * wednesday').weekdays]).toEqual([3]);
		expect([...cron('0 9 * * 7').weekdays]).toEqual([0]);
		expect([...cron('0 9 * * mon-fri').weekdays].sort()).toEqual([1, 2, 3, 4, 5]);
		expect(timesPerDay(cron('0 9 * * 1'))).toBe(1);
		expect(timesPerDay(cron('*/15 9 * * 1'))).toBe(4);
	});

	it('GIVEN Mondays 09:00 in Seoul THEN occurrences are 00:00 UTC every Monday', () => {
		const found = occurrences('0 9 * * mon', 'Asia/Seoul', '2026-03-01T00:00:00Z', '2026-03-24T00:00:00Z');
		expect(found.map((d) => d.toISOString())).toEqual([
			'2026-03-02T00:00:00.000Z',
			'2026-03-09T00:00:00.000Z',
			'2026-03-16T00:00:00.000Z',
			'2026-03-23T00:00:00.000Z',
		]);
	});

	it('GIVEN both day fields restricted THEN a day matches either (POSIX cron), and with one restricted both must', () => {
		const either = occurrences('0 9 1 * 1', 'UTC', '2026-06-01T00:00:00Z', '2026-07-01T00:00:00Z').map((d) =>
			d.getUTCDate(),
		);
		expect(either).toEqual([1, 8, 15, 22, 29]); // 1 June 2026 is a Monday
		const julyEither = occurrences('0 9 1 * 1', 'UTC', '2026-07-01T00:00:00Z', '2026-08-01T00:00:00Z').map((d) =>
			d.getUTCDate(),
		);
		expect(julyEither).toEqual([1, 6, 13, 20, 27]);
		const stepStar = occurrences('0 9 */10 * 1', 'UTC', '2026-06-01T00:00:00Z', '2026-07-01T00:00:00Z').map((d) =>
			d.getUTCDate(),
		);
		expect(stepStar).toEqual([1]); // `*/10` starts with *, so both must match: only Monday 1 June
	});

	it('GIVEN 31 February THEN it is refused; GIVEN 29 February THEN the next one is in the next leap year', () => {
		expect(parseCron('0 9 31 2 *')).toMatchObject({
			ok: false,
			reason: expect.stringMatching(/`31` is not a valid day of month/),
		});
		expect(nextOccurrence(cron('0 9 29 2 *'), new Date('2026-01-01T00:00:00Z'), 'UTC')?.toISOString()).toBe(
			'2028-02-29T09:00:00.000Z',
		);
	});

	it('GIVEN Sundays 02:30 in New York across the spring-forward Sunday THEN that week posts once, at 03:30 EDT', () => {
		const found = occurrences('30 2 * * 0', 'America/New_York', '2026-03-01T00:00:00Z', '2026-03-16T00:00:00Z');
		expect(found.map((d) => d.toISOString())).toEqual([
			'2026-03-01T07:30:00.000Z',
			'2026-03-08T07:30:00.000Z',
			'2026-03-15T06:30:00.000Z',
		]);
		expect(wallTimeAt(found[1]!, 'America/New_York')).toMatchObject({ day: 8, hour: 3, minute: 30 });
	});

	it('GIVEN Sundays 01:30 in New York across the fall-back Sunday THEN that week posts once, at the first 01:30', () => {
		const found = occurrences('30 1 * * 0', 'America/New_York', '2026-10-25T00:00:00Z', '2026-11-09T00:00:00Z');
		expect(found.map((d) => d.toISOString())).toEqual([
			'2026-10-25T05:30:00.000Z',
			'2026-11-01T05:30:00.000Z',
			'2026-11-08T06:30:00.000Z',
		]);
	});

	it('GIVEN a daily 02:30 (and 02:00, 03:00, 01:59) post for a year in zones with daylight saving THEN every local day has exactly one occurrence', () => {
		for (const zone of ['America/New_York', 'Europe/Berlin', 'Australia/Sydney', 'America/Santiago']) {
			for (const time of ['30 2', '0 2', '0 3', '59 1']) {
				const found = occurrences(`${time} * * *`, zone, '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z');
				const days = found.map((d) => formatCalendarDate(calendarDateAt(d, zone)));
				expect(new Set(days).size, `${zone} ${time}`).toBe(days.length);
				// 365 days in the range, give or take a day at the ends for the zone's offset from UTC.
				expect(days.length).toBeGreaterThanOrEqual(364);
				expect(days.length).toBeLessThanOrEqual(366);
				const [minute, hour] = time.split(' ').map(Number);
				const shifted = found.filter((d) => {
					const w = wallTimeAt(d, zone);
					return w.hour !== hour || w.minute !== minute;
				});
				// Only the spring-forward day moves, when the time falls in its gap (Santiago's gap is 00:00–01:00),
				// and it moves forward by the gap, never backward.
				const inGap = zone !== 'America/Santiago' && (time === '30 2' || time === '0 2');
				expect(shifted.length, `${zone} ${time}`).toBe(inGap ? 1 : 0);
				for (const d of shifted)
					expect(wallTimeAt(d, zone).hour * 60 + wallTimeAt(d, zone).minute).toBeGreaterThan(hour! * 60 + minute!);
			}
		}
	});

	it('GIVEN a Wednesday 21:00 meeting in Seoul THEN the next occurrence after a Monday post is that Wednesday', () => {
		const next = nextOccurrence(cron('0 21 * * 3'), new Date('2026-03-02T00:00:00Z'), 'Asia/Seoul');
		expect(next?.toISOString()).toBe('2026-03-04T12:00:00.000Z');
	});
});
