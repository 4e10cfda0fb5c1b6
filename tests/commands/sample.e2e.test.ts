import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sample from '../../commands/sample.js';
import { createWorkerPool } from '../../src/compute/pool.js';
import type { DiscordBot } from '../../src/discord/start.js';
import { startEmulator, type DiscordEmulator } from '../emulator/index.js';
import type { InteractionOutcome } from '../emulator/interaction-record.js';
import { startBotOnEmulator } from '../helpers/discord-bot.js';
import { startOpenAiServer, type OpenAiTestServer } from '../helpers/openai-server.js';

/**
 * /sample end to end: the real bot logged into the Discord emulator (every body checked against Discord's OpenAPI
 * spec and limits), our model generating in a worker, and engine:openai against a local OpenAI-compatible server.
 */
describe('/sample through the Discord emulator', () => {
	let emulator: DiscordEmulator;
	let bot: DiscordBot;
	let server: OpenAiTestServer;

	beforeAll(async () => {
		server = await startOpenAiServer();
		emulator = await startEmulator({ heartbeatIntervalMs: 1000 });
		// Only this command is registered, so commands other people are still writing cannot break this test.
		bot = await startBotOnEmulator(emulator, {
			compute: createWorkerPool({ threads: 1 }),
			commands: [sample],
			env: { OPENAI_API_KEY: server.apiKey, OPENAI_BASE_URL: server.url },
		});
	}, 60_000);
	afterAll(async () => {
		await bot?.stop();
		await emulator?.stop();
		await server?.close();
	});

	async function run(options: Record<string, string | number>): Promise<InteractionOutcome> {
		const outcome = await emulator
			.dispatchInteraction({ type: 'command', name: 'sample', options, user: 'alan' })
			.answered({ timeoutMs: 90_000, quietMs: 300 });
		expect(outcome.callbacks[0]?.type).toBe(5);
		expect(outcome.timings.firstCallbackMs).toBeLessThan(3000);
		expect(emulator.violations).toEqual([]);
		expect(emulator.unknownRoutes).toEqual([]);
		return outcome;
	}

	/** The embeds' images, each an uploaded PNG of the reply. */
	function images(outcome: InteractionOutcome): { width: number; height: number }[] {
		const message = outcome.original!;
		expect(message.ephemeral).toBe(false);
		const urls = message.message.embeds.map((e) => e.image?.url);
		// Every PNG is an embed's image; other files (samples:N's CSV of every draw) are plain attachments.
		return message.files
			.filter((f) => f.png)
			.map((f) => {
				expect(urls).toContain(message.message.attachments.find((a) => a.filename === f.filename)?.url);
				return f.png!;
			});
	}

	it('GIVEN the longest run with a histogram THEN one spec-valid reply carries both charts', async () => {
		const outcome = await run({
			prompt: 'The old prince said @everyone',
			tokens: 50,
			samples: 200,
			temperature: 1.2,
			top_p: 0.95,
			seed: 9,
		});
		expect(images(outcome)).toEqual([
			{ width: 1200, height: 640 },
			{ width: 1200, height: 600 },
		]);
		expect(outcome.original!.message.embeds[0]!.footer?.text).toContain('Seed 9 → one mulberry32 stream');
		expect(outcome.original!.files.map((f) => f.filename)).toContain('sample-draws.csv');
		expect(outcome.original!.pinged).toEqual({ users: [], roles: [], everyone: false });
	}, 120_000);

	it('GIVEN the same options twice THEN the two messages are the same', async () => {
		const options = { prompt: 'To be, or not to be', tokens: 10, seed: 42, top_k: 20 };
		const a = await run(options);
		const b = await run(options);
		// Attachment URLs differ from message to message; everything else must not.
		const text = (o: InteractionOutcome) => o.original!.message.embeds.map(({ image: _, ...rest }) => rest);
		expect(text(b)).toEqual(text(a));
		expect(Buffer.compare(Buffer.from(b.original!.files[0]!.bytes), Buffer.from(a.original!.files[0]!.bytes))).toBe(0);
	}, 120_000);

	it('GIVEN engine:openai THEN the real model’s top 20 are charted in a spec-valid reply', async () => {
		const outcome = await run({ prompt: 'The cat sat on the', engine: 'openai', top_p: 0.8, seed: 1 });
		expect(outcome.original!.message.embeds[0]!.title).toBe('gpt-4o-mini: the next token');
		expect(images(outcome)).toHaveLength(1);
	}, 60_000);
});
