import { GatewayCloseCodes } from 'discord-api-types/v10';
import { DiscordAPIError, Events, HTTPError, type Client, type Interaction } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EmulatorRoutes, startEmulator, type DiscordEmulator, type InteractionOutcome } from './index.js';
import { loginClient, noIdentifyWait } from './test-client.js';

let emulator: DiscordEmulator;
let client: Client<true>;
const replyWithId = async (i: Interaction): Promise<void> => {
	if (i.isChatInputCommand()) await i.reply(`answer ${i.id}`);
};
let handler: (interaction: Interaction) => Promise<void> = replyWithId;

beforeAll(async () => {
	// A long heartbeat: in one busy process a late ACK makes discord.js resume a "zombie" connection on its own.
	emulator = await startEmulator({ heartbeatIntervalMs: 5_000 });
	client = await loginClient(emulator, { ws: noIdentifyWait });
	client.on(Events.InteractionCreate, (interaction) => void handler(interaction).catch(() => {}));
	await client.application.commands.set([{ name: 'ping', description: 'Check the bot answers' }]);
});

afterEach(() => {
	handler = replyWithId;
	emulator.faults.clear();
	expect(emulator.violations).toEqual([]);
	expect(emulator.unknownRoutes).toEqual([]);
});

afterAll(async () => {
	await client?.destroy();
	await emulator?.stop();
});

function callbackRequests(interactionId: string): number[] {
	return emulator.requests
		.filter((r) => r.route === EmulatorRoutes.interactionCallback && r.params.interaction_id === interactionId)
		.map((r) => r.status);
}

describe('REST faults', () => {
	it('GIVEN a 429 on the interaction callback THEN discord.js waits retry-after, retries, and the reply arrives', async () => {
		handler = replyWithId;
		emulator.faults.failNext({ route: EmulatorRoutes.interactionCallback, status: 429, retryAfterMs: 300 });
		const handle = emulator.dispatchInteraction({ type: 'command', name: 'ping' });
		const outcome = await handle.answered();
		expect(outcome.original?.message.content).toBe(`answer ${handle.id}`);
		expect(callbackRequests(handle.id)).toEqual([429, 204]);
		// discord.js waited at least Retry-After (plus its 50 ms offset) before retrying.
		expect(outcome.timings.firstCallbackMs).toBeGreaterThanOrEqual(300);
	});

	it('GIVEN a 429 whose retry-after outlasts the 3 s window THEN the retried callback is too late (10062)', async () => {
		emulator.options.responseWindowMs = 200;
		const errors: unknown[] = [];
		handler = async (i) => {
			if (i.isChatInputCommand()) await i.reply('late').catch((e: unknown) => errors.push(e));
		};
		try {
			emulator.faults.failNext({ route: EmulatorRoutes.interactionCallback, status: 429, retryAfterMs: 250 });
			const handle = emulator.dispatchInteraction({ type: 'command', name: 'ping' });
			await emulator.waitFor(() => errors.length === 1);
			expect(errors[0]).toBeInstanceOf(DiscordAPIError);
			expect((errors[0] as DiscordAPIError).code).toBe(10062);
			expect(callbackRequests(handle.id)).toEqual([429, 404]);
		} finally {
			emulator.options.responseWindowMs = 3000;
		}
	});

	it('GIVEN two 503s on editReply THEN discord.js retries at once and the edit lands; four 502s exhaust its 3 retries', async () => {
		handler = async (i) => {
			if (!i.isChatInputCommand()) return;
			await i.deferReply();
			await i.editReply('computed').catch(() => {});
		};
		emulator.faults.failNext({ route: EmulatorRoutes.editOriginal, status: 503, count: 2 });
		const ok = await emulator.dispatchInteraction({ type: 'command', name: 'ping' }).answered();
		expect(ok.original?.message.content).toBe('computed');

		const thrown: unknown[] = [];
		handler = async (i) => {
			if (!i.isChatInputCommand()) return;
			await i.deferReply();
			await i.editReply('computed').catch((e: unknown) => thrown.push(e));
		};
		emulator.faults.failNext({ route: EmulatorRoutes.editOriginal, status: 502, count: 4 });
		const failed = emulator.dispatchInteraction({ type: 'command', name: 'ping' });
		await emulator.waitFor(() => thrown.length === 1);
		expect(thrown[0]).toBeInstanceOf(HTTPError);
		expect(failed.outcome().originalEdits).toBe(0);
		expect(emulator.faults.fired.filter((f) => f.status === 502)).toHaveLength(4);
	});

	it('GIVEN a 500 after Discord already took the callback THEN the automatic retry meets 40060', async () => {
		const thrown: unknown[] = [];
		handler = async (i) => {
			if (i.isChatInputCommand()) await i.reply('once').catch((e: unknown) => thrown.push(e));
		};
		emulator.faults.failNext({ route: EmulatorRoutes.interactionCallback, status: 500, when: 'after' });
		const handle = emulator.dispatchInteraction({ type: 'command', name: 'ping' });
		await emulator.waitFor(() => thrown.length === 1);
		expect((thrown[0] as DiscordAPIError).code).toBe(40060);
		// The member still sees the reply: the first attempt was applied.
		expect(handle.outcome().original?.message.content).toBe('once');
		expect(callbackRequests(handle.id)).toEqual([500, 400]);
	});
});

