import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { deployCommands } from '../../src/discord/deploy.js';
import { guildIdsAcrossShards, shardOf, startEmulator, type DiscordEmulator } from '../emulator/index.js';
import { BotProcess } from '../helpers/bot-process.js';

const GUILDS = 4;

describe('sharded: SHARDS=auto with two shard processes on Redis', () => {
	let emulator: DiscordEmulator;
	let bot: BotProcess;
	let healthUrl: string;

	beforeAll(async () => {
		emulator = await startEmulator({
			token: 'shard-test-token',
			heartbeatIntervalMs: 1000,
			shards: 2,
			guilds: guildIdsAcrossShards(GUILDS).map((id, i) => ({
				id,
				name: `Study ${i}`,
				members: [{ username: 'ada' }, { username: `member${i}` }],
			})),
		});
		for (const guild of emulator.world.guilds.values()) {
			await deployCommands({ token: emulator.token, commands, guildId: guild.guild.id, apiBase: emulator.apiUrl });
		}
		bot = new BotProcess({
			DISCORD_TOKEN: emulator.token,
			DISCORD_API_BASE: emulator.apiUrl,
			SHARDS: 'auto',
			SHARD_SPAWN_DELAY_MS: '0',
			STORE_URL: 'redis://127.0.0.1:6379',
			STORE_NAMESPACE: `test-${randomUUID()}`,
			COMPUTE_THREADS: '1',
		});
		const line = await bot.waitForLog((l) => typeof l.url === 'string' && String(l.msg).startsWith('sharding'));
		healthUrl = String(line.url);
		await bot.waitForLog((l) => l.msg === 'connected to Discord' && l.shard === '1', 120_000);
		await bot.waitForLog((l) => l.msg === 'connected to Discord' && l.shard === '0', 120_000);
	}, 180_000);

	afterAll(async () => {
		await bot?.stop();
		await emulator?.stop();
	});

	it('GIVEN SHARDS=auto THEN the manager asked the API and started one process per shard', () => {
		const started = bot.logs().filter((l) => l.msg === 'shard process started');
		expect(started.map((l) => l.shard).sort()).toEqual([0, 1]);
		expect(started[0]).toMatchObject({ totalShards: 2 });
	});

	it('GIVEN guilds on both shards THEN a command in every guild is answered, by the shard that owns it', async () => {
		const guildIds = [...emulator.world.guilds.keys()];
		expect(new Set(guildIds.map((id) => shardOf(id, 2))).size).toBe(2);
		for (const guildId of guildIds) {
			const outcome = await emulator
				.dispatchInteraction({ type: 'command', name: 'about', guildId })
				.answered({ timeoutMs: 15_000 });
			expect(outcome.original?.message.embeds[0]?.title).toBe('About LLM Study Bot');
		}
		expect(emulator.violations).toEqual([]);
	});

	it('GIVEN both shards are up THEN the manager’s /healthz reports both, and /metrics sums their commands', async () => {
		const health = (await (await fetch(`${healthUrl}/healthz`)).json()) as {
			ok: boolean;
			shards: { gateway: { connected: boolean } }[];
		};
		expect(health.ok).toBe(true);
		expect(health.shards).toHaveLength(2);
		const metrics = await (await fetch(`${healthUrl}/metrics`)).text();
		expect(metrics).toMatch(
			new RegExp(`bot_interaction_duration_seconds_count\\{command="about",kind="command",outcome="ok"\\} ${GUILDS}`),
		);
	});
});

describe('sharded on SQLite', () => {
	it('GIVEN SHARDS=2 and the default SQLite store THEN start-up is refused with a message that says why', async () => {
		const emulator = await startEmulator({ token: 'sqlite-shards', shards: 2 });
		const bot = new BotProcess({
			DISCORD_TOKEN: emulator.token,
			DISCORD_API_BASE: emulator.apiUrl,
			SHARDS: '2',
			STORE_URL: 'sqlite://data/never.sqlite',
		});
		try {
			expect(await bot.exited()).toBe(1);
			expect(bot.output).toMatch(/SQLite file is owned by one process.*redis:\/\/.*postgres:\/\//s);
		} finally {
			await emulator.stop();
		}
	}, 60_000);
});
