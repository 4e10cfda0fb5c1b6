import { commands } from '../../../commands/index.js';
import { deployCommands } from '../../../src/discord/deploy.js';
import { DEFAULT_GUILD_SEED, startEmulator, type DiscordEmulator, type EmulatorOptions } from '../../emulator/index.js';
import { BotProcess } from '../../helpers/bot-process.js';

/** `m01` … `mNN`, members with the Member role, added to the default study-group guild. */
export function memberNames(count: number): string[] {
	return Array.from({ length: count }, (_, i) => `m${String(i + 1).padStart(2, '0')}`);
}

/** An emulator whose guild has `members` extra members (see {@link memberNames}), with the bot's commands registered. */
export async function emulatorWithMembers(members: number, options: EmulatorOptions = {}): Promise<DiscordEmulator> {
	const emulator = await startEmulator({
		token: 'x',
		heartbeatIntervalMs: 1000,
		guilds: [
			{
				...DEFAULT_GUILD_SEED,
				members: [
					...(DEFAULT_GUILD_SEED.members ?? []),
					...memberNames(members).map((username) => ({ username, roles: ['Member'] })),
				],
			},
		],
		...options,
	});
	for (const guild of emulator.world.guilds.values()) {
		await deployCommands({ token: emulator.token, commands, guildId: guild.guild.id, apiBase: emulator.apiUrl });
	}
	return emulator;
}

/** The bot as a real process on the emulator, connected, with where its /healthz and /metrics are served. */
export interface RunningBot {
	process: BotProcess;
	healthUrl: string;
}

/**
 * Spawns `src/index.ts` (tsx) against the emulator with `env` (STORE_URL, STORE_NAMESPACE…) and waits until it is
 * connected and serving /healthz.
 */
export async function spawnBot(
	emulator: DiscordEmulator,
	env: Record<string, string>,
	timeoutMs = 90_000,
): Promise<RunningBot> {
	const bot = new BotProcess({ DISCORD_TOKEN: emulator.token, DISCORD_API_BASE: emulator.apiUrl, ...env });
	const health = await bot.waitForLog(
		(l) => typeof l.url === 'string' && String(l.msg).startsWith('health and metrics'),
		timeoutMs,
	);
	await bot.waitForLog((l) => l.msg === 'connected to Discord', timeoutMs);
	return { process: bot, healthUrl: String(health.url) };
}

/** Log lines at error level or above (pino: 50 error, 60 fatal). */
export function errorLines(bot: BotProcess): Record<string, unknown>[] {
	return bot.logs().filter((l) => typeof l.level === 'number' && l.level >= 50);
}

/** GET /healthz: the status code and the report. */
export async function health(
	url: string,
): Promise<{ status: number; body: { ok: boolean; store: { ok: boolean; error?: string } } }> {
	const response = await fetch(`${url}/healthz`);
	return { status: response.status, body: (await response.json()) as never };
}
