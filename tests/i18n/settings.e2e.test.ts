import { Locale } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordBot } from '../../src/discord/start.js';
import { startEmulator, type DiscordEmulator } from '../emulator/index.js';
import type { OptionValue } from '../emulator/interaction-payloads.js';
import { startBotOnEmulator } from '../helpers/discord-bot.js';
import { englishProblem, koreanProblem } from '../helpers/readable-text.js';

/**
 * /settings end to end in both languages: every subcommand's reply (run by the guild's owner, an organizer) reads in
 * Korean for a member whose Discord is in Korean, and in English, without Korean, for one in English.
 */
describe('/settings in Korean and English through the Discord emulator', () => {
	let emulator: DiscordEmulator;
	let bot: DiscordBot;

	beforeAll(async () => {
		emulator = await startEmulator({ heartbeatIntervalMs: 1000 });
		bot = await startBotOnEmulator(emulator);
	}, 60_000);
	afterAll(async () => {
		await bot?.stop();
		await emulator?.stop();
	});

	const runs: [string, Record<string, OptionValue>][] = [
		['show', {}],
		['language', { language: 'ko' }],
		['language', { language: 'en' }],
		['language', { language: 'server' }],
		['roles', { organizer_role: 'Organizer' }],
		['roles', { clear: true }],
		['leaderboard', { exclude_organizers: true }],
		['tutor', { enabled: false }],
	];

	for (const locale of [Locale.Korean, Locale.EnglishUS]) {
		it(`GIVEN locale ${locale} THEN every /settings reply reads in ${locale === Locale.Korean ? 'Korean' : 'English'}`, async () => {
			const problems: string[] = [];
			for (const [subcommand, options] of runs) {
				const outcome = await emulator
					.dispatchInteraction({ type: 'command', name: 'settings', subcommand, options, locale })
					.answered({ timeoutMs: 15_000, quietMs: 200 });
				const message = outcome.original!.message;
				const problem = locale === Locale.Korean ? koreanProblem(message) : englishProblem(message);
				if (problem) problems.push(`${subcommand} ${JSON.stringify(options)}: ${problem}\n${message.content}`);
			}
			expect(problems).toEqual([]);
			expect(emulator.violations).toEqual([]);
		}, 60_000);
	}

	it('GIVEN the server’s Discord language and no language chosen THEN /settings show names it, in the member’s language', async () => {
		const outcome = await emulator
			.dispatchInteraction({ type: 'command', name: 'settings', subcommand: 'show', locale: Locale.Korean })
			.answered({ timeoutMs: 15_000, quietMs: 200 });
		expect(outcome.original!.message.content).toContain(
			'**공개 게시물의 언어:** 서버의 Discord 언어를 따름 (지금은 영어)',
		);
	});
});
