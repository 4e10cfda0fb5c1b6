import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLlmClient, type LlmClient } from '../../src/llm/client.js';
import {
	CONTINUE_INSTRUCTION,
	openaiNextTokens,
	openaiSentenceSimilarity,
	similarityMatrix,
} from '../../src/llm/engines.js';
import { cosineSimilarity } from '../../src/models/vector-math.js';
import { startOpenAiServer, testEmbedding, testLogprobs, type OpenAiTestServer } from '../helpers/openai-server.js';

describe('engines: the real model behind /sample and /similarity', () => {
	let server: OpenAiTestServer;
	let client: LlmClient;
	beforeAll(async () => {
		server = await startOpenAiServer();
		client = createLlmClient({
			apiKey: server.apiKey,
			baseURL: server.url,
			model: 'lp-model',
			embeddingModel: 'emb-model',
			timeoutMs: 2000,
			retry: { retries: 1, baseDelayMs: 5, maxRetryAfterMs: 1000 },
		});
	});
	afterAll(() => server.close());
	beforeEach(() => server.reset());

	it('GIVEN a prompt THEN the top 20 come from the server’s log-probabilities, as exp(logprob), most probable first', async () => {
		const prompt = 'The cat sat on the';
		const dist = await openaiNextTokens(client, prompt);
		const [request] = server.chatRequests();
		expect(request).toMatchObject({ max_tokens: 1, logprobs: true, top_logprobs: 20 });
		expect(request!.messages).toEqual([
			{ role: 'system', content: CONTINUE_INSTRUCTION },
			{ role: 'user', content: prompt },
		]);
		// The server's distribution is a softmax over its whole vocabulary; recompute it from the same prompt.
		const reference = testLogprobs(`${CONTINUE_INSTRUCTION}\n${prompt}`).slice(0, 20);
		expect(dist.candidates.map((c) => c.token)).toEqual(reference.map((r) => r.token));
		dist.candidates.forEach((c, i) => {
			expect(c.logprob).toBeCloseTo(reference[i]!.logprob, 12);
			expect(c.probability).toBeCloseTo(Math.exp(reference[i]!.logprob), 12);
			expect(c.bytes).toEqual([...Buffer.from(c.token, 'utf8')]);
		});
		expect(dist.covered).toBeCloseTo(
			reference.reduce((s, r) => s + Math.exp(r.logprob), 0),
			12,
		);
		expect(dist.covered).toBeLessThan(1);
		expect(dist.chosen.token).toBe(reference[0]!.token);
		expect(dist.model).toBe('lp-model');
	});

	it('GIVEN a server that returns no log-probabilities, or refuses them with 400 THEN the error says the distribution cannot be shown and why', async () => {
		server.failNext({ kind: 'no-logprobs' });
		await expect(openaiNextTokens(client, 'x')).rejects.toMatchObject({
			code: 'llm.no-logprobs',
			message: expect.stringContaining('did not return log-probabilities'),
		});
		server.failNext({
			kind: 'status',
			status: 400,
			body: { error: { message: 'logprobs are not supported with this model', type: 'invalid_request_error' } },
		});
		await expect(openaiNextTokens(client, 'x')).rejects.toMatchObject({
			code: 'llm.no-logprobs',
			message: expect.stringContaining('refused to return log-probabilities for `lp-model`'),
		});
	});

	it('GIVEN sentences THEN the matrix holds the cosine similarities of the embedding model’s vectors', async () => {
		const texts = ['The cat sat on the mat.', 'A cat was sitting on the mat.', 'Stock markets fell sharply today.'];
		const result = await openaiSentenceSimilarity(client, texts);
		expect(server.requests[0]!.body).toMatchObject({ model: 'emb-model', input: texts, encoding_format: 'float' });
		expect(result.dimensions).toBe(48);
		const reference = texts.map(testEmbedding);
		for (let i = 0; i < 3; i++) {
			for (let j = 0; j < 3; j++) {
				const dot = reference[i]!.reduce((s, x, k) => s + x * reference[j]![k]!, 0);
				expect(result.matrix[i]![j]).toBeCloseTo(dot, 12);
			}
		}
		expect(result.matrix[0]![1]).toBeGreaterThan(result.matrix[0]![2]!);
	});

	it('GIVEN hand-made vectors THEN cosine similarity is the normalised dot product, symmetric, and 0 for a zero vector', () => {
		expect(cosineSimilarity([1, 0], [0, 1])).toBe(0);
		expect(cosineSimilarity([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 15);
		expect(cosineSimilarity([1, 2], [-1, -2])).toBeCloseTo(-1, 15);
		expect(cosineSimilarity([3, 4], [4, 3])).toBeCloseTo(24 / 25, 15);
		expect(cosineSimilarity([0, 0], [1, 1])).toBe(0);
		expect(
			similarityMatrix([
				[3, 4],
				[4, 3],
				[0, 0],
			]),
		).toEqual([
			[1, 24 / 25, 0],
			[24 / 25, 1, 0],
			[0, 0, 0],
		]);
		expect(() => cosineSimilarity([1], [1, 2])).toThrow(/differ in length/);
	});

	it('GIVEN a garbled embeddings body THEN it is retried, then reported as garbled', async () => {
		server.failNext({ kind: 'malformed', route: 'embeddings' }, 2);
		await expect(openaiSentenceSimilarity(client, ['a', 'b'])).rejects.toMatchObject({ code: 'llm.malformed' });
		expect(server.requests).toHaveLength(2);
	});
});