describe('gateway faults', () => {
	async function burst(count: number, during: () => void): Promise<InteractionOutcome[]> {
		const handles = Array.from({ length: count }, (_, i) => {
			if (i === Math.floor(count / 2)) during();
			return emulator.dispatchInteraction({ type: 'command', name: 'ping' });
		});
		return Promise.all(handles.map((h) => h.answered({ quietMs: 20 })));
	}

	it('GIVEN a 4000 close in the middle of a burst THEN the client resumes on the resume URL and every interaction is answered', async () => {
		const before = emulator.gateway.session(0);
		const resumes = before?.resumes ?? 0;
		const outcomes = await burst(10, () => emulator.closeShard(0, GatewayCloseCodes.UnknownError));
		expect(outcomes.every((o) => o.original?.message.content === `answer ${o.id}`)).toBe(true);
		const after = emulator.gateway.session(0);
		expect(after?.id).toBe(before?.id);
		expect(after?.resumes).toBe(resumes + 1);
		expect(after?.connection?.url).toBe('/gateway/resume?v=10&encoding=json');
		// The ones sent after the close waited for the RESUME replay.
		expect(Math.max(...outcomes.map((o) => o.timings.deliveredMs ?? 0))).toBeGreaterThanOrEqual(400);
	});

	it('GIVEN op 7 RECONNECT THEN the client reconnects and resumes the same session', async () => {
		const before = emulator.gateway.session(0);
		const resumes = before?.resumes ?? 0;
		const outcomes = await burst(4, () => emulator.requestReconnect(0));
		await emulator.waitFor(() => before?.resumes === resumes + 1);
		expect(outcomes.every((o) => o.original !== null)).toBe(true);
		expect(emulator.gateway.session(0)?.id).toBe(before?.id);
		expect(before?.connection?.url).toBe('/gateway/resume?v=10&encoding=json');
	});

	it('GIVEN a dropped connection (no close frame, 1006) THEN the client resumes and a queued interaction is replayed', async () => {
		const session = emulator.gateway.session(0);
		const resumes = session?.resumes ?? 0;
		emulator.dropShard(0);
		const handle = emulator.dispatchInteraction({ type: 'command', name: 'ping' });
		const outcome = await handle.answered();
		expect(session?.resumes).toBe(resumes + 1);
		expect(outcome.original?.message.content).toBe(`answer ${handle.id}`);
		expect(outcome.timings.deliveredMs).toBeGreaterThanOrEqual(400);
	});

	it('GIVEN op 9 with d=true THEN the client sends RESUME on the same connection', async () => {
		const session = emulator.gateway.session(0);
		const connection = session?.connection;
		const resumes = session?.resumes ?? 0;
		emulator.invalidateSession(0, true);
		await emulator.waitFor(() => session?.resumes === resumes + 1);
		expect(session?.connection).toBe(connection);
		expect(connection?.received.at(-1)?.op).toBe(6);
		expect((await emulator.dispatchInteraction({ type: 'command', name: 'ping' }).answered()).original).not.toBeNull();
	});

	it('GIVEN op 9 with d=false THEN the client identifies a new session, and an interaction sent in between is lost', async () => {
		const old = emulator.gateway.session(0);
		emulator.invalidateSession(0, false);
		await emulator.waitFor(() => old?.invalid && old.connection === null);
		const between = emulator.dispatchInteraction({ type: 'command', name: 'ping' });
		const fresh = await emulator.waitFor(() => {
			const s = emulator.gateway.session(0);
			return s && s.id !== old?.id && s.connection ? s : undefined;
		});
		expect(fresh.connection?.received.some((p) => p.op === 2)).toBe(true);
		expect((await emulator.dispatchInteraction({ type: 'command', name: 'ping' }).answered()).original).not.toBeNull();
		expect(between.outcome()).toMatchObject({ lost: true, delivered: false, acknowledged: false });
	});

	it('GIVEN a non-resumable close (4009) THEN the RESUME attempt is refused with op 9 and the client identifies again', async () => {
		const old = emulator.gateway.session(0);
		emulator.closeShard(0, GatewayCloseCodes.SessionTimedOut);
		const fresh = await emulator.waitFor(() => {
			const s = emulator.gateway.session(0);
			return s && s.id !== old?.id && s.connection ? s : undefined;
		});
		const refused = emulator.gateway.connections.find(
			(c) =>
				c.received.some((p) => p.op === 6 && (p.d as { session_id: string }).session_id === old?.id) &&
				c !== old?.connection,
		);
		expect(refused).toBeDefined();
		expect((await emulator.dispatchInteraction({ type: 'command', name: 'ping' }).answered()).original).not.toBeNull();
		expect(fresh.resumes).toBe(0);
	});
});

