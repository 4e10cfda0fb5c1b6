import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { koCommands } from '../../src/i18n/ko/commands.js';
import { fromRoot } from '../../src/paths.js';
import { startEmulator, type DiscordEmulator } from '../emulator/index.js';

const run = promisify(execFile);

describe('npm run deploy-commands (src/discord/deploy-commands.ts)', () => {
	let emulator: DiscordEmulator;
	beforeAll(async () => {
		emulator = await startEmulator();
	});
	afterAll(() => emulator?.stop());

	const deploy = (env: Record<string, string>) =>
		run(process.execPath, ['--import', 'tsx', fromRoot('src/discord/deploy-commands.ts')], {
			cwd: fromRoot(),
			env: { ...process.env, DISCORD_TOKEN: emulator.token, DISCORD_API_BASE: emulator.apiUrl, ...env },
		});

	it('GIVEN DISCORD_GUILD_ID THEN every command is registered for that guild, with spec-valid bodies and their Korean localisations', async () => {
		const guildId = [...emulator.world.guilds.keys()][0]!;
		const { stdout } = await deploy({ DISCORD_GUILD_ID: guildId });
		expect(stdout).toContain(`Registered ${commands.length} commands (guild ${guildId}).`);
		const registered = emulator.commands(guildId);
		expect(registered.map((c) => c.name).sort()).toEqual(commands.map((c) => c.data.name).sort());
		expect(registered.filter((c) => !c.name_localizations?.ko || !c.description_localizations?.ko)).toEqual([]);
		const tokenize = registered.find((c) => c.name === 'tokenize')!;
		expect(tokenize.name_localizations).toEqual({ ko: koCommands.tokenize!.name });
		expect(emulator.violations).toEqual([]);
	});

	it('GIVEN the organizer commands THEN they are registered with Manage Server as default_member_permissions (hidden from members), the others without', async () => {
		const guildId = [...emulator.world.guilds.keys()][0]!;
		await deploy({ DISCORD_GUILD_ID: guildId });
		const registered = new Map(
			emulator
				.commands(guildId)
				.map((c) => [c.name, c.default_member_permissions && String(c.default_member_permissions)]),
		);
		// Manage Server is bit 5 of Discord's permissions: 1 << 5 = 32.
		expect([...registered].filter(([, p]) => p !== null).sort()).toEqual([
			['report', '32'],
			['schedule', '32'],
			['settings', '32'],
		]);
		expect(emulator.violations).toEqual([]);
	});

	it('GIVEN no guild THEN the commands are registered globally', async () => {
		const { stdout } = await deploy({ DISCORD_GUILD_ID: '' });
		expect(stdout).toContain(`Registered ${commands.length} commands (global).`);
		expect(emulator.commands().length).toBe(commands.length);
	});

	it('GIVEN no token THEN it says what is missing and exits with an error', async () => {
		await expect(deploy({ DISCORD_TOKEN: '' })).rejects.toMatchObject({
			code: 1,
			stderr: expect.stringContaining('DISCORD_TOKEN is required'),
		});
	});
});
