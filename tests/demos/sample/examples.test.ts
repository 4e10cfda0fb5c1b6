import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sample from '../../../commands/sample.js';
import { repoRoot } from '../../../src/paths.js';
import { pngSize } from '../../../src/charts/index.js';
import { loadConfig } from '../../../src/config.js';
import { memoryStore, testDeps } from '../../helpers/deps.js';
import { startOpenAiServer, type OpenAiTestServer } from '../../helpers/openai-server.js';
import { runForReply } from '../../helpers/run-command.js';

// The README's /sample charts, drawn by the command itself. Only when asked (and again whenever the weights change):
// `WRITE_DEMO_EXAMPLES=1 npx vitest run tests/demos/sample/examples.test.ts`.
const write = process.env.WRITE_DEMO_EXAMPLES === '1';

const local = [
	[
		'sample-filters.png',
		0,
		{ prompt: 'The old prince said', temperature: 1.2, top_k: 16, top_p: 0.9, min_p: 0.25, seed: 5, tokens: 30 },
	],
	['sample-plain.png', 0, { prompt: 'To be, or not to be', seed: 42, tokens: 30 }],
	['sample-greedy.png', 0, { prompt: 'The old prince said', temperature: 0, tokens: 40 }],
	[
		'sample-draws.png',
		1,
		{ prompt: 'The old prince said', temperature: 0.8, top_p: 0.95, seed: 3, tokens: 20, samples: 200 },
	],
	['sample-beam.png', 0, { prompt: 'The old prince said', strategy: 'beam', width: 4, tokens: 12 }],
] as const;

describe.runIf(write)('README /sample examples', () => {
	let server: OpenAiTestServer;
	beforeAll(async () => {
		server = await startOpenAiServer();
	});
	afterAll(() => server?.close());

	it.each(local)(
		'GIVEN the command THEN docs/%s is its chart number %i',
		async (file, index, options) => {
			const reply = await runForReply(sample, options);
			const png = reply.files![index]!.data;
			expect(pngSize(png)).not.toBeNull();
			writeFileSync(path.join(repoRoot(), 'docs', file), png);
		},
		60_000,
	);

	it('GIVEN engine:openai against the local test server THEN docs/sample-openai.png is its chart (a made-up distribution, named as such)', async () => {
		// No real key here: the test server's hashed distribution stands in, under a model name that says so.
		const config = loadConfig({
			NODE_ENV: 'test',
			OPENAI_API_KEY: server.apiKey,
			OPENAI_BASE_URL: server.url,
			OPENAI_MODEL: 'test-server',
		});
		const reply = await runForReply(
			sample,
			{ prompt: 'The cat sat on the', engine: 'openai', temperature: 0.7, top_p: 0.8, seed: 1 },
			{ deps: testDeps({ config, store: await memoryStore() }) },
		);
		writeFileSync(path.join(repoRoot(), 'docs', 'sample-openai.png'), reply.files![0]!.data);
	}, 60_000);
});
