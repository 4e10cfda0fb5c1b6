import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { deployCommands } from '../../src/discord/deploy.js';
import { startEmulator, type DiscordEmulator } from '../emulator/index.js';
import { BotProcess } from '../helpers/bot-process.js';

describe('the bot process (src/index.ts) with DISCORD_TOKEN=x and DISCORD_API_BASE', () => {
	let emulator: DiscordEmulator;
	let bot: BotProcess;

	beforeAll(async () => {
		emulator = await startEmulator({ token: 'x', heartbeatIntervalMs: 1000 });
		const guildId = [...emulator.world.guilds.keys()][0]!;
		await deployCommands({ token: 'x', commands, guildId, apiBase: emulator.apiUrl });
		const dir = mkdtempSync(path.join(os.tmpdir(), 'bot-process-'));
		bot = new BotProcess({
			DISCORD_TOKEN: 'x',
			DISCORD_API_BASE: emulator.apiUrl,
			STORE_URL: `sqlite://${path.join(dir, 'bot.sqlite')}`,
		});
		await bot.waitForLog((l) => l.msg === 'connected to Discord');
	}, 60_000);

	afterAll(async () => {
		await bot?.stop();
		await emulator?.stop();
	});

	it('GIVEN the process logged in THEN /help is answered with a spec-valid reply', async () => {
		const outcome = await emulator.dispatchInteraction({ type: 'command', name: 'help' }).answered();
		expect(outcome.original?.message.embeds[0]?.title).toBe('LLM Study Bot');
		expect(emulator.violations).toEqual([]);
	});

	it('GIVEN the process logs JSON in production THEN the token never appears in its output', () => {
		expect(bot.logs().length).toBeGreaterThan(0);
		expect(bot.output).not.toMatch(/"x"/);
	});

	it('GIVEN SIGTERM THEN it shuts down cleanly', async () => {
		bot.child.kill('SIGTERM');
		expect(await bot.exited()).toBe(0);
	});
});
