import { GatewayCloseCodes } from 'discord-api-types/v10';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordBot } from '../../src/discord/start.js';
import type { DiscordEmulator, InteractionHandle, InteractionOutcome } from '../emulator/index.js';
import { startBotOnEmulator } from '../helpers/discord-bot.js';
import { meetingCommand } from './support/mix.js';
import { nobodyPinged, shownText } from './support/outcomes.js';
import { emulatorWithMembers, memberNames } from './support/process-bot.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const MEMBERS = memberNames(30);
const BURST = 30;
const APOLOGY = /Sorry, something went wrong/;

/**
 * The real bot (discord.js, dispatcher, SQLite in memory) on the emulated Discord, hit by gateway faults in the
 * middle of a burst of 30 mixed commands from 30 members. Interactions sent while a shard is disconnected wait in its
 * session and are replayed on RESUME, as Discord does; after an op 9 `false` Discord has no session to deliver them to.
 */
describe('gateway faults in the middle of a burst of 30 mixed commands', () => {
	let emulator: DiscordEmulator;
	let bot: DiscordBot;

	beforeAll(async () => {
		// A long heartbeat: under a burst on one busy thread, a late ACK would make discord.js resume on its own.
		emulator = await emulatorWithMembers(MEMBERS.length, { heartbeatIntervalMs: 5_000 });
		bot = await startBotOnEmulator(emulator);
		// Each command once, so the burst measures the faults and not the first model and font loads.
		for (let i = 0; i < 10; i++)
			await emulator.dispatchInteraction(meetingCommand(i, ['ada'])).answered({ timeoutMs: 20_000 });
	}, 120_000);

	afterEach(() => {
		emulator.faults.clear();
		expect(emulator.violations).toEqual([]);
		expect(emulator.unknownRoutes).toEqual([]);
	});

	afterAll(async () => {
		await bot?.stop();
		await emulator?.stop();
	});

	/** Sends the burst `gapMs` apart, firing `fault` before the middle one; returns every handle. */
	async function burst(fault: () => void, gapMs = 0): Promise<InteractionHandle[]> {
		const handles: InteractionHandle[] = [];
		for (let i = 0; i < BURST; i++) {
			if (i === BURST / 2) fault();
			handles.push(emulator.dispatchInteraction(meetingCommand(i, MEMBERS)));
			if (gapMs > 0) await sleep(gapMs);
		}
		return handles;
	}

	/** A member saw a real answer in time: acknowledged within 3 s, no apology, nobody pinged, nothing refused. */
	function expectAnswered(outcome: InteractionOutcome): void {
		expect(outcome.acknowledged).toBe(true);
		expect(outcome.timings.firstCallbackMs).toBeLessThan(3000);
		expect(shownText(outcome)).not.toMatch(APOLOGY);
		expect(shownText(outcome).length).toBeGreaterThan(0);
		expect(nobodyPinged(outcome)).toBe(true);
		expect(outcome.errors).toEqual([]);
	}

	const answeredAll = (handles: InteractionHandle[]) =>
		Promise.all(handles.map((h) => h.answered({ timeoutMs: 20_000 })));

	it('GIVEN the connection is closed with 4000 THEN the bot resumes the same session and all 30 are answered, the queued ones after the replay', async () => {
		const session = emulator.gateway.session(0)!;
		const resumes = session.resumes;
		const outcomes = await answeredAll(await burst(() => emulator.closeShard(0, GatewayCloseCodes.UnknownError)));
		outcomes.forEach(expectAnswered);
		expect(session.resumes).toBe(resumes + 1);
		expect(emulator.gateway.session(0)?.id).toBe(session.id);
		// The second half waited for the RESUME replay (discord.js reconnects after 500 ms) and still made the window.
		expect(Math.max(...outcomes.map((o) => o.timings.deliveredMs ?? 0))).toBeGreaterThanOrEqual(400);
	}, 60_000);

	it('GIVEN a dropped connection (no close frame) THEN all 30 are answered after the resume', async () => {
		const session = emulator.gateway.session(0)!;
		const resumes = session.resumes;
		const outcomes = await answeredAll(await burst(() => emulator.dropShard(0)));
		outcomes.forEach(expectAnswered);
		expect(session.resumes).toBe(resumes + 1);
	}, 60_000);

	it('GIVEN op 7 RECONNECT THEN the bot reconnects, resumes, and all 30 are answered', async () => {
		const session = emulator.gateway.session(0)!;
		const resumes = session.resumes;
		const outcomes = await answeredAll(await burst(() => emulator.requestReconnect(0)));
		outcomes.forEach(expectAnswered);
		await emulator.waitFor(() => session.resumes === resumes + 1);
		expect(emulator.gateway.session(0)?.id).toBe(session.id);
	}, 60_000);

	it('GIVEN op 9 with d=true THEN the bot resumes on the same connection and all 30 are answered', async () => {
		const session = emulator.gateway.session(0)!;
		const resumes = session.resumes;
		const outcomes = await answeredAll(await burst(() => emulator.invalidateSession(0, true)));
		outcomes.forEach(expectAnswered);
		await emulator.waitFor(() => session.resumes === resumes + 1);
	}, 60_000);

	it('GIVEN op 9 with d=false while members keep clicking THEN every interaction Discord delivered is answered; those created before the new session reached nobody (the member sees Discord’s "interaction failed"), and the bot answers again once it has identified', async () => {
		const old = emulator.gateway.session(0)!;
		// 30 commands over about 9 s: before the invalidation, during the re-identify (discord.js waits 1–5 s), after.
		const handles = await burst(() => emulator.invalidateSession(0, false), 300);
		const fresh = await emulator.waitFor(() => {
			const s = emulator.gateway.session(0);
			return s && s.id !== old.id && s.connection ? s : undefined;
		}, 15_000);
		expect(fresh.resumes).toBe(0);
		await sleep(500);
		const outcomes = handles.map((h) => h.outcome());
		const lost = outcomes.filter((o) => o.lost);
		const delivered = outcomes.filter((o) => o.delivered);
		// Nothing is both: an interaction is either delivered to the bot or never reached it.
		expect(lost.length + delivered.length).toBe(BURST);
		expect(lost.every((o) => !o.delivered && !o.acknowledged)).toBe(true);
		(
			await Promise.all(handles.filter((h) => h.outcome().delivered).map((h) => h.answered({ timeoutMs: 20_000 })))
		).forEach(expectAnswered);
		// The first half went out on the old session and was answered; some of the rest fell in the gap.
		expect(handles.slice(0, BURST / 2).every((h) => h.outcome().delivered)).toBe(true);
		expect(lost.length).toBeGreaterThan(0);
		const after = await emulator.dispatchInteraction(meetingCommand(0, MEMBERS)).answered({ timeoutMs: 10_000 });
		expectAnswered(after);
		console.info(
			`op 9 false: ${delivered.length} delivered and answered, ${lost.length} created while the bot had no session`,
		);
	}, 90_000);
});
