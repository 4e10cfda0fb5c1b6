import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import attention from '../../commands/attention.js';
import sample from '../../commands/sample.js';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createWorkerPool } from '../../src/compute/pool.js';
import { LocalInteractions } from '../../src/local/interactions.js';
import type { LocalMember } from '../../src/local/guild.js';
import type { LocalMessage } from '../../src/local/message.js';
import { LocalWorkspace } from '../../src/local/workspace.js';
import { openStore } from '../../src/storage/store.js';
import { silentLogger } from '../helpers/silent-logger.js';

/** /attention and /sample in the local mode (one app for both): typed command lines, the real dispatcher, the worker pool. */
describe('/attention and /sample in the local mode', () => {
	let app: App;
	let local: LocalInteractions;
	let ada: LocalMember;
	beforeAll(async () => {
		const workspace = new LocalWorkspace();
		const config = loadConfig({ STORE_URL: 'sqlite://:memory:', NODE_ENV: 'test' });
		app = await createApp({
			config,
			log: silentLogger,
			poster: workspace.poster,
			commands: [attention, sample],
			store: await openStore(config.STORE_URL),
			compute: createWorkerPool({ threads: 1 }),
		});
		local = new LocalInteractions(workspace, app);
		ada = workspace.member('Ada')!;
	}, 60_000);
	afterAll(() => app?.close());

	/** The one public message a command left. */
	function answer(messages: LocalMessage[]): LocalMessage {
		expect(messages).toHaveLength(1);
		const message = messages[0]!;
		expect(message.thinking).toBe(false);
		expect(message.visibleTo).toBeNull();
		return message;
	}

	it('GIVEN a typed /attention view:steps THEN Ada sees the walk-through, three charts each in its embed, and the CSV', async () => {
		const result = await local.command(
			'/attention text:To be, or not to be, that is the question layer:1 head:1 view:steps',
			ada,
		);
		expect(result.outcome.deferred).toBe(true);
		const message = answer(result.messages);
		expect(message.embeds[0]!.title).toBe('Attention step by step: layer 1, head 1');
		expect(message.embeds[0]!.description).toContain('**Check the last row by hand:**');
		expect(message.embeds.map((e) => e.title)).toEqual([
			'Attention step by step: layer 1, head 1',
			'③ Causal mask and ④ softmax',
			'V and ⑤ weights · V',
		]);
		expect(message.attachments.map((a) => [a.name, a.contentType])).toEqual([
			['attention-steps-scores.png', 'image/png'],
			['attention-steps-softmax.png', 'image/png'],
			['attention-steps-output.png', 'image/png'],
			['attention-steps.csv', 'text/csv; charset=utf-8'],
		]);
		expect(message.attachments.slice(0, 3).map((a) => a.width)).toEqual([1200, 1200, 1200]);
	}, 60_000);

	it('GIVEN a typed /attention view:heads THEN Ada sees every head of the layer', async () => {
		const message = answer(
			(await local.command('/attention text:the dog bites the man layer:1 view:heads', ada)).messages,
		);
		expect(message.embeds[0]!.title).toBe('Attention: all 4 heads of layer 1');
		expect(message.attachments.map((a) => a.name)).toEqual(['attention-heads.png']);
	}, 60_000);

	it('GIVEN a typed /sample with samples THEN Ada sees the text, the seed and both charts', async () => {
		const message = answer(
			(await local.command('/sample prompt:The prince said temperature:1 tokens:30 samples:3 seed:7', ada)).messages,
		);
		expect(message.embeds.map((e) => e.title)).toEqual(['tiny-gpt continues your prompt', '3 draws of the next token']);
		expect(message.embeds[0]!.description).toContain('**Run 1**: 30 tokens, seed 7');
		expect(message.attachments.map((a) => a.name)).toEqual(['sample-next.png', 'sample-draws.png', 'sample-draws.csv']);
	}, 60_000);
});
