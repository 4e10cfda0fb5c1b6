import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import type { Dispatcher } from '../../src/core/dispatch.js';
import type { ManualClock } from '../helpers/deps.js';
import { ApiResponder } from './api-responder.js';
import { anyComponent, anyInvocation } from './arbitraries.js';
import { baseFor, expectSafe, FUZZ, fuzzDispatcher } from './harness.js';

/**
 * Every command of the registry (new ones are covered as they are added) through the real dispatcher, with option
 * values generated from its own definition: in range and past it, hostile text, missing options. Each reply is
 * turned into the requests discord.js would send (its own MessagePayload) and checked against Discord's spec.
 * This path carries the bulk of the runs (a run costs milliseconds, not the emulator's round trips); the emulator
 * suite runs a bounded share of Discord-valid inputs through the real bot to keep this conversion honest.
 * Seed: FUZZ_SEED; runs: FUZZ_RUNS (see harness.ts).
 */
describe(`fuzzed commands through the dispatcher (seed ${FUZZ.seed})`, () => {
	let dispatcher: Dispatcher;
	let clock: ManualClock;
	let lines: Record<string, unknown>[];

	beforeAll(async () => {
		({ dispatcher, clock, lines } = await fuzzDispatcher());
	});

	it(`GIVEN ${FUZZ.runs} invocations of any registered command with hostile options THEN each gets a spec-valid answer or a clear private ❌, pings nobody and logs no unexpected failure`, async () => {
		const seen = new Set<string>();
		await fc.assert(
			fc.asyncProperty(
				anyInvocation(commands, false),
				fc.nat(3),
				fc.boolean(),
				fc.nat(19),
				async (invocation, user, organizer, dmChance) => {
					lines.length = 0;
					// Ten seconds between runs: members' cooldowns refill as in a real session, so limits are met but not always.
					clock.advance(10_000);
					seen.add(invocation.command);
					const responder = new ApiResponder();
					const outcome = await dispatcher.runCommand(
						baseFor(user, organizer, dmChance === 0),
						invocation.command,
						{ subcommand: invocation.subcommand, options: invocation.options },
						responder,
					);
					expectSafe(
						`/${invocation.command} ${invocation.subcommand ?? ''} ${JSON.stringify(invocation.options).slice(0, 1500)}`,
						responder,
						outcome,
						lines,
					);
				},
			),
			{ seed: FUZZ.seed, numRuns: FUZZ.runs, endOnFailure: true },
		);
		// The generator reached every command of the registry.
		if (FUZZ.runs >= 200) expect([...seen].sort()).toEqual(commands.map((c) => c.data.name).sort());
	}, 600_000);

	it(`GIVEN ${FUZZ.componentRuns} clicks and form submissions routed to every command's handlers with made-up ids and hostile text THEN each is answered safely`, async () => {
		await fc.assert(
			fc.asyncProperty(anyComponent(commands), fc.nat(3), fc.boolean(), async (input, user, organizer) => {
				lines.length = 0;
				clock.advance(10_000);
				const responder = new ApiResponder();
				const base = baseFor(user, organizer);
				const outcome =
					input.kind === 'component'
						? await dispatcher.runComponent(
								base,
								input.customId,
								input.values,
								{ id: '600000000000000001', ephemeral: true },
								responder,
							)
						: await dispatcher.runModal(
								base,
								input.customId,
								input.fields,
								{ id: '600000000000000001', ephemeral: true },
								responder,
							);
				expectSafe(
					`${input.kind} ${input.customId} ${JSON.stringify(input.values).slice(0, 300)}`,
					responder,
					outcome,
					lines,
				);
			}),
			{ seed: FUZZ.seed, numRuns: FUZZ.componentRuns, endOnFailure: true },
		);
	}, 600_000);
});
