import { ChannelType } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { planStatus } from '../../src/jobs/plan.js';
import { applyChanges, startPlan, suggestTimeZones, type ChangeContext } from '../../src/jobs/schedule-settings.js';
import { at, seoulSchedule } from './fixtures.js';

const ctx = (now: string): ChangeContext => ({
	guildId: '200000000000000001',
	userId: '100000000000000001',
	now: at(now),
	lastWeek: 12,
});

describe('schedule settings', () => {
	it('GIVEN partial or misspelt time-zone names THEN suggestions start with the closest cities', () => {
		expect(suggestTimeZones('seoul')[0]).toBe('Asia/Seoul');
		expect(suggestTimeZones('new york')[0]).toBe('America/New_York');
		expect(suggestTimeZones('Asia/Seou')[0]).toBe('Asia/Seoul');
		expect(suggestTimeZones('europe/ber')).toContain('Europe/Berlin');
		expect(suggestTimeZones('')[0]).toBe('Asia/Seoul');
		expect(suggestTimeZones('zzzz')).toEqual([]);
		expect(suggestTimeZones('a').length).toBeLessThanOrEqual(25);
	});

	it('GIVEN a new post time while paused THEN the plan keeps the pause, and resuming continues with the next week at the new time', () => {
		const paused = seoulSchedule({ pauses: [{ from: '2026-03-10T00:00:00.000Z', to: null }] });
		const result = applyChanges(paused, { postCron: '0 18 * * 5' }, ctx('2026-03-12T00:00:00Z'));
		if (!result.ok) throw new Error(result.problems.join());
		expect(result.schedule.plan).toEqual({
			startWeek: 3,
			startAt: '2026-03-12T00:00:00.000Z',
			previous: { week: 2, at: '2026-03-09T00:00:00.000Z' },
		});
		expect(result.schedule.pauses).toEqual([{ from: '2026-03-10T00:00:00.000Z', to: null }]);
		const resumed = {
			...result.schedule,
			pauses: [{ from: '2026-03-10T00:00:00.000Z', to: '2026-03-13T00:00:00.000Z' }],
		};
		// Friday 13 March 18:00 in Seoul is after the resume: week 3.
		expect(planStatus(resumed, at('2026-03-13T00:00:00Z'), 12).next).toMatchObject({
			week: 3,
			at: at('2026-03-13T09:00:00Z'),
		});
	});

	it('GIVEN a new post time mid-course for a plan with an id THEN the re-based plan keeps its id, so the week already posted keeps its ledger entry (thread, reminder)', () => {
		const running = seoulSchedule({
			plan: { id: 'plan7', startWeek: 1, startAt: '2026-03-01T15:00:00.000Z', previous: null },
		});
		const result = applyChanges(running, { postCron: '0 18 * * 5' }, ctx('2026-03-12T00:00:00Z'));
		if (!result.ok) throw new Error(result.problems.join());
		expect(result.schedule.plan).toMatchObject({ id: 'plan7', previous: { week: 2, at: '2026-03-09T00:00:00.000Z' } });
		const started = startPlan(running, 1, undefined, { ...ctx('2026-03-12T00:00:00Z'), planId: '1234' });
		expect(started.ok && started.schedule.plan?.id).toBe('1234');
	});

	it('GIVEN a new post time after the course finished THEN it stays finished', () => {
		const result = applyChanges(seoulSchedule(), { postCron: '0 18 * * 5' }, ctx('2026-06-01T00:00:00Z'));
		if (!result.ok) throw new Error(result.problems.join());
		expect(planStatus(result.schedule, at('2026-07-01T00:00:00Z'), 12)).toMatchObject({
			finished: true,
			next: null,
			current: { week: 12 },
		});
	});

	it('GIVEN a new post time before the first post THEN the start date holds, with the new time', () => {
		const later = seoulSchedule({ plan: { startWeek: 1, startAt: '2026-03-01T15:00:00.000Z', previous: null } });
		const result = applyChanges(later, { postCron: '0 18 * * 1' }, ctx('2026-02-20T00:00:00Z'));
		if (!result.ok) throw new Error(result.problems.join());
		expect(result.notes).toEqual([]);
		expect(planStatus(result.schedule, at('2026-02-20T00:00:00Z'), 12).next).toMatchObject({
			week: 1,
			at: at('2026-03-02T09:00:00Z'),
		});
	});

	it('GIVEN a meeting change THEN events already made are said to keep their time', () => {
		const result = applyChanges(seoulSchedule(), { meetingTime: '20:00' }, ctx('2026-03-03T00:00:00Z'));
		expect(result.ok && result.notes).toEqual([expect.stringMatching(/Events already created keep their old time/)]);
	});

	it('GIVEN start without a date THEN the plan starts today in the schedule’s time zone', () => {
		// 23:30 UTC on 1 March is already 2 March in Seoul.
		const result = startPlan(seoulSchedule({ plan: null }), 4, undefined, ctx('2026-03-01T23:30:00Z'));
		expect(result.ok && result.schedule.plan).toEqual({
			// Its id, in the ledger ids of its posts: the start's moment (the command passes its interaction's id).
			id: Date.parse('2026-03-01T23:30:00Z').toString(36),
			startWeek: 4,
			startAt: '2026-03-01T15:00:00.000Z',
			previous: null,
			startedAt: '2026-03-01T23:30:00.000Z',
		});
		const channel = applyChanges(
			undefined,
			{ channel: { id: '1', name: 'voice', type: ChannelType.GuildVoice } },
			ctx('2026-03-01T00:00:00Z'),
		);
		expect(channel).toEqual({
			ok: false,
			problems: ['<#1> is not a text or announcement channel: the weekly posts and their threads need one.'],
		});
	});
});
