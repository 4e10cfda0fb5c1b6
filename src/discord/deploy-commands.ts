import { commands } from '../../commands/index.js';
import { ConfigError, loadConfig } from '../config.js';
import { deployCommands } from './deploy.js';

/** `npm run deploy-commands`: registers the commands for DISCORD_GUILD_ID, or globally when it is unset. */
async function main(): Promise<void> {
	const config = loadConfig();
	if (!config.DISCORD_TOKEN) throw new ConfigError('DISCORD_TOKEN is required to register commands (see README).');
	const { scope, count } = await deployCommands({
		token: config.DISCORD_TOKEN,
		commands,
		guildId: config.DISCORD_GUILD_ID,
		applicationId: config.DISCORD_APPLICATION_ID,
		apiBase: config.DISCORD_API_BASE,
	});
	process.stdout.write(`Registered ${count} commands (${scope}).\n`);
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
	process.exitCode = 1;
});
