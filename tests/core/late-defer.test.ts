import { ApplicationCommandOptionType as T } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { defineCommand } from '../../src/core/command.js';
import { Dispatcher } from '../../src/core/dispatch.js';
import { createRegistry } from '../../src/core/registry.js';
import progress from '../../commands/progress.js';
import week from '../../commands/week.js';
import { testDeps } from '../helpers/deps.js';
import { MemoryResponder } from '../helpers/memory-responder.js';
import { silentLogger } from '../helpers/silent-logger.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('late deferral through the dispatcher', () => {
	// Like /progress: private unless shared, no up-front deferral, sometimes slow.
	const card = defineCommand({
		data: {
			name: 'card',
			description: 'A card',
			options: [{ type: T.Boolean, name: 'share', description: 'Show everyone' }],
		},
		lateDefer: (args) => (args.share === true ? 'public' : 'ephemeral'),
		run: async ({ args }) => (await sleep(150), { content: 'card', ephemeral: args.share !== true }),
	});
	const dispatcher = new Dispatcher({
		registry: createRegistry([card]),
		deps: testDeps({ commands: [card] }),
		log: silentLogger,
		autoDeferMs: 30,
	});
	const base = () => ({
		interactionId: '1',
		user: { id: '100000000000000001', name: 'mina', roles: [], permissions: 0n },
		guildId: '200000000000000001',
		channelId: '300000000000000001',
		locale: 'en-US',
		createdAt: Date.now(),
	});

	it('GIVEN a late private card THEN the automatic deferral is private and the card edits it: nothing flashes in the channel', async () => {
		const r = new MemoryResponder();
		await dispatcher.runCommand(base(), 'card', { options: {} }, r);
		expect(r.names).toEqual(['defer-ephemeral', 'editOriginal']);
	});

	it('GIVEN a late shared card THEN the automatic deferral is public', async () => {
		const r = new MemoryResponder();
		await dispatcher.runCommand(base(), 'card', { options: { share: true } }, r);
		expect(r.names).toEqual(['defer', 'editOriginal']);
	});

	it('GIVEN /progress and /week THEN they defer privately when late unless shared', () => {
		for (const command of [progress, week]) {
			expect(command.lateDefer?.({ share: true })).toBe('public');
			expect(command.lateDefer?.({})).toBe('ephemeral');
		}
	});
});
