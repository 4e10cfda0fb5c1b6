import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createWorkerPool } from '../../src/compute/pool.js';
import { LocalInteractions } from '../../src/local/interactions.js';
import type { LocalMember } from '../../src/local/guild.js';
import type { LocalMessage } from '../../src/local/message.js';
import { LocalWorkspace } from '../../src/local/workspace.js';
import { openStore } from '../../src/storage/store.js';
import { silentLogger } from '../helpers/silent-logger.js';

/** /tokenize and /similarity in the local mode: typed command lines, the real registry and dispatcher, the worker pool. */
describe('/tokenize and /similarity in the local mode', () => {
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
			commands,
			store: await openStore(config.STORE_URL),
			compute: createWorkerPool({ threads: 2 }),
		});
		local = new LocalInteractions(workspace, app);
		ada = workspace.member('Ada')!;
	}, 60_000);
	afterAll(() => app?.close());

	/** The one public message a command left, with its PNG attachments. */
	function answer(messages: LocalMessage[]): LocalMessage {
		expect(messages).toHaveLength(1);
		const message = messages[0]!;
		expect(message.thinking).toBe(false);
		expect(message.visibleTo).toBeNull();
		for (const attachment of message.attachments) {
			expect(attachment.contentType).toBe('image/png');
			expect(attachment.width).toBeGreaterThan(0);
		}
		return message;
	}

	it('GIVEN a typed /tokenize with a Korean sentence compared THEN Ada sees the counts and the chart', async () => {
		const result = await local.command(
			'/tokenize text:GPT-4o는 한국어를 GPT-2보다 적은 토큰으로 나눕니다. encoding:compare',
			ada,
		);
		expect(result.outcome.deferred).toBe(true);
		const message = answer(result.messages);
		expect(message.embeds[0]!.description).toMatch(/^\*\*gpt2\*\* · r50k_base: \*\*\d+ tokens\*\*/);
		expect(message.attachments.map((a) => a.name)).toEqual(['tokens.png']);
	}, 60_000);

	it('GIVEN a typed /similarity analogy THEN Ada sees queen first with its chart', async () => {
		const result = await local.command('/similarity words:king - man + woman', ada);
		const message = answer(result.messages);
		expect(message.embeds[0]!.title).toBe('king − man + woman ≈ queen');
		expect(message.attachments.map((a) => a.name)).toEqual(['similarity-analogy.png']);
	}, 60_000);

	it('GIVEN a typed /similarity map THEN the PCA runs in a worker and Ada sees the map', async () => {
		const result = await local.command('/similarity words:cat dog mode:map', ada);
		const message = answer(result.messages);
		expect(message.embeds[0]!.description).toMatch(/Explained variance: PC1 \*\*[\d.]+%\*\*/);
		expect(message.attachments.map((a) => a.name)).toEqual(['similarity-map.png']);
	}, 60_000);
});
