import { ConfigError, loadConfig, secretsOf } from './config.js';
import { startDiscord } from './discord/start.js';
import { startLocal } from './local/start.js';
import { createLogger } from './logger.js';

/** Wiring only: config → logger → transport (Discord with a token, the local mode without). */
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
	const bot = config.DISCORD_TOKEN ? await startDiscord(config, log) : await startLocal(config, log);
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

main().catch((error: unknown) => {
	process.stderr.write(`Start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
	process.exit(1);
});
