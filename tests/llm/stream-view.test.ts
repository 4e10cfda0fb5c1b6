import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Reply } from '../../src/core/reply.js';
import { StreamView } from '../../src/llm/stream-view.js';

describe('StreamView', () => {
	beforeEach(() => {
		vi.useFakeTimers();
	});
	afterEach(() => {
		vi.useRealTimers();
	});

	it('GIVEN tokens every 50 ms for 5 s THEN the reply is edited about once per second, always with the latest text', async () => {
		const edits: { at: number; reply: Reply }[] = [];
		const start = Date.now();
		const view = new StreamView({
			update: async (reply) => void edits.push({ at: Date.now() - start, reply }),
			intervalMs: 1000,
		});
		let text = '';
		for (let i = 0; i < 100; i++) {
			text += `w${i} `;
			view.show(text);
			await vi.advanceTimersByTimeAsync(50);
		}
		await vi.advanceTimersByTimeAsync(1000);
		expect(edits.length).toBeGreaterThanOrEqual(5);
		expect(edits.length).toBeLessThanOrEqual(6);
		for (let i = 1; i < edits.length; i++) expect(edits[i]!.at - edits[i - 1]!.at).toBeGreaterThanOrEqual(1000);
		expect(edits.at(-1)!.reply.content).toBe(`${text} ▌`);
		const final = await view.final(text);
		expect(final.content).toBe(text);
	});

	it('GIVEN a slow edit THEN edits never overlap and the text that arrived meanwhile is shown next', async () => {
		let active = 0;
		let maxActive = 0;
		const contents: string[] = [];
		const view = new StreamView({
			intervalMs: 100,
			update: async (reply) => {
				active += 1;
				maxActive = Math.max(maxActive, active);
				await new Promise((r) => setTimeout(r, 700));
				contents.push(reply.content ?? '');
				active -= 1;
			},
		});
		view.show('a');
		await vi.advanceTimersByTimeAsync(10);
		view.show('ab');
		view.show('abc');
		await vi.advanceTimersByTimeAsync(2000);
		expect(maxActive).toBe(1);
		expect(contents).toEqual(['a ▌', 'abc ▌']);
	});

	it('GIVEN an answer longer than one message THEN the live message shows page one with a note, and the final reply adds the rest as follow-ups with the footer and buttons last', async () => {
		const edits: Reply[] = [];
		const view = new StreamView({
			update: async (reply) => void edits.push(reply),
			header: '**Q:** why?',
			intervalMs: 0,
		});
		const text = Array.from({ length: 60 }, (_, i) => `Sentence number ${i} of a long answer about attention.`).join(
			'\n',
		);
		view.show(text);
		await vi.advanceTimersByTimeAsync(10);
		expect(edits[0]!.content!.length).toBeLessThanOrEqual(2000);
		expect(edits[0]!.content).toMatch(/^\*\*Q:\*\* why\?\nSentence number 0/);
		expect(edits[0]!.content).toMatch(/continued in the next message…\)\*$/);
		const components = [{ type: 1, components: [] }] as never;
		const final = await view.final(text, { footer: '-# week 1', components });
		const all = [final, ...(final.followUps ?? [])];
		expect(all.length).toBe(2);
		expect(all.map((r) => r.content).join('\n')).toBe(`**Q:** why?\n${text}\n-# week 1`);
		expect(final.components).toBeUndefined();
		expect(all[1]!.components).toBe(components);
	});

	it('GIVEN a code block the model never closed THEN the final reply closes it before the footer', async () => {
		const view = new StreamView({ update: async () => undefined });
		const final = await view.final('Look:\n```py\nprint(1)', { footer: '-# footer' });
		expect(final.content).toBe('Look:\n```py\nprint(1)\n```\n-# footer');
	});
});
