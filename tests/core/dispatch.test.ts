import { describe, expect, it } from 'vitest';
import { defineCommand } from '../../src/core/command.js';
import { customId } from '../../src/core/custom-id.js';
import { Dispatcher } from '../../src/core/dispatch.js';
import type { InteractionBase } from '../../src/core/interaction.js';
import { createRegistry } from '../../src/core/registry.js';
import { testDeps } from '../helpers/deps.js';
import { MemoryResponder } from '../helpers/memory-responder.js';
import { silentLogger } from '../helpers/silent-logger.js';

const echo = defineCommand({
	data: { name: 'echo', description: 'Echo' },
	run: () => ({ content: 'x' }),
	components: {
		pick: {
			run: (ctx) => ({ content: `picked ${ctx.values.join('+')} for ${ctx.args.join(',')} on ${ctx.message.id}` }),
		},
	},
	modals: {
		note: { run: (ctx) => ({ content: `noted ${ctx.fields.text} for ${ctx.args.join(',')}` }) },
	},
});

const base: InteractionBase = {
	interactionId: '1',
	user: { id: '2', name: 'Ada', roles: [], permissions: 0n },
	guildId: '3',
	channelId: '4',
	locale: 'en-US',
	createdAt: Date.now(),
};

function dispatcher(): { dispatcher: Dispatcher; outcomes: string[] } {
	const outcomes: string[] = [];
	const d = new Dispatcher({
		registry: createRegistry([echo]),
		deps: testDeps(),
		log: silentLogger,
		onOutcome: (e) => outcomes.push(`${e.kind} ${e.name} ${e.outcome} ${e.errorCode ?? ''}`.trim()),
	});
	return { dispatcher: d, outcomes };
}

const contentOf = (r: MemoryResponder) => {
	const op = r.ops.at(-1);
	return op && 'reply' in op ? op.reply.content : undefined;
};

describe('Dispatcher: components and modals', () => {
	it('GIVEN a button and a form of a known command THEN their handlers get the custom id’s args, the values or fields, and the message', async () => {
		const { dispatcher: d, outcomes } = dispatcher();
		const r1 = new MemoryResponder();
		await d.runComponent(base, customId('echo', 'pick', 7, 'a'), ['x', 'y'], { id: '55', ephemeral: false }, r1);
		expect(contentOf(r1)).toBe('picked x+y for 7,a on 55');
		const r2 = new MemoryResponder();
		await d.runModal(base, customId('echo', 'note', 9), { text: 'hello' }, null, r2);
		expect(contentOf(r2)).toBe('noted hello for 9');
		expect(outcomes).toEqual(['component echo ok', 'modal echo ok']);
	});

	it('GIVEN a button or a form the bot no longer knows THEN the member is told to run the command again', async () => {
		const { dispatcher: d, outcomes } = dispatcher();
		const r1 = new MemoryResponder();
		await d.runComponent(base, customId('echo', 'gone'), [], { id: '55', ephemeral: false }, r1);
		expect(contentOf(r1)).toBe('❌ This button is no longer supported. Run the command again.');
		const r2 = new MemoryResponder();
		await d.runModal(base, 'not a custom id', {}, null, r2);
		expect(contentOf(r2)).toBe('❌ This form is no longer supported. Run the command again.');
		expect(outcomes).toEqual(['component echo user-error component.unknown', 'modal unknown user-error modal.unknown']);
	});
});
