import { createCanvas } from '@napi-rs/canvas';
import { ApplicationCommandOptionType as T, ButtonStyle, ComponentType } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands as allCommands } from '../../commands/index.js';
import { defineCommand } from '../../src/core/command.js';
import { customId } from '../../src/core/custom-id.js';
import { UserError } from '../../src/core/errors.js';
import type { DiscordBot } from '../../src/discord/start.js';
import { EmulatorRoutes, startEmulator, type DiscordEmulator } from '../emulator/index.js';
import { startBotOnEmulator } from '../helpers/discord-bot.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Commands that exercise the transport's paths: slow, failing, PNG, buttons. */
const testCommands = [
	defineCommand({
		data: { name: 'slow', description: 'Takes longer than Discord’s 3 s window' },
		async run() {
			await sleep(3500);
			return { content: 'finally done' };
		},
	}),
	defineCommand({
		data: { name: 'boom', description: 'Fails unexpectedly' },
		run() {
			throw new Error('database exploded');
		},
	}),
	defineCommand({
		data: { name: 'oops', description: 'Fails in an expected way' },
		run() {
			throw new UserError('That week does not exist.');
		},
	}),
	defineCommand({
		data: {
			name: 'chart',
			description: 'Replies with a PNG and a button',
			options: [{ type: T.Integer, name: 'width', description: 'Width', min_value: 10, max_value: 400 }],
		},
		defer: true,
		run({ args }) {
			const canvas = createCanvas(args.width ?? 120, 60);
			canvas.getContext('2d').fillRect(0, 0, 10, 10);
			return {
				content: 'Here is a chart, @everyone',
				embeds: [{ title: 'Chart', image: { url: 'attachment://chart.png' } }],
				files: [{ name: 'chart.png', data: canvas.toBuffer('image/png'), description: 'A test chart' }],
				components: [
					{
						type: ComponentType.ActionRow,
						components: [
							{
								type: ComponentType.Button,
								style: ButtonStyle.Primary,
								label: 'Again',
								custom_id: customId('chart', 'again', 7),
							},
						],
					},
				],
			};
		},
		components: {
			again: { run: ({ args }) => ({ content: `again ${args[0]}`, update: true }) },
		},
	}),
];

describe('Discord transport through the emulator', () => {
	let emulator: DiscordEmulator;
	let bot: DiscordBot;

	beforeAll(async () => {
		emulator = await startEmulator({ heartbeatIntervalMs: 1000 });
		bot = await startBotOnEmulator(emulator, { commands: [...allCommands, ...testCommands] });
	});
	afterAll(async () => {
		await bot?.stop();
		await emulator?.stop();
	});

	it('GIVEN /help THEN the member gets a spec-valid ephemeral embed within 3 s', async () => {
		const outcome = await emulator.dispatchInteraction({ type: 'command', name: 'help', user: 'alan' }).answered();
		expect(outcome.original?.ephemeral).toBe(true);
		expect(outcome.original?.message.embeds[0]?.title).toBe('LLM Study Bot');
		expect(outcome.timings.firstCallbackMs).toBeLessThan(3000);
		expect(emulator.violations).toEqual([]);
	});

	it('GIVEN a handler slower than 3 s THEN it is deferred in time and the answer arrives by edit', async () => {
		const outcome = await emulator
			.dispatchInteraction({ type: 'command', name: 'slow' })
			.answered({ timeoutMs: 10_000 });
		expect(outcome.callbacks[0]?.type).toBe(5);
		expect(outcome.callbacks[0]!.atMs).toBeLessThan(3000);
		expect(outcome.original?.message.content).toBe('finally done');
	});

	it('GIVEN a handler that throws THEN the member gets an ephemeral apology with a reference id', async () => {
		const outcome = await emulator.dispatchInteraction({ type: 'command', name: 'boom' }).answered();
		expect(outcome.original?.ephemeral).toBe(true);
		expect(outcome.original?.message.content).toMatch(/^❌ Sorry.*reference `[0-9a-f]{8}`/);
	});

	it('GIVEN a deferred command that fails with a UserError THEN the thinking message is removed and the ❌ is ephemeral', async () => {
		const outcome = await emulator
			.dispatchInteraction({ type: 'command', name: 'chart', options: { width: 5000 } })
			.answered();
		expect(outcome.original?.deleted).toBe(true);
		expect(outcome.followUps).toHaveLength(1);
		expect(outcome.followUps[0]).toMatchObject({
			ephemeral: true,
			message: { content: expect.stringMatching(/^❌ `width` must be at most 400/) },
		});
	});

	it('GIVEN a UserError THEN the member sees its message, ephemeral, with ❌', async () => {
		const outcome = await emulator.dispatchInteraction({ type: 'command', name: 'oops' }).answered();
		expect(outcome.original).toMatchObject({ ephemeral: true, message: { content: '❌ That week does not exist.' } });
	});

	it('GIVEN a deferred reply with a PNG THEN the file arrives with its size and nobody is pinged', async () => {
		const outcome = await emulator
			.dispatchInteraction({ type: 'command', name: 'chart', options: { width: 321 } })
			.answered();
		expect(outcome.original?.files[0]?.png).toEqual({ width: 321, height: 60 });
		expect(outcome.original?.pinged).toEqual({ users: [], roles: [], everyone: false });
		expect(emulator.violations).toEqual([]);
	});

	it('GIVEN a click on the reply’s button THEN the handler updates that message', async () => {
		const first = await emulator.dispatchInteraction({ type: 'command', name: 'chart' }).answered();
		const click = await emulator
			.dispatchInteraction({ type: 'button', customId: 'chart:again:7', message: first.original!.message })
			.answered();
		expect(click.callbacks[0]?.type).toBe(7);
		expect(click.original?.message.content).toBe('again 7');
	});

	it('GIVEN a 429 on the reply THEN discord.js retries and the reply arrives', async () => {
		emulator.faults.failNext({ route: EmulatorRoutes.interactionCallback, status: 429, retryAfterMs: 300 });
		const outcome = await emulator.dispatchInteraction({ type: 'command', name: 'help' }).answered();
		expect(outcome.original?.message.embeds[0]?.title).toBe('LLM Study Bot');
		expect(outcome.errors).toEqual([]);
	});

	it('GIVEN the gateway closes and an interaction is dispatched while it reconnects THEN it is answered after RESUME', async () => {
		emulator.closeShard(0, 4000);
		const handle = emulator.dispatchInteraction({ type: 'command', name: 'oops' });
		const outcome = await handle.answered({ timeoutMs: 10_000 });
		expect(outcome.delivered).toBe(true);
		expect(outcome.original?.message.content).toBe('❌ That week does not exist.');
	});

	it('GIVEN autocomplete on /help THEN matching commands are offered', async () => {
		const outcome = await emulator
			.dispatchInteraction({ type: 'autocomplete', name: 'help', options: { command: 'ab' }, focused: 'command' })
			.answered();
		expect(outcome.choices?.map((c) => c.value)).toEqual(['about']);
	});

	it('GIVEN everything above THEN no body broke the spec and no unknown route was called', () => {
		expect(emulator.violations).toEqual([]);
		expect(emulator.unknownRoutes).toEqual([]);
	});
});
