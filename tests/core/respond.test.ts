import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { respond, type RespondOptions } from '../../src/core/respond.js';
import { MemoryResponder } from '../helpers/memory-responder.js';
import { silentLogger } from '../helpers/silent-logger.js';

const base = (extra: Partial<RespondOptions> = {}): RespondOptions => ({
	kind: 'command',
	createdAt: Date.now(),
	log: silentLogger,
	autoDeferMs: 100,
	...extra,
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('respond', () => {
	it('GIVEN a fast handler THEN it replies once, without deferring', async () => {
		const r = new MemoryResponder();
		const outcome = await respond(r, async () => ({ content: 'hi' }), base());
		expect(r.names).toEqual(['reply']);
		expect(outcome).toMatchObject({ ok: true, deferred: false });
	});

	it('GIVEN a slow handler THEN it is deferred before the deadline and the answer edits the deferral', async () => {
		const r = new MemoryResponder();
		await respond(r, async () => (await sleep(250), { content: 'late' }), base());
		expect(r.names).toEqual(['defer', 'editOriginal']);
		expect(r.ops[0]!.at).toBeLessThan(200);
	});

	it('GIVEN an interaction that arrived already late THEN it is deferred at once', async () => {
		const r = new MemoryResponder();
		await respond(r, async () => (await sleep(50), { content: 'x' }), base({ createdAt: Date.now() - 5000 }));
		expect(r.names).toEqual(['defer', 'editOriginal']);
	});

	it('GIVEN a slow command whose reply is private (lateDefer: ephemeral) THEN the automatic deferral is private too, and the answer edits it', async () => {
		const r = new MemoryResponder();
		await respond(
			r,
			async () => (await sleep(250), { content: 'card', ephemeral: true }),
			base({ lateDefer: 'ephemeral' }),
		);
		expect(r.names).toEqual(['defer-ephemeral', 'editOriginal']);
	});

	it('GIVEN defer: ephemeral THEN it defers ephemerally before running', async () => {
		const r = new MemoryResponder();
		await respond(r, async () => ({ content: 'x', ephemeral: true }), base({ defer: 'ephemeral' }));
		expect(r.names).toEqual(['defer-ephemeral', 'editOriginal']);
	});

	it('GIVEN a public deferral and an ephemeral answer THEN the thinking message is removed and the answer is private', async () => {
		const r = new MemoryResponder();
		await respond(r, async () => ({ content: 'secret', ephemeral: true }), base({ defer: true }));
		expect(r.names).toEqual(['defer', 'deleteOriginal', 'followUp']);
	});

	it('GIVEN a UserError THEN the member gets an ephemeral ❌ with its message and no reference id', async () => {
		const r = new MemoryResponder();
		const outcome = await respond(
			r,
			async () => {
				throw new UserError('Too long.');
			},
			base(),
		);
		expect(r.ops[0]).toMatchObject({ op: 'reply', reply: { content: '❌ Too long.', ephemeral: true } });
		expect(outcome.referenceId).toBeUndefined();
	});

	it('GIVEN an unexpected error THEN the member gets an apology quoting a reference id', async () => {
		const r = new MemoryResponder();
		const outcome = await respond(
			r,
			async () => {
				throw new Error('boom');
			},
			base(),
		);
		expect(outcome.referenceId).toMatch(/^[0-9a-f]{8}$/);
		const op = r.ops[0];
		expect(op).toMatchObject({ op: 'reply', reply: { ephemeral: true } });
		expect(op?.op === 'reply' && op.reply.content).toContain(outcome.referenceId);
	});

	it('GIVEN an unexpected error after a public deferral THEN the apology is still ephemeral', async () => {
		const r = new MemoryResponder();
		await respond(
			r,
			async () => {
				await sleep(10);
				throw new Error('boom');
			},
			base({ defer: true }),
		);
		expect(r.names).toEqual(['defer', 'deleteOriginal', 'followUp']);
	});

	it('GIVEN the reply itself is rejected THEN the error reply is sent instead', async () => {
		const r = new MemoryResponder();
		r.failNext.reply = new Error('400 invalid form body');
		const outcome = await respond(r, async () => ({ content: 'x' }), base());
		expect(outcome.ok).toBe(false);
		expect(r.ops[0]).toMatchObject({ op: 'reply', reply: { ephemeral: true } });
	});

	it('GIVEN interim updates THEN the first defers and each edits, and the final answer edits last', async () => {
		const r = new MemoryResponder();
		await respond(
			r,
			async (update) => {
				await update({ content: 'step 1' });
				await update({ content: 'step 2' });
				return { content: 'done' };
			},
			base(),
		);
		expect(r.names).toEqual(['defer', 'editOriginal', 'editOriginal', 'editOriginal']);
	});

	it('GIVEN follow-ups THEN they are sent after the answer, in order', async () => {
		const r = new MemoryResponder();
		await respond(
			r,
			async () => ({ content: 'part 1', followUps: [{ content: 'part 2' }, { content: 'part 3' }] }),
			base(),
		);
		expect(r.ops.map((o) => ('reply' in o ? o.reply.content : o.op))).toEqual(['part 1', 'part 2', 'part 3']);
	});

	it('GIVEN a component whose handler updates its message THEN update is used; slow ones deferUpdate first', async () => {
		const fast = new MemoryResponder();
		await respond(fast, async () => ({ content: 'next', update: true }), base({ kind: 'component' }));
		expect(fast.names).toEqual(['update']);
		const slow = new MemoryResponder();
		await respond(slow, async () => (await sleep(250), { content: 'next', update: true }), base({ kind: 'component' }));
		expect(slow.names).toEqual(['deferUpdate', 'editOriginal']);
	});

	it('GIVEN a slow component that answers with a new message THEN it follows up after deferUpdate', async () => {
		const r = new MemoryResponder();
		await respond(r, async () => (await sleep(250), { content: 'new', ephemeral: true }), base({ kind: 'component' }));
		expect(r.names).toEqual(['deferUpdate', 'followUp']);
	});

	it('GIVEN a handler that opens a modal THEN showModal is the first response', async () => {
		const r = new MemoryResponder();
		await respond(
			r,
			async () => ({ modal: { custom_id: 'q:a', title: 'Answer', components: [] } }),
			base({ kind: 'component' }),
		);
		expect(r.names).toEqual(['showModal']);
	});

	it('GIVEN content over 2000 characters THEN it is cut to the limit with an ellipsis', async () => {
		const r = new MemoryResponder();
		await respond(r, async () => ({ content: 'x'.repeat(5000) }), base());
		const op = r.ops[0];
		const content = op?.op === 'reply' ? op.reply.content! : '';
		expect(content.length).toBe(2000);
		expect(content.endsWith('…')).toBe(true);
	});
});
