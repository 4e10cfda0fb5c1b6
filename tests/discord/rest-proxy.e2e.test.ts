import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRestProxy } from '../../src/discord/rest-proxy.js';
import type { DiscordBot } from '../../src/discord/start.js';
import { startEmulator, type DiscordEmulator } from '../emulator/index.js';
import { startBotOnEmulator } from '../helpers/discord-bot.js';

describe('DISCORD_API_BASE pointing at @discordjs/proxy', () => {
	let emulator: DiscordEmulator;
	let proxy: Awaited<ReturnType<typeof startRestProxy>>;
	let bot: DiscordBot;
	const proxied: string[] = [];

	beforeAll(async () => {
		emulator = await startEmulator({ heartbeatIntervalMs: 1000 });
		proxy = await startRestProxy({ host: '127.0.0.1', port: 0, upstream: emulator.apiUrl });
		proxy.server.on('request', (req) => proxied.push(`${req.method} ${req.url}`));
		bot = await startBotOnEmulator(emulator, { env: { DISCORD_API_BASE: proxy.url } });
	});
	afterAll(async () => {
		await bot?.stop();
		await proxy?.close();
		await emulator?.stop();
	});

	it('GIVEN the bot talks REST only through the proxy THEN a command is still answered, spec-valid', async () => {
		const before = emulator.requests.length;
		const outcome = await emulator.dispatchInteraction({ type: 'command', name: 'help' }).answered();
		expect(outcome.original?.message.embeds[0]?.title).toBe('LLM Study Bot');
		expect(emulator.requests.length).toBeGreaterThan(before);
		expect(proxied.some((r) => r.includes('/gateway/bot'))).toBe(true);
		expect(proxied.some((r) => r.startsWith('POST') && r.includes('/callback'))).toBe(true);
		expect(emulator.violations).toEqual([]);
	});
});
