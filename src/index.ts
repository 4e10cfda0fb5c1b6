import { ConfigError, loadConfig, secretsOf, type Config } from './config.js';
import { startShardManager } from './discord/shard-manager.js';
import { attachShardIpc } from './discord/shard-ipc.js';
import { startDiscord } from './discord/start.js';
import { startLocal } from './local/start.js';
import { createLogger, type Logger } from './logger.js';

/**
 * Wiring only: config → logger → transport. With a token: one process, or with SHARDS a manager that spawns one
 * process per shard (each runs this file again); without a token: the local mode.
 */
async function main(): Promise<void> {
	let config;
	try {
		config = loadConfig();
	} catch (error) {
		if (error instanceof ConfigError) {
			process.stderr.write(`${error.message}\n`);
			process.exit(1);
		}
		throw error;
	}
	const log = createLogger({
		level: config.LOG_LEVEL,
		pretty: Boolean(process.stdout.isTTY) && config.NODE_ENV !== 'production',
		secrets: secretsOf(config),
	});
	const bot = await start(config, log);
	let stopping = false;
	const stop = (signal: string) => {
		if (stopping) return;
		stopping = true;
		log.info({ signal }, 'shutting down');
		bot.stop().then(
			() => process.exit(0),
			(error: unknown) => {
				log.error({ err: error }, 'shutdown failed');
				process.exit(1);
			},
		);
	};
	process.once('SIGINT', () => stop('SIGINT'));
	process.once('SIGTERM', () => stop('SIGTERM'));
}

async function start(config: Config, log: Logger): Promise<{ stop(): Promise<void> }> {
	if (!config.DISCORD_TOKEN) return startLocal(config, log, { warmUp: true });
	if (config.SHARDING_MANAGER) {
		const shardLog = log.child({ shard: process.env.SHARDS });
		const bot = await startDiscord(config, shardLog, { healthServer: false, warmUp: true });
		attachShardIpc(bot);
		return bot;
	}
	if (config.SHARDS) return startShardManager(config, log);
	return startDiscord(config, log, { warmUp: true });
}

main().catch((error: unknown) => {
	process.stderr.write(`Start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
	process.exit(1);
});
