import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ComponentType, type APIMessage, type APITextInputComponent } from 'discord-api-types/v10';
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
				[1600, 760],
				[1600, 760],
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
				[1400, 465],
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
				expect(ids(shown).some((id) => id.startsWith('present:rr:'))).toBe(true);
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
});
