import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordBot } from '../../src/discord/start.js';
import { EmulatorRoutes, type DiscordEmulator, type HttpFault, type InteractionOutcome } from '../emulator/index.js';
import { startBotOnEmulator } from '../helpers/discord-bot.js';
import { meetingCommand, type CommandInput } from './support/mix.js';
import { customIdsOf, nobodyPinged, shown, shownText } from './support/outcomes.js';
import { emulatorWithMembers, memberNames } from './support/process-bot.js';

const MEMBERS = memberNames(30);
const APOLOGY = /Sorry, something went wrong/;

/**
 * Discord's REST answering 429 and 5xx while the real bot (discord.js, dispatcher, in-memory SQLite) replies to
 * members. `when: 'after'` is the nasty case: Discord applied the request, then the answer was lost, so discord.js's
 * automatic retry meets the consequences (40060 "already acknowledged" for a callback).
 */
describe('REST faults on replies', () => {
	let emulator: DiscordEmulator;
	let bot: DiscordBot;

	beforeAll(async () => {
		emulator = await emulatorWithMembers(MEMBERS.length, { heartbeatIntervalMs: 5_000 });
		bot = await startBotOnEmulator(emulator);
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

	/** The member saw a real answer: acknowledged in time, no apology, one visible answer, nobody pinged. */
	function expectAnswered(outcome: InteractionOutcome): void {
		expect(outcome.acknowledged).toBe(true);
		expect(outcome.timings.firstCallbackMs).toBeLessThan(3000);
		expect(shownText(outcome)).not.toMatch(APOLOGY);
		expect(shown(outcome).length).toBeGreaterThan(0);
		expect(nobodyPinged(outcome)).toBe(true);
	}

	const burst = (count: number) =>
		Promise.all(
			Array.from({ length: count }, (_, i) =>
				emulator.dispatchInteraction(meetingCommand(i, MEMBERS)).answered({ timeoutMs: 20_000 }),
			),
		);
	const one = (input: CommandInput, fault: HttpFault) => {
		emulator.faults.failNext(fault);
		return emulator.dispatchInteraction(input).answered({ timeoutMs: 15_000 });
	};

	it('GIVEN a 429 storm on interaction callbacks (30 in a row, retry-after 300 ms) THEN all 30 commands of a burst are answered within the window', async () => {
		emulator.faults.failNext({ route: EmulatorRoutes.interactionCallback, status: 429, retryAfterMs: 300, count: 30 });
		(await burst(30)).forEach(expectAnswered);
		expect(emulator.faults.fired.filter((f) => f.status === 429).length).toBeGreaterThanOrEqual(30);
	}, 60_000);

	it('GIVEN global 429s (retry-after 500 ms) and 429s on every deferred edit THEN all 30 are answered', async () => {
		emulator.faults.failNext({ route: () => true, status: 429, global: true, retryAfterMs: 500, count: 3 });
		emulator.faults.failNext({ route: EmulatorRoutes.editOriginal, status: 429, retryAfterMs: 400, count: 30 });
		(await burst(30)).forEach(expectAnswered);
	}, 60_000);

	it('GIVEN 503 twice on each of 20 callbacks and 502 on edits THEN discord.js retries and all 30 are answered', async () => {
		emulator.faults.failNext({ route: EmulatorRoutes.interactionCallback, status: 503, count: 40 });
		emulator.faults.failNext({ route: EmulatorRoutes.editOriginal, status: 502, count: 10 });
		(await burst(30)).forEach(expectAnswered);
	}, 60_000);

	it('GIVEN Discord applied a reply and then answered 500 THEN the member sees that one reply, and no apology follows it', async () => {
		const outcome = await one(
			{ type: 'command', name: 'help', user: 'm01' },
			{ route: EmulatorRoutes.interactionCallback, status: 500, when: 'after' },
		);
		expectAnswered(outcome);
		expect(outcome.original?.message.embeds[0]?.title).toBe('LLM Study Bot');
		expect(outcome.followUps).toEqual([]);
	});

	it('GIVEN Discord applied a deferral ("thinking…") and then answered 500 THEN the deferred message still becomes the answer', async () => {
		const outcome = await one(
			{ type: 'command', name: 'tokenize', options: { text: 'deferred, then lost' }, user: 'm02' },
			{ route: EmulatorRoutes.interactionCallback, status: 500, when: 'after' },
		);
		expectAnswered(outcome);
		expect(outcome.callbacks.map((c) => c.type)).toEqual([5]);
		expect(outcome.originalEdits).toBeGreaterThan(0);
		expect(outcome.original?.files.length).toBeGreaterThan(0);
	});

	it('GIVEN a private deferral applied then 500 THEN the practice question still arrives, privately', async () => {
		const outcome = await one(
			{ type: 'command', name: 'quiz', subcommand: 'practice', options: { week: 4, count: 2 }, user: 'm03' },
			{ route: EmulatorRoutes.interactionCallback, status: 500, when: 'after' },
		);
		expectAnswered(outcome);
		expect(outcome.original?.ephemeral).toBe(true);
		expect(outcome.original?.message.embeds[0]?.title).toMatch(/Practice · question 1 of 2/);
	});

	it('GIVEN an edit applied then 500 THEN the retried edit lands once more and the answer stands', async () => {
		const outcome = await one(
			{ type: 'command', name: 'similarity', options: { words: 'cat dog' }, user: 'm04' },
			{ route: EmulatorRoutes.editOriginal, status: 500, when: 'after' },
		);
		expectAnswered(outcome);
		expect(outcome.original?.files.length).toBeGreaterThan(0);
	});

	it('GIVEN a button click whose update was applied then 500 THEN the member sees the updated question', async () => {
		// The question order is shuffled: start runs until the first question is a multiple-choice one (it has pick buttons).
		let message = (
			await emulator
				.dispatchInteraction({
					type: 'command',
					name: 'quiz',
					subcommand: 'practice',
					options: { week: 1, count: 2 },
					user: 'm05',
				})
				.answered()
		).original!.message;
		for (let tries = 0; !customIdsOf(message).some((id) => id.startsWith('quiz:pick:')) && tries < 20; tries++) {
			message = (
				await emulator
					.dispatchInteraction({
						type: 'command',
						name: 'quiz',
						subcommand: 'practice',
						options: { week: 1, count: 2 },
						user: 'm05',
					})
					.answered()
			).original!.message;
		}
		const pick = customIdsOf(message).find((id) => id.startsWith('quiz:pick:'));
		expect(pick).toBeDefined();
		emulator.faults.failNext({ route: EmulatorRoutes.interactionCallback, status: 500, when: 'after' });
		const outcome = await emulator
			.dispatchInteraction({ type: 'button', customId: pick!, message, user: 'm05' })
			.answered({ timeoutMs: 15_000 });
		expectAnswered(outcome);
		expect(shownText(outcome)).toMatch(/Right|Not quite/);
	});
});
