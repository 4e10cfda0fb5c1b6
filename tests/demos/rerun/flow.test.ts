import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import tokenize from '../../../commands/tokenize.js';
import { ComponentType } from 'discord-api-types/v10';
import { runForReply } from '../../helpers/run-command.js';
import { customIds, demoHarness, type DemoHarness } from '../../present/harness.js';
import { encodeRequest } from '../../../src/demos/rerun/request.js';

type Field = {
	custom_id: string;
	type: ComponentType;
	value?: string;
	options?: { value: string; default?: boolean }[];
};

/** The form's inputs: text inputs in action rows, select menus in labels. */
const formFields = (modal: { components: unknown[] } | null): Field[] =>
	(modal?.components ?? []).map((row) => {
		const r = row as { type: ComponentType; components?: Field[]; component?: Field };
		return r.type === ComponentType.ActionRow ? r.components![0]! : r.component!;
	});
const fieldIds = (modal: { components: unknown[] } | null): string[] => formFields(modal).map((f) => f.custom_id);
/** What the form shows filled in: a text input's value, a select's selected choice. */
const shown = (modal: { components: unknown[] } | null) =>
	Object.fromEntries(
		formFields(modal).map((f) => [
			f.custom_id,
			f.type === ComponentType.StringSelect ? f.options!.find((o) => o.default)?.value : f.value,
		]),
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
		expect(fieldIds(opened.modal)).toEqual(['text', 'encoding', 'families', 'show', 'system']);
		// encoding and show have choices: select menus, the value it ran with selected.
		expect(formFields(opened.modal).map((f) => f.type)).toEqual([
			ComponentType.TextInput,
			ComponentType.StringSelect,
			ComponentType.TextInput,
			ComponentType.StringSelect,
			ComponentType.TextInput,
		]);
		expect(shown(opened.modal)).toEqual({
			text: 'Hello world',
			encoding: 'gpt2',
			families: undefined,
			show: undefined,
			system: undefined,
		});
		const rerun = await h.modal(opened.modal!.custom_id, { text: 'Hello world', encoding: 'gpt-4o', show: '' });
		expect(rerun.responder.names).toEqual(['defer', 'editOriginal']);
		expect(rerun.final!.content).toBe('🔁 **Linus** ran `/tokenize` again: `encoding` `gpt2` → `gpt-4o`');
		expect(rerun.final!.embeds![0]!.title).toBe('Tokens: gpt-4o (o200k_base)');
		// The new reply carries its own button, with the new options.
		expect(customIds(rerun.final)).toEqual([
			`present:rr:i:${encodeRequest({ command: 'tokenize', options: { text: 'Hello world', encoding: 'gpt-4o' } })}`,
		]);
	});

	it('GIVEN a value the command refuses THEN the member gets the command’s own ❌ message, privately, and the form reopens as typed and chosen', async () => {
		const first = await h.command('tokenize', { text: 'Hello', encoding: 'gpt2' });
		const opened = await h.button(customIds(first.final)[0]!);
		const refused = await h.modal(opened.modal!.custom_id, {
			text: 'Hello',
			encoding: 'compare',
			families: 'gpt-4o gpt-5',
			show: 'ids',
		});
		expect(refused.responder.names).toEqual(['defer', 'deleteOriginal', 'followUp']);
		expect(refused.final!.ephemeral).toBe(true);
		expect(refused.final!.content).toMatch(/^❌ .*gpt-5/);
		expect(refused.final!.content).toContain('What you typed is kept: press **Edit and try again** to fix it.');
		// The button reopens the form as typed and chosen.
		const again = await h.button(customIds(refused.final)[0]!);
		expect(shown(again.modal)).toEqual({ text: 'Hello', encoding: 'compare', families: 'gpt-4o gpt-5', show: 'ids' });
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
