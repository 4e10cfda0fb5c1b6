import { describe, expect, it } from 'vitest';
import { defineCommand } from '../../src/core/command.js';
import { Dispatcher } from '../../src/core/dispatch.js';
import { MemberRateLimiter } from '../../src/core/rate-limit.js';
import { createRegistry } from '../../src/core/registry.js';
import { ManualClock, testDeps } from '../helpers/deps.js';
import { MemoryResponder } from '../helpers/memory-responder.js';
import { silentLogger } from '../helpers/silent-logger.js';

describe('MemberRateLimiter', () => {
	it('GIVEN 3 uses per 10 s THEN the 4th is refused with the time until the oldest run leaves the window', () => {
		const limiter = new MemberRateLimiter();
		const limit = { uses: 3, perMs: 10_000 };
		expect(limiter.take('m', limit, 0)).toEqual({ ok: true });
		expect(limiter.take('m', limit, 1000)).toEqual({ ok: true });
		expect(limiter.take('m', limit, 2000)).toEqual({ ok: true });
		expect(limiter.take('m', limit, 4000)).toEqual({ ok: false, retryAfterMs: 6000 });
		expect(limiter.take('other', limit, 4000)).toEqual({ ok: true });
		expect(limiter.take('m', limit, 10_000)).toEqual({ ok: true });
	});
});

describe('cooldown through the dispatcher', () => {
	const slow = defineCommand({
		data: { name: 'heavy', description: 'An expensive demo' },
		defer: true,
		cooldown: { uses: 2, perMs: 60_000 },
		run: () => ({ content: 'done' }),
	});
	const clock = new ManualClock();
	const deps = testDeps({ clock, commands: [slow] });
	const dispatcher = new Dispatcher({ registry: createRegistry([slow]), deps, log: silentLogger });
	const base = (user: string) => ({
		interactionId: '1',
		user: { id: user, name: user, roles: [], permissions: 0n },
		guildId: '200000000000000001',
		channelId: '300000000000000001',
		locale: 'en-US',
		createdAt: Date.now(),
	});

	it('GIVEN a member over the limit THEN they are told privately, without a deferral, how long to wait', async () => {
		for (let i = 0; i < 2; i++) await dispatcher.runCommand(base('a'), 'heavy', { options: {} }, new MemoryResponder());
		clock.advance(15_000);
		const limited = new MemoryResponder();
		const outcome = await dispatcher.runCommand(base('a'), 'heavy', { options: {} }, limited);
		expect(limited.names).toEqual(['reply']);
		expect(limited.ops[0]).toMatchObject({
			reply: { ephemeral: true, content: '❌ You have run /heavy a lot in a short time: try again in 45 s.' },
		});
		expect(outcome.ok).toBe(false);
		const other = new MemoryResponder();
		await dispatcher.runCommand(base('b'), 'heavy', { options: {} }, other);
		expect(other.names).toEqual(['defer', 'editOriginal']);
	});
});
