import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('loadConfig', () => {
	it('GIVEN an empty environment THEN defaults give a working local mode', () => {
		const config = loadConfig({});
		expect(config).toMatchObject({
			STORE_URL: 'sqlite://data/bot.sqlite',
			LOG_LEVEL: 'info',
			PORT: 3000,
			HOST: '127.0.0.1',
		});
		expect(config.DISCORD_TOKEN).toBeUndefined();
	});

	it('GIVEN empty strings (as .env files leave them) THEN they count as unset', () => {
		expect(loadConfig({ DISCORD_TOKEN: '', DISCORD_GUILD_ID: '' }).DISCORD_TOKEN).toBeUndefined();
	});

	it('GIVEN several bad variables THEN one error lists every one of them', () => {
		let error: unknown;
		try {
			loadConfig({
				DISCORD_GUILD_ID: 'abc',
				PORT: '70000',
				LOG_LEVEL: 'loud',
				STORE_URL: 'mysql://x',
				DISCORD_API_BASE: 'not a url',
			});
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(ConfigError);
		const message = (error as Error).message;
		for (const name of ['DISCORD_GUILD_ID', 'PORT', 'LOG_LEVEL', 'STORE_URL', 'DISCORD_API_BASE'])
			expect(message).toContain(name);
	});

	it('GIVEN an emulator or proxy base URL THEN it is accepted', () => {
		expect(loadConfig({ DISCORD_API_BASE: 'http://127.0.0.1:8080/api' }).DISCORD_API_BASE).toBe(
			'http://127.0.0.1:8080/api',
		);
	});
});
