import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
	ComponentType,
	type APIMessage,
	type APIModalInteractionResponseCallbackData,
	type APITextInputComponent,
} from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkerPool } from '../../src/compute/pool.js';
import type { DiscordBot } from '../../src/discord/start.js';
import { NOT_A_PRESENTER } from '../../src/present/flow.js';
import { planSteps } from '../../src/present/steps.js';
import { startEmulator, type DiscordEmulator, type InteractionOutcome } from '../emulator/index.js';
import { startBotOnEmulator } from '../helpers/discord-bot.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every custom id on a message's components, in order. */
function ids(message: APIMessage): string[] {
	return (message.components ?? []).flatMap((row) =>
		'components' in row ? row.components.map((c) => ('custom_id' in c ? c.custom_id : '')) : [],
	);
}

/**
 * /positions, /ffn, /residual, "Run again with…" and a presenter's full week through the Discord emulator: the real
 * bot (discord.js, the dispatcher, SQLite on disk, the worker pool), every request body checked against Discord's spec.
 * ada owns the guild (an organizer, so a presenter); alan is a plain member.
 */
describe('the transformer demos and /present through the Discord emulator', () => {
	let emulator: DiscordEmulator;
	let bot: DiscordBot;
	let general: string;
	const storeUrl = `sqlite://${path.join(mkdtempSync(path.join(os.tmpdir(), 'present-e2e-')), 'bot.sqlite')}`;
	const start = () =>
		startBotOnEmulator(emulator, { compute: createWorkerPool({ threads: 2 }), env: { STORE_URL: storeUrl } });

	beforeAll(async () => {
		emulator = await startEmulator({ heartbeatIntervalMs: 1000 });
		general = emulator.world.channelByName('general').id;
		bot = await start();
	}, 60_000);
	afterAll(async () => {
		await bot?.stop();
		await emulator?.stop();
	});

	function checkSpec(): void {
		expect(emulator.violations).toEqual([]);
		expect(emulator.unknownRoutes).toEqual([]);
	}

	async function command(
		name: string,
		options: Record<string, string | number>,
		user = 'alan',
	): Promise<InteractionOutcome> {
		const outcome = await emulator
			.dispatchInteraction({ type: 'command', name, options, user, channel: general })
			.answered({ timeoutMs: 60_000, quietMs: 300 });
		expect(outcome.timings.firstCallbackMs).toBeLessThan(3000);
		checkSpec();
		return outcome;
	}

	async function click(
		customId: string,
		message: APIMessage,
		user: string,
		channel: string,
	): Promise<InteractionOutcome> {
		const outcome = await emulator
			.dispatchInteraction({ type: 'button', customId, message, user, channel })
			.answered({ timeoutMs: 60_000, quietMs: 300 });
		expect(outcome.acknowledged).toBe(true);
		expect(outcome.errors).toEqual([]);
		expect(outcome.timings.firstCallbackMs).toBeLessThan(3000);
		checkSpec();
		return outcome;
	}

	/** The public reply's PNGs, each shown as an embed's image; nobody pinged. */
	function charts(outcome: InteractionOutcome): { width: number; height: number }[] {
		const message = outcome.original!;
		expect(message.ephemeral).toBe(false);
		expect(message.pinged).toEqual({ users: [], roles: [], everyone: false });
		const images = message.message.embeds.map((e) => e.image?.url).filter(Boolean);
		expect(images).toHaveLength(message.files.length);
		return message.files.map((f) => {
			expect(images).toContain(message.message.attachments.find((a) => a.filename === f.filename)?.url);
			return f.png!;
		});
	}

	it.each([
		[
			'positions',
			{ length: 200, dims: 8 },
			[
				[1200, 760],
				[1200, 760],
				[1200, 560],
			],
		],
		[
			'ffn',
			{ text: 'The king said to the king @everyone', layer: 2 },
			[
				[1200, 560],
				[1200, 520],
			],
		],
		[
			'residual',
			{ text: 'To be, or not to be, that is the question' },
			[
				[1200, 596],
				[1200, 648],
			],
		],
	] as const)(
		'GIVEN /%s THEN one deferred, spec-valid reply with its charts and a 🔁 button',
		async (name, options, sizes) => {
			const outcome = await command(name, options);
			expect(outcome.callbacks[0]?.type).toBe(5);
			expect(charts(outcome).map((s) => [s.width, s.height])).toEqual(sizes);
			expect(ids(outcome.original!.message)).toEqual([expect.stringMatching(/^present:rr:[is]:/)]);
		},
		60_000,
	);

	it('GIVEN hostile or oversized input THEN a ❌ message, never a failure', async () => {
		const tooLong = await command('ffn', { text: 'word '.repeat(199) });
		expect((tooLong.followUps[0] ?? tooLong.original)!.message.content).toMatch(
			/^❌ Your text is \d+ tokens long for our model's tokenizer/,
		);
		const odd = await command('positions', { dims: 7 });
		expect((odd.followUps[0] ?? odd.original)!.message.content).toBe(
			'❌ `dims` must be even: each frequency uses two dimensions, a sine and a cosine (try 6 or 8).',
		);
		const badLayer = await command('ffn', { text: 'hi', layer: 9 });
		expect((badLayer.followUps[0] ?? badLayer.original)!.message.content).toBe(
			'❌ This model has 4 layers: pick `layer` 1–4 (1 is the layer nearest the input).',
		);
	}, 60_000);

	it('GIVEN alan presses "Run again with…" on /ffn THEN a form opens with its options, and submitting layer 3 posts a new reply that says what changed', async () => {
		const first = await command('ffn', { text: 'The king and the queen walked into the hall', layer: 2 });
		const [button] = ids(first.original!.message);
		const opened = await click(button!, first.original!.message, 'alan', general);
		expect(opened.callbacks[0]!.type).toBe(9);
		const fields = opened.modal!.components.map(
			(row) => (row as { components: APITextInputComponent[] }).components[0]!,
		);
		expect(fields.map((f) => [f.custom_id, f.value])).toEqual([
			['text', 'The king and the queen walked into the hall'],
			['layer', '2'],
		]);
		const rerun = await emulator
			.dispatchInteraction({
				type: 'modal',
				customId: opened.modal!.custom_id,
				fields: { text: fields[0]!.value!, layer: '3' },
				modal: opened.modal!,
				message: first.original!.message,
				user: 'alan',
				channel: general,
			})
			.answered({ timeoutMs: 60_000, quietMs: 300 });
		checkSpec();
		expect(rerun.callbacks[0]!.type).toBe(5);
		expect(rerun.original!.message.content).toBe('🔁 **Alan** ran `/ffn` again: `layer` `2` → `3`');
		expect(rerun.original!.message.embeds[0]!.title).toBe('FFN · layer 3 of 4 · 9 tokens');
		expect(charts(rerun)).toHaveLength(2);
	}, 60_000);

	let thread: string;
	let stepMessage: () => APIMessage;

	it('GIVEN alan asks for /present THEN he is refused; ada starts week 9 and its first step is posted in a new thread', async () => {
		const refused = await command('present', { week: 9 });
		expect(refused.original).toMatchObject({
			ephemeral: true,
			message: { content: expect.stringMatching(/^❌ Only presenters can present a session/) },
		});
		// No presenter role is set on this server yet: the refusal says who sets one and how.
		expect(refused.original!.message.content).toMatch(
			/no presenter role yet.*Ask an organizer \(a member with Manage Server\) to choose one with `\/settings roles presenter_role:`/,
		);
		const started = await command('present', { week: 9 }, 'ada');
		expect(started.callbacks[0]!.type).toBe(5);
		const content = started.original!.message.content;
		expect(started.original!.ephemeral).toBe(true);
		thread = /<#(\d+)>/.exec(content)![1]!;
		expect(emulator.world.channel(thread)?.channel.type).toBe(11);
		stepMessage = () =>
			emulator.world
				.messagesIn(thread)
				.filter((m) => !m.deleted && !m.ephemeral)
				.at(-1)!.message;
		expect(stepMessage().embeds[0]!.title).toMatch(/^🎤 Week 9 · /);
	}, 60_000);

	it('GIVEN alan presses Next THEN he gets a polite private answer, acknowledged in time, and the step does not change', async () => {
		const before = stepMessage();
		const next = ids(before).find((id) => id.startsWith('present:go:') && id.endsWith(':1'))!;
		const outcome = await click(next, before, 'alan', thread);
		expect(outcome.callbacks[0]!.type).toBe(6);
		expect(outcome.followUps).toHaveLength(1);
		expect(outcome.followUps[0]!.ephemeral).toBe(true);
		expect(outcome.followUps[0]!.message.content).toBe(NOT_A_PRESENTER);
		expect(stepMessage().embeds).toEqual(before.embeds);
	});

	it('GIVEN ada presses Next through the whole session THEN the one step message follows her, demos and all, to the wrap-up', async () => {
		const steps = planSteps(bot.app.deps.curriculum.week(9)!);
		for (let i = 1; i < steps.length; i++) {
			const message = stepMessage();
			const next = ids(message)[1]!;
			expect(next.endsWith(`:${i}`)).toBe(true);
			const outcome = await click(next, message, 'ada', thread);
			expect(outcome.callbacks[0]!.type).toBe(6);
			const shown = await emulator.waitFor(
				() => (stepMessage().embeds[0]!.footer?.text.includes(`step ${i + 1} of`) ? stepMessage() : undefined),
				30_000,
				`step ${i + 1}`,
			);
			const stored = emulator.world.messagesIn(thread).find((m) => m.message.id === shown.id)!;
			const step = steps[i]!;
			if (step.kind === 'point' && step.demo !== null) {
				expect(stored.files.length).toBeGreaterThan(0);
				expect(ids(shown).some((id) => id.startsWith('present:sr:'))).toBe(true);
			} else expect(stored.files).toEqual([]);
			expect(stored.pinged).toEqual({ users: [], roles: [], everyone: false });
		}
		expect(stepMessage().embeds[0]!.title).toMatch(/^🏁 Wrap-up/);
		// One message in the thread showed every step: edited in place, not reposted.
		expect(emulator.world.messagesIn(thread).filter((m) => !m.ephemeral && !m.deleted)).toHaveLength(1);
	}, 180_000);

	it('GIVEN the bot restarts THEN ada’s Back button on the old message still works', async () => {
		await bot.stop();
		bot = await start();
		await sleep(100);
		const message = stepMessage();
		const back = ids(message)[0]!;
		const outcome = await click(back, message, 'ada', thread);
		expect(outcome.callbacks[0]!.type).toBe(6);
		const steps = planSteps(bot.app.deps.curriculum.week(9)!);
		await emulator.waitFor(
			() => stepMessage().embeds[0]!.footer?.text.includes(`step ${steps.length - 1} of`),
			30_000,
			'the step before the wrap-up',
		);
	}, 120_000);

	/** Submits a form the bot opened, from the message whose button opened it. */
	async function submit(
		modal: APIModalInteractionResponseCallbackData,
		fields: Record<string, string>,
		message: APIMessage,
		user: string,
		channel: string,
	): Promise<InteractionOutcome> {
		const outcome = await emulator
			.dispatchInteraction({ type: 'modal', customId: modal.custom_id, fields, modal, message, user, channel })
			.answered({ timeoutMs: 60_000, quietMs: 300 });
		checkSpec();
		return outcome;
	}

	/** A form's inputs as shown: custom id → a text input's value, or the choice a select menu (in a label) has selected. */
	const formValues = (modal: APIModalInteractionResponseCallbackData): Record<string, string | undefined> =>
		Object.fromEntries(
			modal.components.map((row) => {
				if (row.type === ComponentType.Label && row.component.type === ComponentType.StringSelect)
					return [row.component.custom_id, row.component.options.find((o) => o.default)?.value];
				const input = (row as { components: APITextInputComponent[] }).components[0]!;
				return [input.custom_id, input.value];
			}),
		);

	it('GIVEN ada re-runs a step’s demo with layer 3 THEN the step message itself shows the new result (no new message); a refused value comes back privately with a button that reopens the form as typed; alan’s run is his alone', async () => {
		// Back to step 2, the first knowledge point and its /ffn demo.
		while (!stepMessage().embeds[0]!.footer!.text.includes('step 2 of')) {
			const message = stepMessage();
			const shown = message.embeds[0]!.footer!.text;
			await click(ids(message)[0]!, message, 'ada', thread);
			await emulator.waitFor(() => stepMessage().embeds[0]!.footer!.text !== shown, 30_000, 'the step before');
		}
		const before = stepMessage();
		expect(before.embeds[1]!.title).toMatch(/^FFN · layer 2 of 4 · \d+ tokens$/);
		const rerun = ids(before).find((id) => id.startsWith('present:sr:'))!;
		const opened = await click(rerun, before, 'ada', thread);
		expect(opened.callbacks[0]!.type).toBe(9);
		expect(formValues(opened.modal!)).toMatchObject({ layer: '2' });
		const done = await submit(opened.modal!, { ...formValues(opened.modal!), layer: '3' }, before, 'ada', thread);
		expect(done.callbacks[0]!.type).toBe(6);
		const after = await emulator.waitFor(
			() => (stepMessage().embeds[1]?.title?.startsWith('FFN · layer 3') ? stepMessage() : undefined),
			30_000,
			'the step with layer 3',
		);
		expect(after.id).toBe(before.id);
		expect(after.content).toBe('🔁 **Ada** ran `/ffn` again: `layer` `2` → `3`');
		expect(after.embeds[0]!.footer!.text).toContain('step 2 of');
		expect(emulator.world.messagesIn(thread).filter((m) => !m.ephemeral && !m.deleted)).toHaveLength(1);

		// A value the command refuses: ada's entries are kept behind a button.
		const reopen = await click(
			ids(after).find((id) => id.startsWith('present:sr:'))!,
			after,
			'ada',
			thread,
		);
		const refused = await submit(reopen.modal!, { ...formValues(reopen.modal!), layer: 'nine' }, after, 'ada', thread);
		const answer = refused.followUps.at(-1)!;
		expect(answer.ephemeral).toBe(true);
		expect(answer.message.content).toMatch(
			/^❌ .*layer.*\nWhat you typed is kept: press \*\*Edit and try again\*\* to fix it\.$/s,
		);
		const edit = await click(ids(answer.message)[0]!, answer.message, 'ada', thread);
		expect(formValues(edit.modal!)).toMatchObject({ layer: 'nine' });
		expect(stepMessage().embeds[1]!.title).toMatch(/^FFN · layer 3/);

		// alan is not a presenter: his re-run is shown to him alone and the step stays as the room sees it.
		const his = await click(
			ids(after).find((id) => id.startsWith('present:sr:'))!,
			after,
			'alan',
			thread,
		);
		const mine = await submit(his.modal!, { ...formValues(his.modal!), layer: '1' }, after, 'alan', thread);
		expect(mine.followUps.at(-1)!.ephemeral).toBe(true);
		expect(mine.followUps.at(-1)!.message.content).toMatch(/^🙂 Only presenters change the demo/);
		expect(mine.followUps.at(-1)!.message.embeds[0]!.title).toMatch(/^FFN · layer 1/);
		expect(stepMessage().embeds[1]!.title).toMatch(/^FFN · layer 3/);
	}, 180_000);

	it('GIVEN /sample’s "Run again with…" THEN the form holds every option (min_p, tokens and samples under "Other options"); /tokenize’s encoding is a select menu whose choice reaches the handler', async () => {
		const first = await command('sample', { prompt: 'The king said', seed: 7 });
		const opened = await click(ids(first.original!.message)[0]!, first.original!.message, 'alan', general);
		const values = formValues(opened.modal!);
		const named = new Set([
			...Object.keys(values).filter((k) => k !== 'more_options'),
			...(values.more_options ?? '').split('\n').map((l) => l.split(':')[0]!),
		]);
		expect([...named].sort()).toEqual(
			[
				'engine',
				'min_p',
				'prompt',
				'samples',
				'seed',
				'strategy',
				'temperature',
				'tokens',
				'top_k',
				'top_p',
				'width',
			].sort(),
		);
		const more = (values.more_options ?? '').replace(/^tokens:.*$/m, 'tokens: 5');
		const rerun = await submit(
			opened.modal!,
			{ ...(values as Record<string, string>), more_options: more },
			first.original!.message,
			'alan',
			general,
		);
		expect(rerun.original!.message.content).toMatch(/^🔁 \*\*Alan\*\* ran `\/sample` again: `tokens` set to `5`/);

		// /tokenize's encoding has choices: a select menu in a label (spec-checked with the modal), the run's choice
		// selected, every choice offered by its label; choosing GPT-4 there reaches the handler as `gpt-4`.
		const tokens = await command('tokenize', { text: 'Hello world', encoding: 'gpt2' });
		const form = await click(ids(tokens.original!.message)[0]!, tokens.original!.message, 'alan', general);
		const encoding = form.modal!.components.find(
			(c) =>
				c.type === ComponentType.Label &&
				c.component.type === ComponentType.StringSelect &&
				c.component.custom_id === 'encoding',
		);
		expect(encoding).toMatchObject({ type: ComponentType.Label, label: 'encoding' });
		const menu = encoding?.type === ComponentType.Label ? encoding.component : undefined;
		expect(
			menu?.type === ComponentType.StringSelect && menu.options.find((o) => o.label === 'GPT-4 (cl100k_base)'),
		).toEqual({
			label: 'GPT-4 (cl100k_base)',
			value: 'gpt-4',
		});
		expect(formValues(form.modal!).encoding).toBe('gpt2');
		const chosen = await submit(
			form.modal!,
			{ ...(formValues(form.modal!) as Record<string, string>), encoding: 'gpt-4' },
			tokens.original!.message,
			'alan',
			general,
		);
		expect(chosen.original!.message.embeds[0]!.title).toBe('Tokens: gpt-4 (cl100k_base)');
		expect(chosen.original!.message.content).toMatch(/`encoding` `gpt2` → `gpt-4`/);
	}, 120_000);

	it('GIVEN the wrap-up step THEN its button starts week 9’s live quiz in the session’s thread', async () => {
		while (!stepMessage().embeds[0]!.title!.startsWith('🏁 Wrap-up')) {
			const message = stepMessage();
			const shown = message.embeds[0]!.footer!.text;
			await click(ids(message)[1]!, message, 'ada', thread);
			await emulator.waitFor(() => stepMessage().embeds[0]!.footer!.text !== shown, 30_000, 'the next step');
		}
		const wrap = stepMessage();
		const start = ids(wrap).find((id) => id.startsWith('present:quiz:'))!;
		expect(start).toBeDefined();
		const started = await click(start, wrap, 'ada', thread);
		const reply = [started.original, ...started.followUps].find((m) => m && !m.deleted)!;
		expect(reply.ephemeral).toBe(true);
		expect(reply.message.content).toMatch(/^▶️ Live quiz on week 9/);
		await emulator.waitFor(
			() =>
				emulator.world
					.messagesIn(thread)
					.find((m) => m.message.embeds[0]?.title?.startsWith('Live quiz · week 9 · question 1 of')),
			30_000,
			'question 1 in the thread',
		);
	}, 120_000);

	it('GIVEN week 3 (prompt injection) on a bot without an AI tutor THEN its session has a live demo that runs: the injected text as tokens', async () => {
		const started = await command('present', { week: 3 }, 'ada');
		const week3 = /<#(\d+)>/.exec(started.original!.message.content)![1]!;
		const current = () =>
			emulator.world
				.messagesIn(week3)
				.filter((m) => !m.deleted && !m.ephemeral)
				.at(-1)!;
		const first = current().message;
		expect(first.embeds[0]!.fields!.find((f) => f.name === '🧭 How this session runs')!.value).toMatch(/live demo/);
		await click(ids(first)[1]!, first, 'ada', week3);
		const demo = await emulator.waitFor(
			() => (current().message.embeds[0]!.footer?.text.includes('step 2 of') ? current() : undefined),
			30_000,
			'step 2',
		);
		expect(demo.message.embeds[0]!.fields!.find((f) => f.name === '🧪 Live demo')!.value).toContain('/tokenize');
		expect(demo.message.embeds[1]!.title).toBe('Tokens: gpt-4o (o200k_base)');
		expect(demo.files.length).toBeGreaterThan(0);
		expect(demo.message.embeds[0]!.fields!.some((f) => f.name.startsWith('⚠️'))).toBe(false);
	}, 120_000);
});
