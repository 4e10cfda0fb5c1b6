import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../../src/storage/errors.js';
import type { DiscordEmulator, InteractionOutcome } from '../emulator/index.js';
import { emulatorWithMembers, errorLines, health, spawnBot, type RunningBot } from './support/process-bot.js';
import { customIdsOf, lastShown, nobodyPinged } from './support/outcomes.js';
import { ThrowawayPostgres, ThrowawayRedis } from './support/servers.js';

const UNAVAILABLE = `❌ ${new StoreUnavailableError(null).message}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Server {
	url: string;
	kill(): Promise<void>;
	start(): Promise<void>;
	remove?(): Promise<void>;
}

const SERVERS: Record<'redis' | 'postgres', () => Promise<Server>> = {
	redis: () => ThrowawayRedis.start(),
	postgres: () => ThrowawayPostgres.start(),
};

/**
 * The bot as a real process (src/index.ts) on the emulated Discord, its store a Redis or PostgreSQL server of the
 * test's own, which is killed and started again while the bot runs. A crash of the process (an unhandled
 * rejection or an unhandled 'error' event ends a Node process) shows as an exit code.
 */
describe.each(['redis', 'postgres'] as const)('GIVEN the bot process on its own %s server', (kind) => {
	let emulator: DiscordEmulator;
	let server: Server;
	let bot: RunningBot;
	let practiceMessage: InteractionOutcome['original'];

	/** Fails with the bot's last output if the process died, instead of waiting for an answer that cannot come. */
	const alive = <T>(waiting: Promise<T>): Promise<T> =>
		Promise.race([
			waiting,
			bot.process.exited().then((code) => {
				throw new Error(`the bot process exited (${code}):\n${bot.process.output.slice(-4000)}`);
			}),
		]);
	const command = (
		name: string,
		options: Record<string, string | number | boolean> = {},
		subcommand?: string,
		user = 'alan',
	) =>
		alive(
			emulator
				.dispatchInteraction({ type: 'command', name, options, user, ...(subcommand ? { subcommand } : {}) })
				.answered({ timeoutMs: 15_000 }),
		);

	beforeAll(async () => {
		server = await SERVERS[kind]();
		emulator = await emulatorWithMembers(0);
		bot = await spawnBot(emulator, { STORE_URL: server.url, STORE_NAMESPACE: `outage-${kind}` });
	}, 120_000);

	afterAll(async () => {
		await bot?.process.stop();
		await emulator?.stop();
		await server?.kill().catch(() => undefined);
		await server?.remove?.();
	});

	it('THEN with the store up, /quiz practice, /progress and /checkin are answered normally', async () => {
		const practice = await command('quiz', { week: 1, count: 2 }, 'practice');
		expect(practice.original?.message.embeds[0]?.title).toMatch(/Practice · question 1 of 2/);
		practiceMessage = practice.original;
		expect(lastShown(await command('progress'))?.content).toMatch(/Progress|no recorded activity/);
		expect(lastShown(await command('checkin'))?.content).toMatch(
			/^🕒 Check-in is open during the meeting only|^✅ Checked in/,
		);
		expect((await health(bot.healthUrl)).status).toBe(200);
	}, 60_000);

	it('GIVEN the store is killed THEN every command that needs it says so privately, the others still work, /healthz is 503, and the process stays up', async () => {
		await server.kill();
		const outcomes = await Promise.all([
			command('quiz', { week: 2, count: 1 }, 'practice'),
			command('progress'),
			command('checkin'),
			command('leaderboard'),
			command('review'),
		]);
		for (const outcome of outcomes) {
			expect(lastShown(outcome)).toEqual({ content: UNAVAILABLE, ephemeral: true });
			expect(nobodyPinged(outcome)).toBe(true);
		}
		// A button on a message posted before the outage: the click reads the practice run from the store.
		const button = customIdsOf(practiceMessage?.message).find((id) => id.startsWith('quiz:'))!;
		const click = await alive(
			emulator
				.dispatchInteraction({ type: 'button', customId: button, message: practiceMessage!.message, user: 'alan' })
				.answered({ timeoutMs: 15_000 }),
		);
		expect(lastShown(click)).toEqual({ content: UNAVAILABLE, ephemeral: true });
		// Commands that need no store are not held up.
		expect((await command('help')).original?.message.embeds[0]?.title).toBe('LLM Study Bot');
		const report = await health(bot.healthUrl);
		expect(report.status).toBe(503);
		expect(report.body.store.ok).toBe(false);
		await sleep(1000);
		expect(bot.process.child.exitCode).toBeNull();
		expect(emulator.violations).toEqual([]);
	}, 90_000);

	it('GIVEN the store is started again THEN the bot reconnects by itself and the next commands work, with no unexpected error and no restart', async () => {
		await server.start();
		const deadline = Date.now() + 30_000;
		while ((await health(bot.healthUrl)).status !== 200) {
			if (Date.now() > deadline)
				throw new Error(`the bot did not see its ${kind} come back within 30 s:\n${bot.process.output.slice(-3000)}`);
			await sleep(250);
		}
		const practice = await command('quiz', { week: 3, count: 1 }, 'practice');
		expect(practice.original?.message.embeds[0]?.title).toMatch(/Practice · question 1 of 1/);
		expect(lastShown(await command('progress'))?.content).toMatch(/Progress|no recorded activity/);
		expect(bot.process.child.exitCode).toBeNull();
		// No reference-id apology: the outage was always reported as the store being unavailable.
		expect(
			bot.process.logs().filter((l) => l.msg === 'handler failed' || l.msg === 'interaction routing failed'),
		).toEqual([]);
		expect(bot.process.output).not.toMatch(/unhandled|uncaught/i);
		expect(emulator.violations).toEqual([]);
		expect(emulator.unknownRoutes).toEqual([]);
		// What the operator sees in the log while the store was away (scheduler, live-quiz runner): errors, not crashes.
		expect(errorLines(bot.process).every((l) => l.msg !== 'Start-up failed')).toBe(true);
	}, 90_000);
});
