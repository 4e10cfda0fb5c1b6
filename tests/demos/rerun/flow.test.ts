import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import tokenize from '../../../commands/tokenize.js';
import { ComponentType, type APITextInputComponent } from 'discord-api-types/v10';
import { runForReply } from '../../helpers/run-command.js';
import { customIds, demoHarness, type DemoHarness } from '../../present/harness.js';
import { encodeRequest } from '../../../src/demos/rerun/request.js';

const fieldIds = (modal: { components: unknown[] } | null): string[] =>
	(modal?.components ?? []).map((row) =>
		(row as { type: ComponentType; components: APITextInputComponent[] }).type === ComponentType.ActionRow
			? (row as { components: APITextInputComponent[] }).components[0]!.custom_id
			: '',
	);

describe('"Run again with…" through the dispatcher', () => {
	let h: DemoHarness;
	beforeAll(async () => {
		h = await demoHarness();
	});
	afterAll(() => h.close());

	it('GIVEN a /tokenize reply THEN its button opens a form with the options, and submitting it re-runs /tokenize with the change', async () => {
		const first = await h.command('tokenize', { text: 'Hello world', encoding: 'gpt2' });
		const [button] = customIds(first.final);
		expect(button).toMatch(/^present:rr:i:/);
		const opened = await h.button(button!);
		expect(opened.responder.names).toEqual(['showModal']);
		expect(opened.modal!.title).toBe('Run /tokenize again');
		expect(fieldIds(opened.modal)).toEqual(['text', 'encoding', 'families', 'show']);
		const rerun = await h.modal(opened.modal!.custom_id, { text: 'Hello world', encoding: 'gpt-4o', show: '' });
		expect(rerun.responder.names).toEqual(['defer', 'editOriginal']);
		expect(rerun.final!.content).toBe('🔁 **Linus** ran `/tokenize` again: `encoding` `gpt2` → `gpt-4o`');
		expect(rerun.final!.embeds![0]!.title).toBe('Tokens: gpt-4o (o200k_base)');
		// The new reply carries its own button, with the new options.
		expect(customIds(rerun.final)).toEqual([
			`present:rr:i:${encodeRequest({ command: 'tokenize', options: { text: 'Hello world', encoding: 'gpt-4o' } })}`,
		]);
	});

	it('GIVEN a value the command refuses THEN the member gets the command’s own ❌ message, privately', async () => {
		const first = await h.command('tokenize', { text: 'Hello', encoding: 'gpt2' });
		const opened = await h.button(customIds(first.final)[0]!);
		const refused = await h.modal(opened.modal!.custom_id, { text: 'Hello', encoding: 'gpt-5', show: '' });
		expect(refused.responder.names).toEqual(['defer', 'deleteOriginal', 'followUp']);
		expect(refused.final).toMatchObject({
			content:
				'❌ `encoding` must be one of `gpt-4o`, `gpt-4`, `gpt2`, `claude`, `llama-3`, `gemma-3`, `qwen-3`, `deepseek-v3`, `mistral`, `compare`, `all`.\nWhat you typed is kept: press **Edit and try again** to fix it.',
			ephemeral: true,
		});
		// The button reopens the form as typed.
		const again = await h.button(customIds(refused.final)[0]!);
		const typed = Object.fromEntries(
			again.modal!.components.map((row) => {
				const input = (row as { components: { custom_id: string; value?: string }[] }).components[0]!;
				return [input.custom_id, input.value];
			}),
		);
		expect(typed).toEqual({ text: 'Hello', encoding: 'gpt-5', show: undefined });
	});

	it('GIVEN options too long for a custom id THEN they are stored and the stored button works like an inline one', async () => {
		const text = 'To be, or not to be, that is the question: whether ’tis nobler in the mind to suffer';
		const first = await h.command('tokenize', { text, show: 'ids' });
		const [button] = customIds(first.final);
		const id = /^present:rr:s:([\w-]{8})$/.exec(button!)![1]!;
		expect(await h.deps.repos.rerunRequests.get(id)).toEqual({ command: 'tokenize', options: { text, show: 'ids' } });
		const opened = await h.button(button!);
		expect(opened.modal!.custom_id).toBe(`present:rm:s:${id}`);
		const rerun = await h.modal(opened.modal!.custom_id, { text, encoding: 'gpt2', show: 'ids' });
		expect(rerun.final!.embeds![0]!.title).toBe('Tokens: gpt2 (r50k_base)');
	});

	it('GIVEN a stored button whose options are gone, or a forged one THEN the click is answered politely', async () => {
		expect((await h.button('present:rr:s:AAAAAAAA')).final).toEqual({
			content: '❌ This button has expired: type the command to run it again.',
			ephemeral: true,
		});
		expect((await h.button('present:rr:i:@@@')).final).toEqual({
			content: '❌ This button is no longer supported. Run the command again.',
			ephemeral: true,
		});
		const unknown = `present:rr:i:${encodeRequest({ command: 'nosuch', options: {} })}`;
		expect((await h.button(unknown)).final!.content).toBe(
			'❌ /nosuch is not available on this bot (any more), so it cannot run from here.',
		);
	});

	it('GIVEN the store is down THEN a long demo still answers, without the button', async () => {
		const reply = await runForReply(tokenize, { text: 'x'.repeat(200) });
		expect(reply.embeds![0]!.title).toMatch(/^Tokens:/);
		expect(reply.components).toBeUndefined();
	});
});
