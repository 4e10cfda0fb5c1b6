import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordBot } from '../../src/discord/start.js';
import { openStore } from '../../src/storage/store.js';
import { startEmulator, type DiscordEmulator } from '../emulator/index.js';
import { startBotOnEmulator } from '../helpers/discord-bot.js';

describe('/healthz and /metrics on Discord', () => {
	let emulator: DiscordEmulator;
	let bot: DiscordBot;
	beforeAll(async () => {
		emulator = await startEmulator({ heartbeatIntervalMs: 1000 });
		bot = await startBotOnEmulator(emulator);
	});
	afterAll(async () => {
		await bot?.stop();
		await emulator?.stop();
	});

	it('GIVEN the bot is connected and the store answers THEN /healthz is 200 with the gateway Ready', async () => {
		const response = await fetch(`${bot.healthUrl}/healthz`);
		expect(response.status).toBe(200);
		expect(await response.json()).toMatchObject({
			ok: true,
			mode: 'discord',
			gateway: { connected: true, detail: 'Ready' },
			store: { ok: true },
		});
	});

	it('GIVEN /help was answered and one command failed THEN /metrics counts them by command and outcome', async () => {
		await emulator.dispatchInteraction({ type: 'command', name: 'help' }).answered();
		await emulator.dispatchInteraction({ type: 'command', name: 'help', options: { command: 'nope' } }).answered();
		const text = await (await fetch(`${bot.healthUrl}/metrics`)).text();
		expect(text).toMatch(/bot_interaction_duration_seconds_count\{command="help",kind="command",outcome="ok"\} 1/);
		expect(text).toMatch(/bot_interaction_errors_total\{kind="user-error",code="help.unknown"\} 1/);
		expect(text).toContain('bot_event_loop_delay_p99_seconds');
		expect(text).toContain('bot_compute_queue_depth');
	});
});

describe('/healthz when the store is down', () => {
	it('GIVEN an unreachable Redis THEN /healthz answers 503 and names the store', async () => {
		const emulator = await startEmulator({ heartbeatIntervalMs: 1000 });
		const store = await openStore('redis://127.0.0.1:1', { timeoutMs: 500 });
		const bot = await startBotOnEmulator(emulator, { store });
		try {
			const response = await fetch(`${bot.healthUrl}/healthz`);
			expect(response.status).toBe(503);
			expect(await response.json()).toMatchObject({ ok: false, store: { kind: 'redis', ok: false } });
		} finally {
			await bot.stop();
			await emulator.stop();
		}
	});
});
