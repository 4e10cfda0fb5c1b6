import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkerPool } from '../../src/compute/pool.js';
import type { DiscordBot } from '../../src/discord/start.js';
import { startEmulator, type DiscordEmulator } from '../emulator/index.js';
import type { InteractionOutcome } from '../emulator/interaction-record.js';
import { startBotOnEmulator } from '../helpers/discord-bot.js';

/**
 * /tokenize and /similarity end to end: the real bot (discord.js, the dispatcher, the worker pool) logged into the
 * Discord emulator, which checks every body against Discord's OpenAPI spec and its limits.
 */
describe('/tokenize and /similarity through the Discord emulator', () => {
	let emulator: DiscordEmulator;
	let bot: DiscordBot;

	beforeAll(async () => {
		emulator = await startEmulator({ heartbeatIntervalMs: 1000 });
		bot = await startBotOnEmulator(emulator, { compute: createWorkerPool({ threads: 2 }) });
	}, 60_000);
	afterAll(async () => {
		await bot?.stop();
		await emulator?.stop();
	});

	async function run(name: string, options: Record<string, string>): Promise<InteractionOutcome> {
		const outcome = await emulator
			.dispatchInteraction({ type: 'command', name, options, user: 'alan' })
			.answered({ timeoutMs: 30_000, quietMs: 300 });
		// Deferred at once (type 5), well inside Discord's 3 s window, whatever the first use costs.
		expect(outcome.callbacks[0]?.type).toBe(5);
		expect(outcome.timings.firstCallbackMs).toBeLessThan(3000);
		expect(emulator.violations).toEqual([]);
		expect(emulator.unknownRoutes).toEqual([]);
		return outcome;
	}

	/** The reply's PNGs, each shown as an embed's image (Discord resolves `attachment://name` to the file's URL). */
	function charts(outcome: InteractionOutcome): { width: number; height: number }[] {
		const message = outcome.original!;
		expect(message.ephemeral).toBe(false);
		expect(message.files.length).toBeGreaterThan(0);
		const images = message.message.embeds.map((e) => e.image?.url);
		return message.files.map((f) => {
			const attachment = message.message.attachments.find((a) => a.filename === f.filename);
			expect(images).toContain(attachment?.url);
			expect(f.png).not.toBeNull();
			return f.png!;
		});
	}

	/**
	 * The ❌ text a deferred (public) interaction ends with. The dispatcher deletes the "thinking…" message and sends
	 * the error as an ephemeral follow-up; the emulator lets that first follow-up replace the deleted loading message
	 * (see its `followUp`), so the text is looked for in either place and its visibility is not asserted here.
	 */
	function errorText(outcome: InteractionOutcome): string {
		const message = outcome.followUps[0] ?? outcome.original;
		return message?.message.content ?? '';
	}

	it('GIVEN /tokenize with encoding:compare show:ids THEN one spec-valid deferred reply carries the chart and the id lists', async () => {
		const outcome = await run('tokenize', {
			text: 'Hello 안녕하세요 🙂 @everyone <@&1> done',
			encoding: 'compare',
			show: 'ids',
		});
		const embed = outcome.original!.message.embeds[0]!;
		expect(embed.title).toBe('Tokens: gpt2, gpt-4, gpt-4o compared');
		expect(embed.fields?.map((f) => f.name)).toEqual(['gpt2 ids', 'gpt-4 ids', 'gpt-4o ids']);
		// Token strips scale with their content, between 560 and 1200 pixels wide (docs/display-standard.md).
		expect(charts(outcome)[0]!.width).toBeGreaterThanOrEqual(560);
		expect(charts(outcome)[0]!.width).toBeLessThanOrEqual(1200);
		expect(outcome.original!.pinged).toEqual({ users: [], roles: [], everyone: false });
	}, 60_000);

	it('GIVEN /tokenize with show:bytes on hostile text THEN the reply is spec-valid and pings nobody', async () => {
		const text = '\u202e\u0000\u001b[2J \ud83d\u200d\u200b\ufeff @everyone ' + '👩‍👩‍👧'.repeat(500);
		const outcome = await run('tokenize', { text, show: 'bytes' });
		expect(outcome.original!.message.embeds[0]!.description).toContain('1 lone surrogate');
		expect(charts(outcome)).toHaveLength(1);
		expect(outcome.original!.pinged).toEqual({ users: [], roles: [], everyone: false });
	}, 60_000);

	it('GIVEN /tokenize with 4,001 characters THEN a ❌ message says how long it is', async () => {
		const outcome = await run('tokenize', { text: 'a'.repeat(4001) });
		expect(errorText(outcome)).toContain('Your text has 4,001 characters; /tokenize takes up to 4,000.');
	});

	it.each([
		['pair', 'king queen', 1],
		['matrix', 'king queen man woman apple', 1],
		['neighbors', 'king frog computer', 3],
		['map', 'king frog', 1],
		['analogy', 'king - man + woman', 1],
	])(
		'GIVEN /similarity mode:%s THEN a spec-valid deferred reply carries its chart(s)',
		async (mode, words, count) => {
			const outcome = await run('similarity', { words, mode });
			expect(charts(outcome)).toHaveLength(count);
		},
		60_000,
	);

	it('GIVEN /similarity with a misspelled word THEN a ❌ message names it and suggests spellings', async () => {
		const outcome = await run('similarity', { words: 'kingg queen' });
		expect(errorText(outcome)).toMatch(/^❌ `kingg` is not in the vocabulary\. Did you mean `king`/);
	});
});
