import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	addDays,
	canonicalTimeZone,
	instantOf,
	offsetAt,
	parseCalendarDate,
	parseClockTime,
	startOfDay,
	wallTimeAt,
	weekdayOf,
} from '../../src/jobs/zoned-time.js';

const HOUR = 3_600_000;
const iso = (d: Date) => d.toISOString();

describe('wall time in a time zone', () => {
	it('GIVEN Seoul (UTC+9, no daylight saving) THEN Wednesday 21:00 is 12:00 UTC and reads back', () => {
		const at = instantOf({ year: 2026, month: 3, day: 4, hour: 21, minute: 0 }, 'Asia/Seoul');
		expect(iso(at)).toBe('2026-03-04T12:00:00.000Z');
		expect(wallTimeAt(at, 'Asia/Seoul')).toEqual({ year: 2026, month: 3, day: 4, hour: 21, minute: 0, second: 0 });
		expect(offsetAt(at.getTime(), 'Asia/Seoul')).toBe(9 * HOUR);
	});

	it('GIVEN New York on its spring-forward night (2026-03-08, 02:00 → 03:00) THEN 02:30 moves forward by the gap to 03:30 EDT', () => {
		const at = instantOf({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, 'America/New_York');
		expect(iso(at)).toBe('2026-03-08T07:30:00.000Z');
		expect(wallTimeAt(at, 'America/New_York')).toMatchObject({ hour: 3, minute: 30 });
		// The gap's edges: 01:59 is still EST, 03:00 already EDT, and they are one minute apart.
		const before = instantOf({ year: 2026, month: 3, day: 8, hour: 1, minute: 59 }, 'America/New_York');
		const after = instantOf({ year: 2026, month: 3, day: 8, hour: 3, minute: 0 }, 'America/New_York');
		expect(after.getTime() - before.getTime()).toBe(60_000);
	});

	it('GIVEN New York on its fall-back night (2026-11-01, 02:00 → 01:00) THEN 01:30 is the earlier of its two instants (EDT)', () => {
		const at = instantOf({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, 'America/New_York');
		expect(iso(at)).toBe('2026-11-01T05:30:00.000Z');
		// One hour later the clock shows 01:30 again (EST).
		expect(wallTimeAt(at.getTime() + HOUR, 'America/New_York')).toMatchObject({ hour: 1, minute: 30 });
	});

	it('GIVEN Berlin across both changes of 2026 THEN 02:30 resolves to 03:30 CEST in March and to the first 02:30 (CEST) in October', () => {
		expect(iso(instantOf({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, 'Europe/Berlin'))).toBe(
			'2026-03-29T01:30:00.000Z',
		);
		expect(iso(instantOf({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, 'Europe/Berlin'))).toBe(
			'2026-10-25T00:30:00.000Z',
		);
	});

	it('GIVEN any minute of 2024–2028 in zones with and without daylight saving THEN instantOf inverts wallTimeAt, preferring the earlier instant', () => {
		const zones = [
			'America/New_York',
			'Europe/Berlin',
			'Asia/Seoul',
			'Australia/Sydney',
			'America/Santiago',
			'Asia/Kolkata',
			'Australia/Lord_Howe',
		];
		fc.assert(
			fc.property(
				fc.constantFrom(...zones),
				fc.integer({ min: Date.UTC(2024, 0, 1) / 60_000, max: Date.UTC(2028, 11, 31) / 60_000 }),
				(zone, minute) => {
					const t = minute * 60_000;
					const wall = wallTimeAt(t, zone);
					const back = instantOf(wall, zone).getTime();
					expect(wallTimeAt(back, zone)).toEqual(wall);
					// Equal, or t is the second instant of a repeated wall time, and `back` the first.
					if (back !== t) {
						expect(back).toBeLessThan(t);
						expect(t - back).toBe(offsetAt(back, zone) - offsetAt(t, zone));
					}
				},
			),
			{ numRuns: 3000 },
		);
	});

	it('GIVEN a day that starts in a gap (Santiago, 2026-09-06: 00:00 → 01:00) THEN the start of day is 01:00', () => {
		const start = startOfDay({ year: 2026, month: 9, day: 6 }, 'America/Santiago');
		expect(wallTimeAt(start, 'America/Santiago')).toMatchObject({ day: 6, hour: 1, minute: 0 });
	});

	it('GIVEN time-zone names THEN real ones are canonicalised and unknown ones or fixed offsets are refused', () => {
		expect(canonicalTimeZone('asia/seoul')).toBe('Asia/Seoul');
		expect(canonicalTimeZone(' Europe/Berlin ')).toBe('Europe/Berlin');
		expect(canonicalTimeZone('UTC')).toBe('UTC');
		expect(canonicalTimeZone('Mars/Olympus_Mons')).toBeNull();
		expect(canonicalTimeZone('+09:00')).toBeNull();
		expect(canonicalTimeZone('')).toBeNull();
	});

	it('GIVEN dates and clock times as text THEN only real ones parse', () => {
		expect(parseCalendarDate('2026-02-28')).toEqual({ year: 2026, month: 2, day: 28 });
		expect(parseCalendarDate('2026-02-29')).toBeNull();
		expect(parseCalendarDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
		expect(parseCalendarDate('2026-3-1')).toBeNull();
		expect(parseClockTime('21:00')).toEqual({ hour: 21, minute: 0 });
		expect(parseClockTime('9:05')).toEqual({ hour: 9, minute: 5 });
		expect(parseClockTime('24:00')).toBeNull();
		expect(parseClockTime('21:60')).toBeNull();
		expect(addDays({ year: 2026, month: 12, day: 31 }, 1)).toEqual({ year: 2027, month: 1, day: 1 });
		expect(weekdayOf({ year: 2026, month: 3, day: 4 })).toBe(3);
	});
});
