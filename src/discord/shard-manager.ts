import { REST } from '@discordjs/rest';
import { Routes, type RESTGetAPIGatewayBotResult } from 'discord-api-types/v10';
import { ShardingManager } from 'discord.js';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AggregatorRegistry, type MetricObjectWithValues, type MetricValue } from 'prom-client';
import { ConfigError, type Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { HealthReport } from './health.js';
import { storeKindOf } from '../storage/store.js';

/** What each shard process exposes to the manager over IPC (see `attachShardIpc`). */
export interface ShardIpc {
	health(): Promise<HealthReport>;
	metrics(): Promise<MetricObjectWithValues<MetricValue<string>>[]>;
}

/** Discord's recommended shard count, asked through DISCORD_API_BASE when set (a proxy or the emulator). */
export async function recommendedShardCount(config: Config): Promise<number> {
	const rest = new REST(config.DISCORD_API_BASE ? { api: config.DISCORD_API_BASE } : {}).setToken(
		config.DISCORD_TOKEN ?? '',
	);
	const gateway = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
	return Math.max(1, gateway.shards);
}

/** Refuses a shared SQLite file: one SQLite file belongs to one process. */
export function checkShardedStore(config: Config, shards: number): void {
	if (shards > 1 && storeKindOf(config.STORE_URL) === 'sqlite') {
		throw new ConfigError(
			`SHARDS gives ${shards} shard processes, but STORE_URL is SQLite: a SQLite file is owned by one process, and shard processes must share members' progress and schedules. Set STORE_URL to redis://… or postgres://….`,
		);
	}
}

export interface ShardManagerHandle {
	manager: ShardingManager;
	totalShards: number;
	healthUrl: string;
	stop(): Promise<void>;
}

/**
 * Runs the bot sharded with discord.js's ShardingManager: one process per shard, all sharing the store (Redis or
 * PostgreSQL) and, through DISCORD_API_BASE, a REST proxy. The manager serves /healthz and /metrics for all shards.
 */
export async function startShardManager(config: Config, log: Logger): Promise<ShardManagerHandle> {
	if (!config.DISCORD_TOKEN || !config.SHARDS) throw new Error('startShardManager needs DISCORD_TOKEN and SHARDS');
	const totalShards = config.SHARDS === 'auto' ? await recommendedShardCount(config) : config.SHARDS;
	checkShardedStore(config, totalShards);
	const isTypeScript = import.meta.url.endsWith('.ts');
	const entry = new URL(`../index.${isTypeScript ? 'ts' : 'js'}`, import.meta.url).pathname;
	const manager = new ShardingManager(entry, {
		token: config.DISCORD_TOKEN,
		totalShards,
		mode: 'process',
		respawn: true,
		execArgv: isTypeScript ? ['--import', 'tsx'] : [],
	});
	manager.on('shardCreate', (shard) => {
		log.info({ shard: shard.id, totalShards }, 'shard process started');
		shard.on('death', () => log.warn({ shard: shard.id }, 'shard process died; respawning'));
	});
	const health = await serveManagerHealth(manager, config);
	log.info({ totalShards, url: health.url }, 'sharding: health and metrics of all shards at /healthz and /metrics');
	await manager.spawn({ amount: totalShards, delay: config.SHARD_SPAWN_DELAY_MS, timeout: 120_000 });
	return {
		manager,
		totalShards,
		healthUrl: health.url,
		stop: async () => {
			await health.close();
			for (const shard of manager.shards.values()) shard.kill();
		},
	};
}

async function serveManagerHealth(
	manager: ShardingManager,
	config: Config,
): Promise<{ url: string; close(): Promise<void> }> {
	// broadcastEval sends the function's source to each shard process, where it runs with that process's client.
	const healthOfShards = () =>
		manager.broadcastEval((client) => (client as unknown as { botIpc?: ShardIpc }).botIpc?.health() ?? null) as Promise<
			(HealthReport | null)[]
		>;
	const metricsOfShards = () =>
		manager.broadcastEval(
			(client) => (client as unknown as { botIpc?: ShardIpc }).botIpc?.metrics() ?? null,
		) as Promise<(MetricObjectWithValues<MetricValue<string>>[] | null)[]>;
	const server: Server = createServer((req, res) => {
		const path = (req.url ?? '/').split('?')[0];
		if (req.method === 'GET' && path === '/healthz') {
			healthOfShards()
				.then((reports) => {
					const ok = reports.length === manager.totalShards && reports.every((r) => r?.ok);
					res
						.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' })
						.end(JSON.stringify({ ok, shards: reports }));
				})
				.catch((error: unknown) => {
					res
						.writeHead(503, { 'content-type': 'application/json' })
						.end(JSON.stringify({ ok: false, error: String(error) }));
				});
		} else if (req.method === 'GET' && path === '/metrics') {
			metricsOfShards()
				.then(async (perShard) => {
					const registry = AggregatorRegistry.aggregate(
						perShard.filter((m): m is MetricObjectWithValues<MetricValue<string>>[] => m !== null),
					);
					res.writeHead(200, { 'content-type': registry.contentType }).end(await registry.metrics());
				})
				.catch((error: unknown) =>
					res.writeHead(503, { 'content-type': 'text/plain' }).end(`shards not ready: ${String(error)}\n`),
				);
		} else {
			res.writeHead(404, { 'content-type': 'text/plain' }).end('not found: try /healthz or /metrics\n');
		}
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(config.PORT, config.HOST, () => resolve());
	});
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://${config.HOST}:${port}`,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
