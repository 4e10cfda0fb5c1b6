import { PermissionFlagsBits } from 'discord-api-types/v10';
import { pino, type Logger } from 'pino';
import { expect } from 'vitest';
import { commands } from '../../commands/index.js';
import { loadConfig } from '../../src/config.js';
import type { Deps } from '../../src/core/deps.js';
import { Dispatcher } from '../../src/core/dispatch.js';
import type { InteractionBase } from '../../src/core/interaction.js';
import { isUserError } from '../../src/core/errors.js';
import { createRegistry } from '../../src/core/registry.js';
import type { RespondOutcome } from '../../src/core/respond.js';
import { ManualClock, memoryStore, RecordingPoster, testCurriculum, testDeps } from '../helpers/deps.js';
import { ApiResponder, pingedBy } from './api-responder.js';

/** The seed and sizes of a fuzz run; FUZZ_SEED, FUZZ_RUNS and FUZZ_EMULATOR_RUNS change them (e.g. a long run overnight). */
export const FUZZ = {
	seed: Number(process.env.FUZZ_SEED ?? 20261123),
	runs: Number(process.env.FUZZ_RUNS ?? 250),
	componentRuns: Number(process.env.FUZZ_COMPONENT_RUNS ?? process.env.FUZZ_RUNS ?? 150),
	emulatorRuns: Number(process.env.FUZZ_EMULATOR_RUNS ?? 40),
};

export const GUILD = '200000000000000001';
export const CHANNEL = '300000000000000001';
export const USERS = ['100000000000000001', '100000000000000002', '100000000000000003', '100000000000000004'];

/** Log lines kept in memory, to check that nothing was logged as an unexpected failure. */
export function memoryLogger(): { log: Logger; lines: Record<string, unknown>[] } {
	const lines: Record<string, unknown>[] = [];
	const log = pino(
		{ level: 'info' },
		{ write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
	);
	return { log, lines };
}

/** The registry's commands behind the real dispatcher, over an in-memory SQLite store, inline compute and a manual clock. */
export async function fuzzDispatcher(): Promise<{
	dispatcher: Dispatcher;
	deps: Deps;
	clock: ManualClock;
	lines: Record<string, unknown>[];
}> {
	const clock = new ManualClock(new Date('2026-03-04T12:10:00Z'));
	const deps = testDeps({
		store: await memoryStore(),
		clock,
		config: loadConfig({ NODE_ENV: 'test' }),
		poster: new RecordingPoster(),
		curriculum: await testCurriculum(),
	});
	const { log, lines } = memoryLogger();
	return { dispatcher: new Dispatcher({ registry: createRegistry(commands), deps, log }), deps, clock, lines };
}

let nextId = 1;
/** An interaction from one of four members, an organizer or not, in the study group's guild (or a DM). */
export function baseFor(user: number, organizer: boolean, dm = false): InteractionBase {
	const id = USERS[user % USERS.length]!;
	return {
		interactionId: String(1_300_000_000_000_000_000n + BigInt(nextId++)),
		user: {
			id,
			name: `member ${user}`,
			roles: [],
			permissions: organizer ? PermissionFlagsBits.ManageGuild | PermissionFlagsBits.ManageEvents : 0n,
		},
		guildId: dm ? null : GUILD,
		channelId: CHANNEL,
		locale: 'en-US',
		createdAt: Date.now(),
	};
}

/**
 * What every fuzzed interaction must show: one acknowledgement, every request valid against Discord's spec, nobody
 * notified, and either a real answer or a clear private ❌ message (an expected failure, never the reference-id
 * apology); nothing logged as an unexpected failure.
 */
export function expectSafe(
	what: string,
	responder: ApiResponder,
	outcome: RespondOutcome,
	lines: Record<string, unknown>[],
): void {
	const context = `${what}\n${JSON.stringify(responder.calls.map((c) => ({ route: `${c.method} ${c.path}`, errors: c.errors })))}`;
	const invalid = responder.calls.filter((c) => c.errors.length > 0);
	expect(
		invalid.map((c) => `${c.method} ${c.path}: ${c.errors.join('; ')}`),
		context,
	).toEqual([]);
	const callbacks = responder.calls.filter((c) => c.path.endsWith('/callback'));
	expect(callbacks, context).toHaveLength(1);
	for (const call of responder.calls) {
		if (call.body && typeof call.body === 'object') {
			const body = (call.path.endsWith('/callback') ? (call.body as { data?: unknown }).data : call.body) as
				Record<string, unknown> | undefined;
			if (body) expect(pingedBy(body), context).toEqual({ users: [], roles: [], everyone: false });
		}
	}
	const modal = callbacks[0] && (callbacks[0].body as { type: number }).type === 9;
	if (!outcome.ok) {
		expect(
			isUserError(outcome.error),
			`${context}\nunexpected error: ${String((outcome.error as Error)?.stack ?? outcome.error)}`,
		).toBe(true);
		const last = responder.visible().at(-1);
		expect(last?.ephemeral, context).toBe(true);
		expect(String(last?.body.content), context).toMatch(/^❌ \S/);
	} else if (!modal) {
		expect(responder.visible().length, context).toBeGreaterThan(0);
	}
	const bad = lines.filter((l) => (typeof l.level === 'number' && l.level >= 50) || l.msg === 'handler failed');
	expect(
		bad.map((l) => `${String(l.msg)}: ${JSON.stringify(l.err ?? '')}`.slice(0, 800)),
		context,
	).toEqual([]);
}