describe('sharding', () => {
	it('GIVEN 2 shards and 8 guilds THEN each shard gets exactly its 4 guilds by (id >> 22) % 2', async () => {
		const base = Date.UTC(2024, 0, 1);
		// Consecutive milliseconds alternate between the two shards.
		const guilds = Array.from({ length: 8 }, (_, i) => ({
			id: ((BigInt(base + i) - 1_420_070_400_000n) << 22n).toString(),
			name: `Guild ${i}`,
		}));
		const sharded = await startEmulator({ heartbeatIntervalMs: 500, shards: 2, maxConcurrency: 2, guilds });
		const shardedClient = await loginClient(sharded, { shards: 'auto' });
		try {
			const byShard = [0, 1].map((shard) =>
				shardedClient.guilds.cache
					.filter((g) => g.shardId === shard)
					.map((g) => g.id)
					.sort(),
			);
			const expected = [0, 1].map((shard) =>
				guilds
					.filter((g) => Number((BigInt(g.id) >> 22n) % 2n) === shard)
					.map((g) => g.id)
					.sort(),
			);
			expect(byShard).toEqual(expected);
			expect(byShard.map((ids) => ids.length)).toEqual([4, 4]);
			const identifies = sharded.gateway.connections.map(
				(c) => (c.received.find((p) => p.op === 2)?.d as { shard: number[] }).shard,
			);
			expect(identifies.sort()).toEqual([
				[0, 2],
				[1, 2],
			]);
		} finally {
			await shardedClient.destroy();
			await sharded.stop();
		}
	});
});
