import { describe, expect, it } from 'vitest';
import { DEFAULT_MEETING, meetingWindow } from '../../src/quiz/meeting.js';

describe('the meeting window', () => {
	it('GIVEN the default meeting (Wednesdays 21:00–22:30 Seoul, as /schedule set fills in) THEN check-in opens at 20:45 and closes at 22:30', () => {
		const at = (iso: string) => meetingWindow(DEFAULT_MEETING, new Date(iso));
		expect(at('2026-03-04T11:40:00Z')).toEqual({
			current: null,
			next: expect.objectContaining({ id: '2026-03-04', startsAt: new Date('2026-03-04T12:00:00Z') }),
		});
		expect(at('2026-03-04T11:45:00Z').current).toMatchObject({
			id: '2026-03-04',
			startsAt: new Date('2026-03-04T12:00:00Z'),
			endsAt: new Date('2026-03-04T13:30:00Z'),
		});
		expect(at('2026-03-04T13:29:59Z').current?.id).toBe('2026-03-04');
		expect(at('2026-03-04T13:30:00Z')).toEqual({
			current: null,
			next: expect.objectContaining({ id: '2026-03-11', startsAt: new Date('2026-03-11T12:00:00Z') }),
		});
	});

	it('GIVEN a Sunday 02:30 meeting in New York on the night clocks spring forward THEN it starts at 03:30 EDT, and a 23:30 meeting runs past midnight', () => {
		const ny = { timeZone: 'America/New_York', weekday: 0, hour: 2, minute: 30, durationMinutes: 60 };
		expect(meetingWindow(ny, new Date('2026-03-07T12:00:00Z')).next.startsAt).toEqual(new Date('2026-03-08T07:30:00Z'));
		const late = { timeZone: 'UTC', weekday: 2, hour: 23, minute: 30, durationMinutes: 90 };
		expect(meetingWindow(late, new Date('2026-03-04T00:30:00Z')).current).toMatchObject({
			id: '2026-03-03',
			endsAt: new Date('2026-03-04T01:00:00Z'),
		});
	});
});
