import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordBot } from '../../src/discord/start.js';
import { manualWake } from '../../src/jobs/scheduler.js';
import { startEmulator, type DiscordEmulator } from '../emulator/index.js';
import { ManualClock } from '../helpers/deps.js';
import { startBotOnEmulator } from '../helpers/discord-bot.js';

const unix = (iso: string) => Date.parse(iso) / 1000;

describe('the meeting as members see it, before and after /schedule set, through the Discord emulator', () => {
	let emulator: DiscordEmulator;
	let bot: DiscordBot;
	// Wednesday 4 March 2026, 22:15 in Seoul: 75 minutes into a meeting that starts at 21:00.
	const clock = new ManualClock(new Date('2026-03-04T13:15:00Z'));
	const run = (name: string, user: string, subcommand?: string, options: Record<string, string | number> = {}) =>
		emulator
			.dispatchInteraction({ type: 'command', name, ...(subcommand ? { subcommand } : {}), options, user })
			.answered({ timeoutMs: 20_000 });

	beforeAll(async () => {
		emulator = await startEmulator({ heartbeatIntervalMs: 1000 });
		bot = await startBotOnEmulator(emulator, { clock, schedulerWake: manualWake });
	}, 60_000);
	afterAll(async () => {
		await bot?.stop();
		await emulator?.stop();
	});

	it('GIVEN no schedule THEN /week says no meeting time is set and who sets it, and /report says there were no meetings instead of an empty table', async () => {
		const page = await run('week', 'alan');
		expect(page.original?.message.content).toBe(
			'No schedule is running in this server, so here is week 1: choose another with `number`, or ask an organizer to run `/schedule start`.\n🗓️ No meeting time is set for this server yet: an organizer sets it with `/schedule set`.',
		);
		const report = await run('report', 'ada');
		expect(report.original?.message.content).toMatch(
			/^📊 Group report: \d+ members?, no meetings recorded yet \(members record one with `\/checkin` during the meeting\)\./,
		);
		expect(emulator.violations).toEqual([]);
	});

	it('GIVEN the same meeting before and after /schedule set (defaults) THEN /checkin 75 minutes in is open both times: one meeting length, 90 minutes', async () => {
		const before = await run('checkin', 'alan');
		expect(before.original?.message.content).toMatch(/^✅ Checked in to the meeting of 2026-03-04\./);
		const set = await run('schedule', 'ada', 'set', { channel: 'study-lab' });
		expect(set.original?.message.content).toMatch(/^✅ Saved\./);
		const after = await run('checkin', 'ada');
		expect(after.original?.message.content).toMatch(/^✅ Checked in to the meeting of 2026-03-04\./);
		clock.set(new Date('2026-03-04T13:30:00Z')); // 22:30: the meeting has ended
		const late = await run('checkin', 'alan');
		expect(late.original?.message.content).toContain('(Asia/Seoul, 90 min)');
		const report = await run('report', 'ada');
		expect(report.original?.message.content).toMatch(/^📊 Group report: \d+ members?, 1 meeting\./);
	});

	it('GIVEN the schedule THEN /week shows members the next meeting as Discord timestamps (full date and relative)', async () => {
		const page = await run('week', 'alan');
		const next = unix('2026-03-11T12:00:00Z'); // Wednesday 11 March, 21:00 in Seoul
		expect(page.original?.message.content).toBe(
			`No schedule is running in this server, so here is week 1: choose another with \`number\`, or ask an organizer to run \`/schedule start\`.\n🗓️ Next meeting: <t:${next}:F> (<t:${next}:R>)`,
		);
		clock.set(new Date('2026-03-11T12:10:00Z'));
		const during = await run('week', 'alan', undefined, { number: 2 });
		expect(during.original?.message.content).toBe(
			`🗓️ The meeting is on now: it started <t:${next}:R> and ends <t:${next + 90 * 60}:R>.`,
		);
		expect(emulator.violations).toEqual([]);
	});
});
