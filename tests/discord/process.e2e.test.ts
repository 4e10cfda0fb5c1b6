import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { deployCommands } from '../../src/discord/deploy.js';
import { fromRoot } from '../../src/paths.js';
import { startEmulator, type DiscordEmulator } from '../emulator/index.js';

describe('the bot process (src/index.ts) with DISCORD_TOKEN and DISCORD_API_BASE', () => {
	let emulator: DiscordEmulator;
	let child: ChildProcess;
	let output = '';

	beforeAll(async () => {
		emulator = await startEmulator({ token: 'x', heartbeatIntervalMs: 1000 });
		const guildId = [...emulator.world.guilds.keys()][0]!;
		await deployCommands({ token: 'x', commands, guildId, apiBase: emulator.apiUrl });
		const dir = mkdtempSync(path.join(os.tmpdir(), 'bot-process-'));
		child = spawn(process.execPath, ['--import', 'tsx', fromRoot('src/index.ts')], {
			cwd: fromRoot(),
			env: {
				...process.env,
				DISCORD_TOKEN: 'x',
				DISCORD_API_BASE: emulator.apiUrl,
				STORE_URL: `sqlite://${path.join(dir, 'bot.sqlite')}`,
				NODE_ENV: 'production',
				LOG_LEVEL: 'info',
				PORT: '0',
			},
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		child.stdout!.on('data', (chunk) => (output += String(chunk)));
		child.stderr!.on('data', (chunk) => (output += String(chunk)));
		const deadline = Date.now() + 30_000;
		while (!output.includes('connected to Discord')) {
			if (Date.now() > deadline || child.exitCode !== null) throw new Error(`bot did not connect:\n${output}`);
			await new Promise((r) => setTimeout(r, 100));
		}
	}, 40_000);

	afterAll(async () => {
		if (child && child.exitCode === null) {
			child.kill('SIGTERM');
			await new Promise((r) => child.once('exit', r));
		}
		await emulator?.stop();
	});

	it('GIVEN the process logged in THEN /help is answered with a spec-valid reply', async () => {
		const outcome = await emulator.dispatchInteraction({ type: 'command', name: 'help' }).answered();
		expect(outcome.original?.message.embeds[0]?.title).toBe('LLM Study Bot');
		expect(emulator.violations).toEqual([]);
	});

	it('GIVEN the process logs JSON in production THEN the token never appears in its output', () => {
		expect(output).toContain('"msg":"connected to Discord"');
		expect(output).not.toMatch(/"x"/);
	});

	it('GIVEN SIGTERM THEN it shuts down cleanly', async () => {
		child.kill('SIGTERM');
		const code = await new Promise((r) => child.once('exit', r));
		expect(code).toBe(0);
	});
});
