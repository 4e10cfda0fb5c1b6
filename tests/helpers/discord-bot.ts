import { loadConfig } from '../../src/config.js';
import type { AnyCommand } from '../../src/core/command.js';
import { deployCommands } from '../../src/discord/deploy.js';
import { startDiscord, type DiscordBot, type DiscordStartOptions } from '../../src/discord/start.js';
import { createLogger } from '../../src/logger.js';
import { commands as allCommands } from '../../commands/index.js';
import type { DiscordEmulator } from '../emulator/index.js';
import { noIdentifyWait } from '../emulator/test-client.js';
import { createInlineCompute } from '../../src/compute/inline.js';
import { memoryStore } from './deps.js';

export interface BotOnEmulatorOptions extends DiscordStartOptions {
	commands?: readonly AnyCommand[];
	/** Extra environment (e.g. STORE_URL). */
	env?: Record<string, string>;
}

/**
 * Starts the real bot (src/discord/start.ts, the real discord.js Client) against the emulator: registers the
 * commands for every emulated guild through deploy-commands' code, logs in, and waits for READY.
 * Defaults suit unit-speed tests: an in-memory SQLite store and inline compute, unless given.
 */
export async function startBotOnEmulator(
	emulator: DiscordEmulator,
	options: BotOnEmulatorOptions = {},
): Promise<DiscordBot> {
	const { env, ...start } = options;
	const config = loadConfig({
		NODE_ENV: 'test',
		DISCORD_TOKEN: emulator.token,
		DISCORD_API_BASE: emulator.apiUrl,
		LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
		// A free port for /healthz and /metrics, so test files never collide.
		PORT: '0',
		...env,
	});
	const log = createLogger({ level: config.LOG_LEVEL, pretty: false });
	const commands = options.commands ?? allCommands;
	for (const guild of emulator.world.guilds.values()) {
		await deployCommands({ token: emulator.token, commands, guildId: guild.guild.id, apiBase: emulator.apiUrl });
	}
	const bot = await startDiscord(config, log, {
		store: options.store ?? (env?.STORE_URL ? undefined : await memoryStore()),
		compute: options.compute ?? createInlineCompute(),
		...start,
		commands,
		client: { ws: noIdentifyWait, ...start.client },
	});
	await bot.ready;
	return bot;
}
