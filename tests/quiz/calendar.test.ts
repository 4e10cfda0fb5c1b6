import { describe, expect, it } from 'vitest';
import { periodStart, weekKey, weeklyStreak } from '../../src/quiz/calendar.js';

const SEOUL = 'Asia/Seoul';

describe('calendar weeks in a time zone', () => {
	it('GIVEN Sunday 23:30 and Monday 00:30 in Seoul THEN they fall in different weeks, named by their Mondays', () => {
		expect(weekKey(new Date('2026-03-08T14:30:00Z'), SEOUL)).toBe('2026-03-02');
		expect(weekKey(new Date('2026-03-08T15:30:00Z'), SEOUL)).toBe('2026-03-09');
		expect(weekKey(new Date('2026-03-08T15:30:00Z'), 'UTC')).toBe('2026-03-02');
	});

	it('GIVEN Wednesday 4 March 2026 21:00 in Seoul THEN this week began Monday 2 March 00:00 KST and this month on 1 March 00:00 KST', () => {
		const now = new Date('2026-03-04T12:00:00Z');
		expect(periodStart('week', now, SEOUL)).toEqual(new Date('2026-03-01T15:00:00Z'));
		expect(periodStart('month', now, SEOUL)).toEqual(new Date('2026-02-28T15:00:00Z'));
		expect(periodStart('all', now, SEOUL)).toBeNull();
	});

	it('GIVEN activity in consecutive weeks THEN the streak counts them, and a quiet current week does not break it until it ends', () => {
		const now = new Date('2026-03-04T12:00:00Z');
		const weeksAgo = (n: number) => new Date(now.getTime() - n * 7 * 86_400_000);
		expect(weeklyStreak([weeksAgo(0), weeksAgo(1), weeksAgo(2), weeksAgo(4)], now, SEOUL)).toBe(3);
		expect(weeklyStreak([weeksAgo(1), weeksAgo(2)], now, SEOUL)).toBe(2);
		expect(weeklyStreak([weeksAgo(2)], now, SEOUL)).toBe(0);
		expect(weeklyStreak([], now, SEOUL)).toBe(0);
	});
});
