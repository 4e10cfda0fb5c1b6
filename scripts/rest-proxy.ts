import { loadConfig } from '../src/config.js';
import { startRestProxy } from '../src/discord/rest-proxy.js';

/**
 * `npm run rest-proxy`: a REST proxy for sharded deployments. Start it once, then give every bot process
 * DISCORD_API_BASE=http://<host>:<REST_PROXY_PORT>/api.
 */
async function main(): Promise<void> {
	const config = loadConfig();
	const proxy = await startRestProxy({
		host: config.HOST,
		port: config.REST_PROXY_PORT,
		upstream: config.DISCORD_API_BASE,
	});
	process.stdout.write(`REST proxy on ${proxy.url} → ${config.DISCORD_API_BASE ?? 'https://discord.com/api'}\n`);
	const stop = () => void proxy.close().then(() => process.exit(0));
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
	process.exitCode = 1;
});
