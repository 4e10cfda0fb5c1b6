import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sample from '../../commands/sample.js';
import { pngSize } from '../../src/charts/index.js';
import { loadConfig } from '../../src/config.js';
import { createWorkerPool } from '../../src/compute/pool.js';
import type { Deps } from '../../src/core/deps.js';
import { LIMITS } from '../../src/core/limits.js';
import type { Reply } from '../../src/core/reply.js';
import { CONTINUE_INSTRUCTION } from '../../src/llm/engines.js';
import { memoryStore, testDeps } from '../helpers/deps.js';
import { startOpenAiServer, testLogprobs, type OpenAiTestServer } from '../helpers/openai-server.js';
import { runForReply } from '../helpers/run-command.js';
import { pct } from '../../src/demos/sample/reply.js';

const embedTotal = (reply: Reply) =>
	reply.embeds!.reduce(
		(s, e) =>
			s +
			(e.title?.length ?? 0) +
			(e.description?.length ?? 0) +
			(e.footer?.text.length ?? 0) +
			(e.fields ?? []).reduce((a, f) => a + f.name.length + f.value.length, 0),
		0,
	);

describe('/sample with our model', () => {
	it('GIVEN no seed THEN a seed is drawn, shown, and repeating it gives the same reply', async () => {
		const first = await runForReply(sample, { prompt: 'To be, or not to be', tokens: 8 });
		const seed = Number(
			/seed (\d+), drawn at random: add `seed:(\d+)` to repeat it/.exec(first.embeds![0]!.description!)![1],
		);
		expect(seed).toBeGreaterThanOrEqual(0);
		const again = await runForReply(sample, { prompt: 'To be, or not to be', tokens: 8, seed });
		const body = (r: Reply) => /\*\*Run 1\*\*[^\n]*\n((?:>[^\n]*\n)+)/.exec(r.embeds![0]!.description!)![1];
		expect(body(again)).toBe(body(first));
		expect(again.embeds![0]!.footer?.text).toContain(`Seed ${seed} → one mulberry32 stream`);
	}, 60_000);

	it('GIVEN temperature 0 THEN it says greedy, uses no seed, and every token had probability 100% after the filter', async () => {
		const reply = await runForReply(sample, { prompt: 'The old prince said', temperature: 0, tokens: 10 });
		const description = reply.embeds![0]!.description!;
		expect(description).toContain('**Temperature 0 = greedy**');
		expect(description).not.toMatch(/seed \d/);
		expect(description.match(/ 100\.0% /g)).toHaveLength(10);
		expect(reply.embeds![0]!.footer?.text).toContain('No random numbers are used, so the seed does not matter.');
	}, 60_000);

	it('GIVEN a temperature so small that the sampler treats it as 0 THEN the reply says greedy too', async () => {
		const reply = await runForReply(sample, { prompt: 'The old prince said', temperature: 1e-320, tokens: 3, seed: 5 });
		expect(reply.embeds![0]!.description).toContain('**Temperature 0 = greedy**');
		expect(reply.embeds![0]!.footer?.text).toContain('No random numbers are used');
	}, 60_000);

	it('GIVEN samples THEN a second embed shows the histogram, and the first three runs are written out', async () => {
		const reply = await runForReply(sample, { prompt: 'The prince said', tokens: 5, samples: 40, seed: 7 });
		expect(reply.embeds!.map((e) => e.title)).toEqual(['tiny-gpt continues your prompt', '40 draws of the next token']);
		expect(reply.embeds![0]!.fields!.map((f) => f.name)).toEqual([
			'Run 2 (numbers 6–10 of the stream)',
			'Run 3 (numbers 11–15 of the stream)',
		]);
		expect(reply.files!.map((f) => f.name)).toEqual(['sample-next.png', 'sample-draws.png', 'sample-draws.csv']);
		expect(reply.embeds![1]!.image?.url).toBe('attachment://sample-draws.png');
		const counts = [...reply.embeds![1]!.description!.matchAll(/ (\d+) × /g)].map((m) => Number(m[1]));
		expect(counts.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(40);
		expect(pngSize(reply.files![1]!.data)).toEqual({ width: 1200, height: 600 });
	}, 60_000);

	it('GIVEN the longest run with every option THEN the reply fits Discord’s limits without being cut', async () => {
		const reply = await runForReply(sample, {
			prompt: 'x'.repeat(10) + ' The old prince said',
			tokens: 50,
			samples: 200,
			temperature: 1.9,
			top_k: 4000,
			top_p: 0.99,
			min_p: 0.001,
			seed: 1,
		});
		for (const e of reply.embeds!) expect(e.description!.length).toBeLessThanOrEqual(LIMITS.embedDescription);
		expect(embedTotal(reply)).toBeLessThanOrEqual(LIMITS.embedTotal);
		expect(reply.embeds![0]!.description!.match(/^ ?\d\d? {2}/gm)).toHaveLength(50);
	}, 120_000);

	it('GIVEN a prompt longer than the context THEN the reply says the model sees its last 128 tokens', async () => {
		const reply = await runForReply(sample, { prompt: 'and the prince said to her, '.repeat(30), tokens: 2, seed: 1 });
		expect(reply.embeds![0]!.description).toMatch(
			/\*\*Prompt\*\* \(\d+ tokens; the model sees the last 128, its context\)/,
		);
	}, 60_000);

	it.each([
		[{ temperature: 2.5 }, '`temperature` must be at most 2.'],
		[{ top_p: 1.5 }, '`top_p` must be at most 1.'],
		[{ tokens: 51 }, '`tokens` must be at most 50.'],
		[{ samples: 201 }, '`samples` must be at most 200.'],
		[{ seed: -1 }, '`seed` must be at least 0.'],
	])('GIVEN %j THEN the range is stated', async (options, message) => {
		await expect(runForReply(sample, { prompt: 'hi', ...options })).rejects.toThrow(message);
	});
});

describe('/sample is reproducible', () => {
	const pool = createWorkerPool({ threads: 1 });
	afterAll(() => pool.close());

	it('GIVEN the same prompt, options and seed THEN two runs and a worker thread give byte-identical replies', async () => {
		const options = {
			prompt: 'The old prince said',
			temperature: 0.9,
			top_p: 0.9,
			tokens: 12,
			samples: 25,
			seed: 2024,
		};
		const a = await runForReply(sample, options);
		const b = await runForReply(sample, options);
		const c = await runForReply(sample, options, { deps: testDeps({ compute: pool }) });
		for (const other of [b, c]) {
			expect(other.embeds).toEqual(a.embeds);
			expect(other.files!.map((f) => f.name)).toEqual(a.files!.map((f) => f.name));
			other.files!.forEach((f, i) => expect(Buffer.compare(f.data, a.files![i]!.data)).toBe(0));
		}
	}, 120_000);
});

describe('/sample engine:openai', () => {
	it('GIVEN no OPENAI_API_KEY THEN the member is told how the operator enables it, and that engine:local works', async () => {
		await expect(runForReply(sample, { prompt: 'hello', engine: 'openai' })).rejects.toMatchObject({
			code: 'sample.openai-not-configured',
			message: expect.stringMatching(/not set up on this bot. Ask an organizer.*`engine:local` \(the default\)/s),
		});
	});

	describe('with a model server', () => {
		let server: OpenAiTestServer;
		let deps: Deps;
		beforeAll(async () => {
			server = await startOpenAiServer();
			const config = loadConfig({
				NODE_ENV: 'test',
				OPENAI_API_KEY: server.apiKey,
				OPENAI_BASE_URL: server.url,
				LLM_DAILY_QUOTA: '5',
			});
			deps = testDeps({ config, store: await memoryStore() });
		});
		afterAll(() => server?.close());

		it('GIVEN a prompt THEN the real model’s top 20 are renormalised, filtered, drawn with the seed and charted, and the quota is shown', async () => {
			const prompt = 'The cat sat on the';
			const reply = await runForReply(sample, { prompt, engine: 'openai', top_k: 5, seed: 3, samples: 30 }, { deps });
			const top = testLogprobs(`${CONTINUE_INSTRUCTION}\n${prompt}`).slice(0, 20);
			const covered = top.reduce((s, t) => s + Math.exp(t.logprob), 0);
			const embed = reply.embeds![0]!;
			expect(embed.title).toBe('gpt-4o-mini: the next token');
			expect(embed.description).toContain(
				`Its top 20 hold ${pct(covered)} of its probability; /sample renormalises them to 100% and applies the filters to those 20. The server itself chose \`${top[0]!.token}\`.`,
			);
			expect(embed.description).toContain('(`tokens` is not used)');
			expect(embed.description).toContain('top-k 5 kept 5 tokens');
			expect(embed.footer?.text).toMatch(
				/Run k \(a continuation, and draw k of the histogram\) starts at number k of the stream\. .* · 4 of 5 tutor requests left today$/,
			);
			expect(reply.files!.map((f) => f.name)).toEqual(['sample-next.png', 'sample-draws.png', 'sample-draws.csv']);
			expect(server.chatRequests().at(-1)).toMatchObject({ max_tokens: 1, logprobs: true, top_logprobs: 20 });
		});

		it('GIVEN the server fails THEN the member gets its message and the request is refunded', async () => {
			const before = (await deps.llm.quota('100000000000000001')).used;
			server.failNext({ kind: 'status', status: 500, route: 'chat' }, 10);
			await expect(runForReply(sample, { prompt: 'x', engine: 'openai' }, { deps })).rejects.toMatchObject({
				code: 'llm.server-error',
			});
			expect((await deps.llm.quota('100000000000000001')).used).toBe(before);
			server.reset();
		});
	});
});
