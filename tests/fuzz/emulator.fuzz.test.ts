import { ApplicationCommandOptionType as T } from 'discord-api-types/v10';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import type { AnyCommand } from '../../src/core/command.js';
import type { OptionData } from '../../src/core/options.js';
import type { DiscordBot } from '../../src/discord/start.js';
import { startEmulator, type DiscordEmulator, type OptionValue } from '../emulator/index.js';
import { startBotOnEmulator } from '../helpers/discord-bot.js';
import { lastShown, nobodyPinged, shownText } from '../faults/support/outcomes.js';
import { optionValue } from './arbitraries.js';
import { FUZZ } from './harness.js';

const CHANNEL_BY_TYPE: Record<number, string> = { 0: 'general', 5: 'announcements', 2: 'Study Hall' };

/** A value the emulated Discord client can send for `option`: members, channels and roles by name, the rest as Discord allows. */
function emulatorValue(option: OptionData): fc.Arbitrary<OptionValue> {
	switch (option.type) {
		case T.User:
		case T.Mentionable:
			return fc.constantFrom('ada', 'alan');
		case T.Channel: {
			const names = (option.channel_types ?? [0, 2, 5])
				.map((t) => CHANNEL_BY_TYPE[t])
				.filter((n): n is string => n !== undefined);
			return fc.constantFrom(...names);
		}
		case T.Role:
			return fc.constantFrom('Organizer', 'Member');
		default:
			return optionValue(option, true) as fc.Arbitrary<OptionValue>;
	}
}

function emulatorOptions(options: readonly OptionData[]): fc.Arbitrary<Record<string, OptionValue>> {
	const record = Object.fromEntries(
		options.map((o) => [o.name, o.required ? emulatorValue(o) : fc.option(emulatorValue(o), { nil: undefined })]),
	);
	return fc
		.record(record)
		.map(
			(r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)) as Record<string, OptionValue>,
		);
}

function emulatorInvocation(
	command: AnyCommand,
): fc.Arbitrary<{ name: string; subcommand?: string; options: Record<string, OptionValue> }> {
	const top: readonly OptionData[] = command.data.options ?? [];
	const subs = top.filter((o) => o.type === T.Subcommand);
	if (subs.length === 0) return emulatorOptions(top).map((options) => ({ name: command.data.name, options }));
	return fc.oneof(
		...subs.map((s) =>
			emulatorOptions(s.options ?? []).map((options) => ({ name: command.data.name, subcommand: s.name, options })),
		),
	);
}

/**
 * A bounded share of the fuzzing through the real bot on the emulated Discord (discord.js serialises, the emulator
 * validates every request and times the 3 s window): Discord-valid hostile input only, since Discord's client
 * enforces limits and choices before anything reaches a bot. FUZZ_EMULATOR_RUNS sets the count.
 */
describe(`fuzzed commands through the Discord emulator (seed ${FUZZ.seed})`, () => {
	let emulator: DiscordEmulator;
	let bot: DiscordBot;

	beforeAll(async () => {
		emulator = await startEmulator({ heartbeatIntervalMs: 5_000 });
		bot = await startBotOnEmulator(emulator);
	}, 60_000);
	afterAll(async () => {
		await bot?.stop();
		await emulator?.stop();
	});

	it('GIVEN alan runs /tokenize 13 times within a minute (first, before the fuzzing spends his runs) THEN the 13th is refused at once, privately, with the wait in seconds', async () => {
		const limit = commands.find((c) => c.data.name === 'tokenize')!.cooldown!;
		const started = Date.now();
		for (let i = 0; i < limit.uses; i++) {
			const ok = await emulator
				.dispatchInteraction({ type: 'command', name: 'tokenize', options: { text: `run ${i}` }, user: 'alan' })
				.answered({ timeoutMs: 20_000 });
			expect(lastShown(ok)?.content).not.toMatch(/^❌/);
		}
		const limited = await emulator
			.dispatchInteraction({ type: 'command', name: 'tokenize', options: { text: 'one more' }, user: 'alan' })
			.answered({ timeoutMs: 20_000 });
		const elapsedS = (Date.now() - started) / 1000;
		expect(limited.callbacks.map((c) => c.type)).toEqual([4]);
		expect(limited.original?.ephemeral).toBe(true);
		const match = /^❌ You have run \/tokenize a lot in a short time: try again in (\d+) s\.$/.exec(
			limited.original!.message.content,
		);
		expect(match).not.toBeNull();
		const wait = Number(match![1]);
		// The first run leaves the one-minute window `elapsed` seconds after it was made.
		expect(wait).toBeGreaterThanOrEqual(Math.floor(limit.perMs / 1000 - elapsedS - 1));
		expect(wait).toBeLessThanOrEqual(limit.perMs / 1000);
		// Another member is not limited.
		const other = await emulator
			.dispatchInteraction({ type: 'command', name: 'tokenize', options: { text: 'mine' }, user: 'ada' })
			.answered({ timeoutMs: 20_000 });
		expect(lastShown(other)?.content).not.toMatch(/^❌/);
	}, 120_000);

	it(`GIVEN ${FUZZ.emulatorRuns} commands with hostile Discord-valid input from ada (owner) and alan THEN each is acknowledged in time and answered or refused privately, spec-valid, pinging nobody, never with the apology`, async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.oneof(...commands.map(emulatorInvocation)),
				fc.constantFrom('ada', 'alan'),
				async (input, user) => {
					const outcome = await emulator
						.dispatchInteraction({ type: 'command', user, ...input })
						.answered({ timeoutMs: 20_000, quietMs: 50 });
					const what = `${user}: /${input.name} ${input.subcommand ?? ''} ${JSON.stringify(input.options).slice(0, 800)}`;
					expect(outcome.acknowledged, what).toBe(true);
					expect(outcome.timings.firstCallbackMs, what).toBeLessThan(3000);
					expect(outcome.errors, what).toEqual([]);
					expect(shownText(outcome), what).not.toMatch(/Sorry, something went wrong/);
					expect(nobodyPinged(outcome), what).toBe(true);
					const last = lastShown(outcome);
					if (last?.content.startsWith('❌')) expect(last.ephemeral, what).toBe(true);
					else
						expect(
							outcome.modal !== null || shownText(outcome).length > 0 || (outcome.original?.files.length ?? 0) > 0,
							what,
						).toBe(true);
					expect(emulator.violations, what).toEqual([]);
				},
			),
			{ seed: FUZZ.seed, numRuns: FUZZ.emulatorRuns, endOnFailure: true },
		);
		expect(emulator.unknownRoutes).toEqual([]);
	}, 600_000);
});
