import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import attention from '../../commands/attention.js';
import { createWorkerPool } from '../../src/compute/pool.js';
import type { DiscordBot } from '../../src/discord/start.js';
import { startEmulator, type DiscordEmulator } from '../emulator/index.js';
import type { InteractionOutcome } from '../emulator/interaction-record.js';
import { startBotOnEmulator } from '../helpers/discord-bot.js';

/**
 * /attention end to end: the real bot (discord.js, the dispatcher, the worker pool that loads our model) logged into
 * the Discord emulator, which checks every body against Discord's OpenAPI spec and its limits.
 */
describe('/attention through the Discord emulator', () => {
	let emulator: DiscordEmulator;
	let bot: DiscordBot;

	beforeAll(async () => {
		emulator = await startEmulator({ heartbeatIntervalMs: 1000 });
		// Only this command is registered, so commands other people are still writing cannot break this test.
		bot = await startBotOnEmulator(emulator, { compute: createWorkerPool({ threads: 1 }), commands: [attention] });
	}, 60_000);
	afterAll(async () => {
		await bot?.stop();
		await emulator?.stop();
	});

	async function run(options: Record<string, string | number>): Promise<InteractionOutcome> {
		const outcome = await emulator
			.dispatchInteraction({ type: 'command', name: 'attention', options, user: 'alan' })
			.answered({ timeoutMs: 60_000, quietMs: 300 });
		expect(outcome.callbacks[0]?.type).toBe(5);
		expect(outcome.timings.firstCallbackMs).toBeLessThan(3000);
		expect(emulator.violations).toEqual([]);
		expect(emulator.unknownRoutes).toEqual([]);
		return outcome;
	}

	it.each([
		['head', {}, ['attention-head.png'], 1000],
		['heads', { layer: 2 }, ['attention-heads.png'], 1200],
		[
			'steps',
			{ layer: 1, head: 2 },
			[
				'attention-steps-scores.png',
				'attention-steps-softmax.png',
				'attention-steps-output.png',
				'attention-steps.csv',
			],
			1200,
		],
	] as const)(
		'GIVEN view:%s THEN one spec-valid deferred reply carries each chart as an embed’s image',
		async (view, extra, files, width) => {
			const outcome = await run({ text: 'The old prince said to Natasha that she was late', view, ...extra });
			const message = outcome.original!;
			expect(message.ephemeral).toBe(false);
			expect(message.files.map((f) => f.filename)).toEqual(files);
			// Each chart is its own embed's image, in order (the steps view has three).
			const pngs = message.files.filter((f) => f.filename.endsWith('.png'));
			expect(message.message.embeds).toHaveLength(pngs.length);
			pngs.forEach((png, i) => {
				expect(png.png?.width).toBe(width);
				const attachment = message.message.attachments.find((a) => a.filename === png.filename);
				expect(message.message.embeds[i]!.image?.url).toBe(attachment?.url);
			});
			expect(message.pinged).toEqual({ users: [], roles: [], everyone: false });
		},
		90_000,
	);

	it('GIVEN a text of 70 tokens THEN a ❌ message says how many tokens it has', async () => {
		const outcome = await run({ text: 'The old prince said to Natasha that she was late. '.repeat(7) });
		const message = outcome.followUps[0] ?? outcome.original;
		expect(message?.message.content).toMatch(
			/^❌ Your text is \d+ tokens long for our model's tokenizer; \/attention draws up to 64 tokens/,
		);
	}, 90_000);

	it('GIVEN autocomplete on head THEN Discord gets the heads counted from 1', async () => {
		const outcome = await emulator
			.dispatchInteraction({
				type: 'autocomplete',
				name: 'attention',
				options: { text: 'x', head: '' },
				focused: 'head',
			})
			.answered();
		expect(outcome.choices).toEqual([1, 2, 3, 4].map((n) => ({ name: `Head ${n} of 4`, value: n })));
		expect(emulator.violations).toEqual([]);
	});
});
