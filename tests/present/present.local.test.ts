import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { createApp, type App } from '../../src/app.js';
import { createWorkerPool } from '../../src/compute/pool.js';
import { loadConfig } from '../../src/config.js';
import { LOCAL_IDS, type LocalMember } from '../../src/local/guild.js';
import { LocalInteractions } from '../../src/local/interactions.js';
import type { LocalMessage } from '../../src/local/message.js';
import { modalView } from '../../src/local/view.js';
import { LocalWorkspace } from '../../src/local/workspace.js';
import { NOT_A_PRESENTER } from '../../src/present/flow.js';
import { planSteps } from '../../src/present/steps.js';
import { memoryStore, testCurriculum } from '../helpers/deps.js';
import { silentLogger } from '../helpers/silent-logger.js';

function buttons(message: LocalMessage | undefined): string[] {
	return (message?.components ?? []).flatMap((row) => row.components.map((c) => ('custom_id' in c ? c.custom_id : '')));
}

/** The transformer demos, "Run again with…" and /present in the local mode: typed command lines, clicks and forms, the worker pool. */
describe('the transformer demos and /present in the local mode', () => {
	let app: App;
	let workspace: LocalWorkspace;
	let local: LocalInteractions;
	let grace: LocalMember;
	let linus: LocalMember;

	beforeAll(async () => {
		workspace = new LocalWorkspace();
		const config = loadConfig({ NODE_ENV: 'test', STORE_URL: 'sqlite://:memory:' });
		app = await createApp({
			config,
			log: silentLogger,
			poster: workspace.poster,
			commands,
			store: await memoryStore(),
			compute: createWorkerPool({ threads: 2 }),
			curriculum: await testCurriculum(),
		});
		await app.deps.repos.settings.update(LOCAL_IDS.guild, { presenterRoleId: LOCAL_IDS.roles.presenter });
		local = new LocalInteractions(workspace, app);
		grace = workspace.member('Grace')!;
		linus = workspace.member('Linus')!;
	}, 60_000);
	afterAll(() => app?.close());

	/** The one public message a command left, with its PNG attachments. */
	function answer(messages: LocalMessage[]): LocalMessage {
		expect(messages).toHaveLength(1);
		const message = messages[0]!;
		expect(message.thinking).toBe(false);
		expect(message.visibleTo).toBeNull();
		expect(message.attachments.length).toBeGreaterThan(0);
		for (const attachment of message.attachments) expect(attachment.contentType).toBe('image/png');
		return message;
	}

	it.each([
		['/positions length:64 dims:32', ['positions-sinusoidal.png', 'positions-learnt.png', 'positions-distance.png']],
		['/ffn text:The king said to the king layer:2', ['ffn-units.png', 'ffn-repeat.png']],
		[
			'/residual text:The old prince said to Natasha that the war had begun',
			['residual-norms.png', 'residual-lens.png'],
		],
	])(
		'GIVEN Linus types %s THEN he sees its charts and a 🔁 button',
		async (line, files) => {
			const message = answer((await local.command(line, linus)).messages);
			expect(message.attachments.map((a) => a.name)).toEqual(files);
			expect(buttons(message)).toEqual([expect.stringMatching(/^present:rr:/)]);
		},
		60_000,
	);

	it('GIVEN Linus re-runs /positions with 64 dimensions through the form THEN a new message shows the change', async () => {
		const first = answer((await local.command('/positions length:64 dims:32', linus)).messages);
		await local.click(first.id, buttons(first)[0]!, linus);
		const form = local.pendingModal(linus)!;
		expect(form.title).toBe('Run /positions again');
		const rerun = await local.submitModal(form.custom_id, { length: '64', dims: '64' }, linus);
		const message = answer(rerun.messages);
		expect(message.content).toBe('🔁 **Linus** ran `/positions` again: `dims` `32` → `64`');
		expect(message.embeds[0]!.title).toBe("Positions: sinusoidal (d = 64) and our model's learnt table");
	}, 60_000);

	it('GIVEN Linus re-runs /tokenize through the form THEN encoding is a select menu in the page’s modal view (gpt2 selected), a choice outside it is refused as Discord’s client would, and choosing gpt-4 re-runs it', async () => {
		const first = (await local.command('/tokenize text:Hello world encoding:gpt2', linus)).messages.at(-1)!;
		await local.click(first.id, buttons(first)[0]!, linus);
		const form = local.pendingModal(linus)!;
		const view = modalView(form, { user: () => undefined, channel: () => undefined, role: () => undefined });
		const encoding = view.items.find((i) => i.kind === 'select' && i.customId === 'encoding');
		expect(encoding).toMatchObject({ kind: 'select', label: 'encoding', required: false });
		expect(encoding?.kind === 'select' && encoding.options.filter((o) => o.selected).map((o) => o.value)).toEqual([
			'gpt2',
		]);
		await expect(local.submitModal(form.custom_id, { text: 'Hello world', encoding: 'GPT-5' }, linus)).rejects.toThrow(
			/no choice GPT-5/,
		);
		const rerun = await local.submitModal(form.custom_id, { text: 'Hello world', encoding: 'gpt-4', show: '' }, linus);
		const message = rerun.messages.at(-1)!;
		expect(message.content).toBe('🔁 **Linus** ran `/tokenize` again: `encoding` `gpt2` → `gpt-4`');
		expect(message.embeds[0]!.title).toBe('Tokens: gpt-4 (cl100k_base)');
	}, 60_000);

	it('GIVEN Grace presents week 10 THEN Linus cannot move it, and Grace steps through it in the thread', async () => {
		const refused = await local.command('/present week:10', linus);
		expect(refused.messages[0]?.content).toMatch(/^❌ Only presenters can present a session/);
		const started = await local.command('/present week:10', grace);
		expect(started.messages[0]!.visibleTo).toBe(grace.id);
		const thread = /<#(\d+)>/.exec(started.messages[0]!.content)![1]!;
		const deck = () => workspace.messages(thread).at(-1)!;
		const first = deck();
		const denied = await local.click(first.id, buttons(first)[1]!, linus);
		expect(denied.messages[0]).toMatchObject({ visibleTo: linus.id, content: NOT_A_PRESENTER });
		const steps = planSteps(app.deps.curriculum.week(10)!);
		for (let i = 1; i < steps.length; i++) {
			await local.click(deck().id, buttons(deck())[1]!, grace);
			expect(deck().embeds[0]!.footer!.text).toContain(`step ${i + 1} of ${steps.length}`);
			const step = steps[i]!;
			if (step.kind === 'point' && step.demo !== null) {
				expect(deck().attachments.length).toBeGreaterThan(0);
				// /attention has no button of its own: the step adds it, so presenters can re-run every demo.
				expect(buttons(deck()).filter((id) => id.startsWith('present:sr:'))).toHaveLength(1);
			}
		}
		expect(deck().embeds[0]!.title).toMatch(/^🏁 Wrap-up · Week 10/);
		expect(workspace.messages(thread)).toHaveLength(1);
	}, 120_000);
});
