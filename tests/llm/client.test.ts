import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLlmClient, type LlmClient } from '../../src/llm/client.js';
import { LlmError } from '../../src/llm/errors.js';
import type { RetryNotice } from '../../src/llm/retry.js';
import { defaultReply, startOpenAiServer, type OpenAiTestServer } from '../helpers/openai-server.js';

describe('LLM client against the local OpenAI-compatible server', () => {
	let server: OpenAiTestServer;
	let client: LlmClient;
	const messages = [
		{ role: 'system' as const, content: 'You are a tutor.' },
		{ role: 'user' as const, content: 'What is a token?' },
	];
	const expected = defaultReply({ model: 'test-model', messages });

	beforeAll(async () => {
		server = await startOpenAiServer();
		client = createLlmClient({
			apiKey: server.apiKey,
			baseURL: server.url,
			model: 'test-model',
			embeddingModel: 'test-embed',
			timeoutMs: 400,
			retry: { retries: 2, baseDelayMs: 10, maxRetryAfterMs: 2000 },
		});
	});
	afterAll(() => server.close());
	beforeEach(() => server.reset());

	it('GIVEN a streamed answer THEN text arrives in growing pieces and the whole equals the server’s answer', async () => {
		const seen: string[] = [];
		const result = await client.streamChat({ messages }, { onText: (t) => seen.push(t) });
		expect(result).toEqual({ text: expected, finishReason: 'stop' });
		expect(seen.length).toBe(Math.ceil(expected.length / server.chunkChars));
		seen.forEach((t, i) => expect(expected.startsWith(t) && (i === 0 || t.length > seen[i - 1]!.length)).toBe(true));
		expect(server.chatRequests()[0]).toMatchObject({ model: 'test-model', stream: true, messages });
	});

	it('GIVEN a 429 with Retry-After THEN it waits that long, retries once, and succeeds', async () => {
		server.failNext({ kind: 'status', status: 429, retryAfterSeconds: 0.3 });
		const notices: RetryNotice[] = [];
		const started = Date.now();
		const result = await client.streamChat({ messages }, { onRetry: (n) => void notices.push(n) });
		expect(result.text).toBe(expected);
		expect(Date.now() - started).toBeGreaterThanOrEqual(290);
		expect(notices.map((n) => [n.attempt, n.delayMs, n.error.code])).toEqual([[1, 300, 'llm.rate-limited']]);
		expect(server.chatRequests()).toHaveLength(2);
	});

	it('GIVEN a 429 asking for a wait longer than the cap THEN it does not retry and says when to come back', async () => {
		server.failNext({ kind: 'status', status: 429, retryAfterSeconds: 30 });
		const error = await client.chat({ messages }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(LlmError);
		expect((error as LlmError).message).toMatch(/rate-limiting.*in 30 seconds/);
		expect(server.chatRequests()).toHaveLength(1);
	});

	it('GIVEN three 500s THEN it gives up after two retries with a clear message', async () => {
		server.failNext({ kind: 'status', status: 500 }, 3);
		const error = (await client.chat({ messages }).catch((e: unknown) => e)) as LlmError;
		expect(error.code).toBe('llm.server-error');
		expect(error.message).toMatch(/model server had a problem/);
		expect(server.chatRequests()).toHaveLength(3);
	});

	it('GIVEN a server that never answers THEN the timeout fires and the retry succeeds', async () => {
		server.failNext({ kind: 'hang' });
		const result = await client.chat({ messages });
		expect(result.text).toBe(expected);
		expect(server.chatRequests()).toHaveLength(2);
	});

	it('GIVEN a stream cut in the middle THEN the text restarts from empty and the retry completes', async () => {
		server.failNext({ kind: 'cut', afterChunks: 2 });
		const seen: string[] = [];
		const result = await client.streamChat({ messages }, { onText: (t) => seen.push(t) });
		expect(result.text).toBe(expected);
		expect(seen.slice(0, 3)).toEqual([expected.slice(0, 12), expected.slice(0, 24), '']);
	});

	it('GIVEN a stream that ends without a finish reason, one that stalls, one with malformed JSON and one with an error chunk THEN each is retried', async () => {
		for (const fault of [
			{ kind: 'end-early', afterChunks: 1 },
			{ kind: 'stall', afterChunks: 1 },
			{ kind: 'malformed' },
			{ kind: 'stream-error', afterChunks: 2 },
		] as const) {
			server.reset();
			server.failNext(fault);
			const notices: RetryNotice[] = [];
			const result = await client.streamChat({ messages }, { onRetry: (n) => void notices.push(n) });
			expect(result.text, fault.kind).toBe(expected);
			expect(
				notices.map((n) => n.error.code),
				fault.kind,
			).toEqual([
				{
					'end-early': 'llm.stream-cut',
					'stall': 'llm.timeout',
					'malformed': 'llm.malformed',
					'stream-error': 'llm.stream-error',
				}[fault.kind],
			]);
		}
	});

	it('GIVEN a malformed JSON body THEN it is retried; GIVEN it persists THEN the member hears the answer was garbled', async () => {
		server.failNext({ kind: 'malformed' });
		expect((await client.chat({ messages })).text).toBe(expected);
		server.failNext({ kind: 'malformed' }, 3);
		await expect(client.chat({ messages })).rejects.toMatchObject({ code: 'llm.malformed' });
	});

	it('GIVEN a wrong API key THEN it is not retried and the message names OPENAI_API_KEY', async () => {
		const wrong = createLlmClient({
			apiKey: 'sk-wrong-key-000',
			baseURL: server.url,
			model: 'm',
			embeddingModel: 'e',
			timeoutMs: 1000,
		});
		await expect(wrong.chat({ messages })).rejects.toMatchObject({
			code: 'llm.auth',
			message: expect.stringContaining('OPENAI_API_KEY'),
		});
		expect(server.requests).toHaveLength(1);
	});

	it('GIVEN a JSON request refused with 400 (no response_format support) THEN it is asked again without it', async () => {
		server.failNext({ kind: 'status', status: 400 });
		const result = await client.chat({ messages, json: true });
		expect(result.text).toBe(expected);
		const [first, second] = server.chatRequests();
		expect(first?.response_format).toEqual({ type: 'json_object' });
		expect(second?.response_format).toBeUndefined();
	});

	it('GIVEN a reasoning model that rejects max_tokens and then temperature THEN the client switches to max_completion_tokens and drops temperature, and remembers', async () => {
		const reasoning = createLlmClient({
			apiKey: server.apiKey,
			baseURL: server.url,
			model: 'o-test',
			embeddingModel: 'e',
			timeoutMs: 1000,
			retry: { retries: 0, baseDelayMs: 5, maxRetryAfterMs: 0 },
		});
		server.failNext({
			kind: 'status',
			status: 400,
			body: {
				error: {
					message:
						"Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
					type: 'invalid_request_error',
					param: 'max_tokens',
					code: 'unsupported_parameter',
				},
			},
		});
		server.failNext({
			kind: 'status',
			status: 400,
			body: {
				error: {
					message: "Unsupported value: 'temperature' does not support 0.2 with this model.",
					type: 'invalid_request_error',
					param: 'temperature',
					code: 'unsupported_value',
				},
			},
		});
		const result = await reasoning.streamChat({ messages, maxTokens: 50, temperature: 0.2 });
		expect(result.text).toBe(defaultReply({ model: 'o-test', messages }));
		const bodies = server.chatRequests();
		expect(
			bodies.map((b) => [b.max_tokens, (b as { max_completion_tokens?: number }).max_completion_tokens, b.temperature]),
		).toEqual([
			[50, undefined, 0.2],
			[undefined, 50, 0.2],
			[undefined, 50, undefined],
		]);
		await reasoning.chat({ messages, maxTokens: 10, temperature: 0 });
		expect(server.chatRequests()).toHaveLength(4);
		expect(server.chatRequests()[3]).toMatchObject({ max_completion_tokens: 10 });
		expect(server.chatRequests()[3]!.temperature).toBeUndefined();
	});
});
