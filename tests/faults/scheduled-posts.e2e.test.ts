import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { everyMs } from '../../src/jobs/scheduler.js';
import type { DiscordBot } from '../../src/discord/start.js';
import { EmulatorRoutes, startEmulator, type DiscordEmulator } from '../emulator/index.js';
import { ManualClock } from '../helpers/deps.js';
import { startBotOnEmulator } from '../helpers/discord-bot.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const MINUTE = 60_000;

/**
 * The weekly post (message, thread, scheduled event) made by the real scheduler through discord.js while Discord
 * answers 5xx after applying each request, and 429s: each is made exactly once. The clock is a manual one; the
 * scheduler wakes every 25 ms, so a retry after the job's back-off happens as soon as the test moves the clock.
 */
describe('scheduled posts under 5xx-after-applied and 429', () => {
	let emulator: DiscordEmulator;
	let bot: DiscordBot;
	const clock = new ManualClock(new Date(Math.floor(Date.now() / MINUTE) * MINUTE));
	const firstPost = new Date(clock.now().getTime() + 3 * MINUTE);
	let guildId: string;
	let studyLab: string;
	const guild = () => emulator.world.guild(guildId)!;
	const posts = () =>
		emulator.world
			.messagesIn(studyLab)
			.filter((m) => m.message.author.id === emulator.world.botUser.id && !m.interactionId && !m.deleted);
	const threads = () => [...guild().threads.values()].filter((t) => t.parent_id === studyLab);
	const command = (subcommand: string, options: Record<string, string | number | boolean> = {}) =>
		emulator
			.dispatchInteraction({ type: 'command', name: 'schedule', subcommand, options, user: 'ada' })
			.answered({ timeoutMs: 10_000 });

	beforeAll(async () => {
		emulator = await startEmulator({ heartbeatIntervalMs: 5000 });
		guildId = [...emulator.world.guilds.keys()][0]!;
		studyLab = emulator.world.channelByName('study-lab', guildId).id;
		bot = await startBotOnEmulator(emulator, { clock, schedulerWake: everyMs(25) });
	}, 60_000);
	afterAll(async () => {
		await bot?.stop();
		await emulator?.stop();
	});

	it('GIVEN every write of the week-1 post is applied by Discord and then answered 500 (and the channel post also 429s first) THEN one message, one thread and one event exist', async () => {
		const hhmm = `${String(firstPost.getUTCHours()).padStart(2, '0')}:${String(firstPost.getUTCMinutes()).padStart(2, '0')}`;
		expect(
			(
				await command('set', {
					channel: 'study-lab',
					timezone: 'UTC',
					post_day: firstPost.getUTCDay(),
					post_time: hhmm,
				})
			).original?.message.content,
		).toBe('✅ Saved.');
		expect((await command('start')).original?.message.content).toMatch(/^✅ Started with week 1\./);

		emulator.faults.failNext({ route: EmulatorRoutes.createMessage, status: 429, retryAfterMs: 200 });
		// More 500s than discord.js's three retries: the job itself fails and is retried from its ledger.
		emulator.faults.failNext({ route: EmulatorRoutes.createMessage, status: 500, when: 'after', count: 5 });
		emulator.faults.failNext({ route: EmulatorRoutes.startThreadFromMessage, status: 502, when: 'after', count: 5 });
		emulator.faults.failNext({ route: EmulatorRoutes.createScheduledEvent, status: 503, when: 'after', count: 5 });
		clock.set(new Date(firstPost.getTime() + 5_000));
		// Each failed attempt backs off (1, 2, 4 … minutes): move the clock to the retry time the ledger asks for, and no
		// further. Moving it on blindly raced the job on a busy machine: past the nonce window (4 min) a send whose
		// outcome is unknown is, rightly, not repeated, so the post never completed.
		const deadline = Date.now() + 30_000;
		for (;;) {
			const ledger = await bot.app.deps.repos.scheduleLedger.get(guildId);
			const entry = Object.values(ledger).find((e) => e.kind === 'post' && e.week === 1);
			if (entry?.state === 'done') break;
			if (entry?.state === 'gave-up' || Date.now() > deadline)
				throw new Error(`the post did not complete: ${JSON.stringify(entry)}`);
			const retryAt = entry?.state === 'retry' && entry.nextAttemptAt ? Date.parse(entry.nextAttemptAt) : null;
			if (retryAt !== null && clock.now().getTime() < retryAt) clock.set(new Date(retryAt));
			await sleep(25);
		}
		await sleep(300);
		const fired = (status: number) => emulator.faults.fired.filter((f) => f.status === status).length;
		// Every 500 on the post was used (four in the first attempt, discord.js retrying, the fifth in the job's retry).
		expect(fired(500)).toBe(5);
		expect(fired(502)).toBeGreaterThanOrEqual(1);
		expect(fired(503)).toBeGreaterThanOrEqual(1);
		expect(posts()).toHaveLength(1);
		expect(posts()[0]!.message.embeds[0]!.title).toBe('Week 1 · LLM overview');
		expect(threads().map((t) => t.id)).toEqual([posts()[0]!.message.id]);
		expect([...guild().scheduledEvents.values()].map((e) => e.name)).toEqual(['Week 1 · LLM overview']);
		expect(emulator.violations).toEqual([]);
	}, 60_000);
});
