import { REST } from '@discordjs/rest';
import { Routes, type APIMessage } from 'discord-api-types/v10';
import { Events, type Client, type Interaction } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EmulatorRoutes, startEmulator, type DiscordEmulator } from './index.js';
import { loginClient } from './test-client.js';

let emulator: DiscordEmulator;
let client: Client<true>;
let rest: REST;
let handler: (interaction: Interaction) => Promise<void> = async () => {};

beforeAll(async () => {
	emulator = await startEmulator({ heartbeatIntervalMs: 5_000, rateLimit: { limit: 2, windowMs: 300 } });
	client = await loginClient(emulator);
	client.on(Events.InteractionCreate, (interaction) => void handler(interaction).catch(() => {}));
	await client.application.commands.set([{ name: 'ping', description: 'Check the bot answers' }]);
	rest = new REST({ api: emulator.apiUrl }).setToken(emulator.token);
});

afterEach(() => {
	handler = async () => {};
	expect(emulator.violations).toEqual([]);
	expect(emulator.unknownRoutes).toEqual([]);
});

afterAll(async () => {
	rest?.clearHandlerSweeper();
	rest?.clearHashSweeper();
	await client?.destroy();
	await emulator?.stop();
});

describe('REST surface', () => {
	it('GIVEN /api/v9, /api/v10 and a wrong token THEN v9 and v10 answer and the bad token gets 401', async () => {
		const auth = { authorization: `Bot ${emulator.token}` };
		expect((await fetch(`${emulator.apiUrl}/v9/users/@me`, { headers: auth })).status).toBe(200);
		const me = await fetch(`${emulator.apiUrl}/v10/users/@me`, { headers: auth });
		expect(((await me.json()) as { id: string }).id).toBe(emulator.applicationId);
		expect(me.headers.get('x-ratelimit-limit')).toBe('2');
		expect(me.headers.get('x-ratelimit-bucket')).toMatch(/^[0-9a-f]{32}$/);
		const denied = await fetch(`${emulator.apiUrl}/v10/users/@me`, { headers: { authorization: 'Bot wrong' } });
		expect([denied.status, await denied.json()]).toEqual([401, { message: '401: Unauthorized', code: 0 }]);
	});

	it('GIVEN a bucket of 2 per 300 ms THEN @discordjs/rest reads X-RateLimit-* and waits instead of hitting 429', async () => {
		const channel = emulator.world.channelByName('study-lab');
		const started = Date.now();
		await Promise.all(
			Array.from({ length: 5 }, (_, i) =>
				rest.post(Routes.channelMessages(channel.id), { body: { content: `n${i}` } }),
			),
		);
		const sends = emulator.requests.filter((r) => r.route === EmulatorRoutes.createMessage);
		expect(sends.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
		// Five requests through a bucket of two per 300 ms need at least two waits.
		expect(Date.now() - started).toBeGreaterThanOrEqual(550);
		expect(emulator.channelMessages('study-lab').map((m) => m.message.content)).toEqual(['n0', 'n1', 'n2', 'n3', 'n4']);
	});

	it('GIVEN a global 429 THEN @discordjs/rest holds every request for Retry-After and then succeeds', async () => {
		const channel = emulator.world.channelByName('general');
		emulator.faults.failNext({ route: EmulatorRoutes.createMessage, status: 429, global: true, retryAfterMs: 200 });
		const started = Date.now();
		await rest.post(Routes.channelMessages(channel.id), { body: { content: 'after the global limit' } });
		expect(Date.now() - started).toBeGreaterThanOrEqual(200);
		const [limited, retried] = emulator.requests.filter((r) => r.route === EmulatorRoutes.createMessage).slice(-2);
		expect([limited?.status, limited?.fault, retried?.status]).toEqual([429, 429, 200]);
		expect(emulator.channelMessages('general').at(-1)?.message.content).toBe('after the global limit');
	});

	it('GIVEN guild routes THEN guild, member, channels, roles and an unknown member answer as Discord does', async () => {
		const guild = [...emulator.world.guilds.values()][0];
		const guildId = guild?.guild.id ?? '';
		const ada = emulator.world.userByName('ada');
		expect(((await rest.get(Routes.guild(guildId))) as { name: string }).name).toBe('LLM Study Group');
		expect(((await rest.get(Routes.guildMember(guildId, ada.id))) as { roles: string[] }).roles).toHaveLength(2);
		expect((await rest.get(Routes.guildChannels(guildId))) as unknown[]).toHaveLength(5);
		expect((await rest.get(Routes.guildRoles(guildId))) as unknown[]).toHaveLength(4);
		await expect(rest.get(Routes.guildMember(guildId, '1279591553433739999'))).rejects.toMatchObject({
			code: 10007,
			status: 404,
		});
	});

	it('GIVEN a callback with with_response=true THEN the callback response carries the message', async () => {
		const handle = emulator.dispatchInteraction({ type: 'command', name: 'ping' });
		const response = (await rest.post(Routes.interactionCallback(handle.id, handle.token), {
			body: { type: 4, data: { content: 'hi' } },
			query: new URLSearchParams({ with_response: 'true' }),
			auth: false,
		})) as {
			interaction: { id: string; response_message_id: string };
			resource: { type: number; message: APIMessage };
		};
		expect(response.interaction.id).toBe(handle.id);
		expect(response.resource.message.content).toBe('hi');
		expect(response.interaction.response_message_id).toBe(response.resource.message.id);
	});

	it('GIVEN a follow-up before any callback, and an edit after the token expired THEN 10015 and 50027', async () => {
		const handle = emulator.dispatchInteraction({ type: 'command', name: 'ping' });
		await expect(
			rest.post(Routes.webhook(emulator.applicationId, handle.token), { body: { content: 'early' }, auth: false }),
		).rejects.toMatchObject({ code: 10015 });
		await rest.post(Routes.interactionCallback(handle.id, handle.token), { body: { type: 5 }, auth: false });
		emulator.options.tokenLifetimeMs = 0;
		try {
			await new Promise((resolve) => setTimeout(resolve, 5));
			await expect(
				rest.patch(Routes.webhookMessage(emulator.applicationId, handle.token), {
					body: { content: 'late' },
					auth: false,
				}),
			).rejects.toMatchObject({ code: 50027, status: 401 });
		} finally {
			emulator.options.tokenLifetimeMs = 15 * 60_000;
		}
		expect(handle.outcome().errors.map((e) => e.code)).toEqual([10015, 50027]);
	});

	it('GIVEN a delayed callback THEN the delay counts against the 3 s window', async () => {
		emulator.options.responseWindowMs = 100;
		try {
			emulator.faults.delayNext({ route: EmulatorRoutes.interactionCallback, delayMs: 150 });
			const handle = emulator.dispatchInteraction({ type: 'command', name: 'ping' });
			await expect(
				rest.post(Routes.interactionCallback(handle.id, handle.token), {
					body: { type: 4, data: { content: 'slow' } },
					auth: false,
				}),
			).rejects.toMatchObject({ code: 10062 });
			expect(emulator.faults.fired.at(-1)).toMatchObject({ kind: 'delay', delayMs: 150 });
		} finally {
			emulator.options.responseWindowMs = 3000;
		}
	});

	it('GIVEN allowed_mentions with no parse THEN a mentioned member is shown but not pinged', async () => {
		const channel = emulator.world.channelByName('general');
		const ada = emulator.world.userByName('ada');
		await rest.post(Routes.channelMessages(channel.id), {
			body: { content: `<@${ada.id}> quiz time`, allowed_mentions: { parse: [] } },
		});
		await rest.post(Routes.channelMessages(channel.id), {
			body: { content: `<@${ada.id}> your turn`, allowed_mentions: { parse: [], users: [ada.id] } },
		});
		expect(
			emulator
				.channelMessages('general')
				.slice(-2)
				.map((m) => m.pinged.users),
		).toEqual([[], [ada.id]]);
	});
});
