import { Writable } from 'node:stream';
import { commands } from '../../commands/index.js';
import { createInlineCompute } from '../../src/compute/inline.js';
import { loadConfig } from '../../src/config.js';
import { deployCommands } from '../../src/discord/deploy.js';
import { startDiscord, type DiscordBot } from '../../src/discord/start.js';
import { createLogger } from '../../src/logger.js';
import type { DiscordEmulator } from '../emulator/index.js';
import { noIdentifyWait } from '../emulator/test-client.js';
import { memoryStore, testCurriculum } from '../helpers/deps.js';

/**
 * Like tests/helpers/discord-bot.ts, but every log line (at trace level, through the bot's own logger with its
 * secret scrubbing) is kept, so a test can check what the bot wrote to its logs.
 */
export async function startLoggedBot(
	emulator: DiscordEmulator,
	env: Record<string, string>,
): Promise<{ bot: DiscordBot; logs: string[] }> {
	const logs: string[] = [];
	const destination = new Writable({
		write(chunk: Buffer, _encoding, done) {
			logs.push(chunk.toString('utf8'));
			done();
		},
	});
	const config = loadConfig({
		NODE_ENV: 'test',
		DISCORD_TOKEN: emulator.token,
		DISCORD_API_BASE: emulator.apiUrl,
		...env,
	});
	const log = createLogger({ level: 'trace', pretty: false, destination });
	for (const guildId of emulator.world.guilds.keys()) {
		await deployCommands({ token: emulator.token, commands, guildId, apiBase: emulator.apiUrl });
	}
	const bot = await startDiscord(config, log, {
		store: await memoryStore(),
		compute: createInlineCompute(),
		curriculum: await testCurriculum(),
		commands,
		client: { ws: noIdentifyWait },
	});
	await bot.ready;
	return { bot, logs };
}
