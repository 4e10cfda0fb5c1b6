import { Locale } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkerPool } from '../../src/compute/pool.js';
import type { Compute } from '../../src/compute/compute.js';
import type { DiscordBot } from '../../src/discord/start.js';
import { DEFAULT_GUILD_SEED, startEmulator, type DiscordEmulator } from '../emulator/index.js';
import { startBotOnEmulator } from '../helpers/discord-bot.js';

const LONG = { prompt: 'The old prince said', samples: 200, tokens: 50 };

/**
 * The presenter's "everyone, try /sample samples:200 now" on the real worker pool: one heavy slot, so the second
 * member's run waits. They must see their place in line in their own language while it waits (never a silent wait),
 * then the answer in its place.
 */
describe('GIVEN two members sending a long /sample at once to a one-thread pool', () => {
	let emulator: DiscordEmulator;
	let bot: DiscordBot;
	let compute: Compute;

	beforeAll(async () => {
		emulator = await startEmulator({
			guilds: [
				{
					...DEFAULT_GUILD_SEED,
					members: [
						...(DEFAULT_GUILD_SEED.members ?? []),
						{ username: 'ann', roles: ['Member'] },
						{ username: 'min', roles: ['Member'] },
					],
				},
			],
		});
		compute = createWorkerPool({ threads: 1 });
		bot = await startBotOnEmulator(emulator, { compute });
	}, 120_000);

	afterAll(async () => {
		await bot?.stop();
		await compute?.close();
		await emulator?.stop();
	});

	it('THEN the second sees "in line" behind the two before it, in Korean, and then the charts replace it', async () => {
		const send = (user: string, locale: Locale) =>
			emulator.dispatchInteraction({
				type: 'command',
				name: 'sample',
				options: LONG,
				user,
				channel: 'general',
				locale,
			});
		// The pool's one thread is busy for 4 s (as with another member's long demo), so both have to wait past 1.5 s.
		const busy = compute.run('system.spin', { ms: 4_000 });
		const first = send('ann', Locale.EnglishUS);
		await first.acknowledged(10_000);
		const second = send('min', Locale.Korean);
		const done = (handle: typeof first) =>
			handle.waitFor((o) => (o.original?.files.length ?? 0) > 0 && !o.original?.deleted, 110_000);
		const [, waited] = await Promise.all([done(first), done(second), busy]);
		const versions = [...waited.original!.history, waited.original!.message].map((m) => m.content);
		const notice = versions.find((c) => c.startsWith('⏳'));
		expect(notice).toBe(
			'⏳ /샘플링 요청이 앞선 실행 2개 뒤에서 기다리고 있습니다. 차례가 되면 저절로 시작되니 다시 보내지 않아도 됩니다.',
		);
		expect(waited.original!.message.content.startsWith('⏳')).toBe(false);
		expect(waited.original!.files.map((f) => f.filename)).toContain('sample-next.png');
	}, 120_000);
});
