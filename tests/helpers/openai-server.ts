import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A local OpenAI-compatible server for tests (node:http on 127.0.0.1, never the internet): chat completions with
 * and without SSE streaming, log-probabilities, embeddings, and injected failures. Its answers are deterministic
 * functions of the request, so a test can compute what the bot should show.
 */

export interface ChatMessageIn {
	role: string;
	content: string;
}

export interface ChatRequestBody {
	model: string;
	messages: ChatMessageIn[];
	stream?: boolean;
	max_tokens?: number;
	temperature?: number;
	logprobs?: boolean;
	top_logprobs?: number;
	response_format?: { type: string };
}

export interface RecordedRequest {
	method: string;
	path: string;
	authorization: string | undefined;
	body: unknown;
	at: number;
}

/** Failures a test can queue; each applies to the next request on its route (default: any route). */
export type Fault = (
	| { kind: 'status'; status: number; retryAfterSeconds?: number; retryAfterMs?: number; body?: unknown }
	/** Never answer (the client's timeout must fire). */
	| { kind: 'hang' }
	/** Send `afterChunks` stream chunks, then destroy the socket. */
	| { kind: 'cut'; afterChunks: number }
	/** Send `afterChunks` chunks, then close cleanly without a finish reason or [DONE]. */
	| { kind: 'end-early'; afterChunks: number }
	/** Send `afterChunks` chunks, then go silent (the idle watchdog must fire). */
	| { kind: 'stall'; afterChunks: number }
	/** A stream chunk (or a whole body) that is not JSON. */
	| { kind: 'malformed' }
	/** An `{"error": …}` object in the middle of a stream. */
	| { kind: 'stream-error'; afterChunks: number }
	/** Answer without `logprobs` (as servers that do not support them do). */
	| { kind: 'no-logprobs' }
) & { route?: 'chat' | 'embeddings' };

/** Decides the assistant's text for a chat request; return undefined for the default echo. */
export type ReplyScript = (request: ChatRequestBody) => string | undefined;

export interface OpenAiTestServer {
	/** The base URL to give the client, ending in `/v1`. */
	readonly url: string;
	readonly apiKey: string;
	readonly requests: RecordedRequest[];
	/** Chat requests only, in order. */
	chatRequests(): ChatRequestBody[];
	failNext(fault: Fault, count?: number): void;
	script: ReplyScript | undefined;
	/** Milliseconds between stream chunks. */
	chunkDelayMs: number;
	/** Characters per stream chunk. */
	chunkChars: number;
	reset(): void;
	close(): Promise<void>;
}

/** FNV-1a, 32-bit: a stable hash for deterministic outputs. */
export function fnv1a(text: string): number {
	let h = 0x811c9dc5;
	for (const byte of Buffer.from(text, 'utf8')) {
		h ^= byte;
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h;
}

export const EMBEDDING_DIMS = 48;

/** The server's embedding: counts of hashed character trigrams, L2-normalised (similar texts share trigrams). */
export function testEmbedding(text: string): number[] {
	const v = new Array<number>(EMBEDDING_DIMS).fill(0);
	const padded = ` ${text.toLowerCase()} `;
	for (let i = 0; i + 3 <= padded.length; i++) v[fnv1a(padded.slice(i, i + 3)) % EMBEDDING_DIMS]! += 1;
	const norm = Math.hypot(...v) || 1;
	return v.map((x) => x / norm);
}

const VOCAB = [
	' the',
	' a',
	' model',
	' token',
	' next',
	',',
	'.',
	' and',
	' of',
	' to',
	' is',
	' in',
	' it',
	' that',
	' we',
	' you',
	' text',
	' word',
	' cat',
	' sat',
	' on',
	' mat',
	'\n',
	' LLM',
	' attention',
];

/** The server's next-token distribution: a softmax over logits hashed from the prompt and each candidate. */
export function testLogprobs(prompt: string): { token: string; logprob: number }[] {
	const words = [
		...new Set(
			prompt
				.split(/\s+/)
				.filter(Boolean)
				.map((w) => ` ${w}`),
		),
	];
	const vocab = [...new Set([...VOCAB, ...words])];
	const logits = vocab.map((token) => ((fnv1a(`${prompt}\u0000${token}`) % 10_000) / 10_000) * 8 - 4);
	const max = Math.max(...logits);
	const logZ = max + Math.log(logits.reduce((s, l) => s + Math.exp(l - max), 0));
	return vocab
		.map((token, i) => ({ token, logprob: logits[i]! - logZ }))
		.sort((a, b) => b.logprob - a.logprob || (a.token < b.token ? -1 : 1));
}

/** The default answer: echoes the last user message and says how much context came with it. */
export function defaultReply(request: ChatRequestBody): string {
	const messages = request.messages ?? [];
	const lastUser = [...messages].reverse().find((m) => m.role === 'user')?.content ?? '';
	const system = messages.filter((m) => m.role === 'system').reduce((n, m) => n + m.content.length, 0);
	return `Echo: ${lastUser.slice(0, 300)} [${messages.length} messages, ${system} system characters, model ${request.model}]`;
}

function readBody(req: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const parts: Buffer[] = [];
		req.on('data', (part: Buffer) => parts.push(part));
		req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
		req.on('error', reject);
	});
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts the server on a free port of 127.0.0.1. */
export async function startOpenAiServer(options: { apiKey?: string } = {}): Promise<OpenAiTestServer> {
	const apiKey = options.apiKey ?? 'sk-test-0123456789';
	const requests: RecordedRequest[] = [];
	let faults: Fault[] = [];
	const sockets = new Set<Socket>();
	let counter = 0;

	const takeFault = (route: 'chat' | 'embeddings'): Fault | undefined => {
		const index = faults.findIndex((f) => f.route === undefined || f.route === route);
		if (index < 0) return undefined;
		return faults.splice(index, 1)[0];
	};

	const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
		res.writeHead(status, { 'content-type': 'application/json', ...headers });
		res.end(JSON.stringify(body));
	};

	const statusFault = (res: ServerResponse, fault: Extract<Fault, { kind: 'status' }>) => {
		const headers: Record<string, string> = {};
		if (fault.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds);
		if (fault.retryAfterMs !== undefined) headers['retry-after-ms'] = String(fault.retryAfterMs);
		json(
			res,
			fault.status,
			fault.body ?? { error: { message: `injected ${fault.status}`, type: 'test_error', code: null } },
			headers,
		);
	};

	const chat = async (res: ServerResponse, body: ChatRequestBody, fault: Fault | undefined) => {
		const id = `chatcmpl-${++counter}`;
		const created = Math.floor(Date.now() / 1000);
		if (body.logprobs) {
			const prompt = body.messages.map((m) => m.content).join('\n');
			const ranked = testLogprobs(prompt);
			const top = ranked
				.slice(0, body.top_logprobs ?? 0)
				.map((t) => ({ ...t, bytes: [...Buffer.from(t.token, 'utf8')] }));
			const chosen = top[0] ?? { ...ranked[0]!, bytes: [...Buffer.from(ranked[0]!.token, 'utf8')] };
			const logprobs = fault?.kind === 'no-logprobs' ? null : { content: [{ ...chosen, top_logprobs: top }] };
			json(res, 200, {
				id,
				object: 'chat.completion',
				created,
				model: body.model,
				choices: [
					{ index: 0, message: { role: 'assistant', content: chosen.token }, finish_reason: 'length', logprobs },
				],
			});
			return;
		}
		const text = server.script?.(body) ?? defaultReply(body);
		if (!body.stream) {
			if (fault?.kind === 'malformed') {
				res.writeHead(200, { 'content-type': 'application/json' });
				res.end('{"id": "broken", "choices": [');
				return;
			}
			json(res, 200, {
				id,
				object: 'chat.completion',
				created,
				model: body.model,
				choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop', logprobs: null }],
			});
			return;
		}
		res.writeHead(200, {
			'content-type': 'text/event-stream',
			'cache-control': 'no-cache',
			'connection': 'keep-alive',
		});
		const send = (data: unknown) => res.write(`data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`);
		const chunk = (delta: object, finish: string | null) => ({
			id,
			object: 'chat.completion.chunk',
			created,
			model: body.model,
			choices: [{ index: 0, delta, finish_reason: finish }],
		});
		const pieces: string[] = [];
		for (let i = 0; i < text.length; i += server.chunkChars) pieces.push(text.slice(i, i + server.chunkChars));
		send(chunk({ role: 'assistant', content: '' }, null));
		for (const [i, piece] of pieces.entries()) {
			if (fault && 'afterChunks' in fault && i === fault.afterChunks) {
				if (fault.kind === 'cut') {
					res.socket?.destroy();
					return;
				}
				if (fault.kind === 'end-early') {
					res.end();
					return;
				}
				if (fault.kind === 'stall') return; // the socket stays open until the client gives up
				if (fault.kind === 'stream-error') {
					send({ error: { message: 'injected mid-stream error', type: 'server_error' } });
					res.end();
					return;
				}
			}
			if (fault?.kind === 'malformed' && i === 1) {
				send('{"id": "broken", "choices": [{"delta": {"content": "oops"');
				res.end();
				return;
			}
			send(chunk({ content: piece }, null));
			if (server.chunkDelayMs > 0) await sleep(server.chunkDelayMs);
			if (res.destroyed) return;
		}
		send(chunk({}, 'stop'));
		send('[DONE]');
		res.end();
	};

	const embeddings = (
		res: ServerResponse,
		body: { model: string; input: string | string[] },
		fault: Fault | undefined,
	) => {
		if (fault?.kind === 'malformed') {
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end('{"data": [{"embedding": [0.1, ');
			return;
		}
		const inputs = Array.isArray(body.input) ? body.input : [body.input];
		json(res, 200, {
			object: 'list',
			model: body.model,
			data: inputs.map((text, index) => ({ object: 'embedding', index, embedding: testEmbedding(text) })),
			usage: { prompt_tokens: 0, total_tokens: 0 },
		});
	};

	const http = createServer((req, res) => {
		void (async () => {
			const raw = await readBody(req);
			const path = (req.url ?? '').split('?')[0] ?? '';
			let body: unknown;
			try {
				body = raw ? JSON.parse(raw) : undefined;
			} catch {
				json(res, 400, { error: { message: 'invalid JSON body', type: 'invalid_request_error' } });
				return;
			}
			requests.push({ method: req.method ?? '', path, authorization: req.headers.authorization, body, at: Date.now() });
			if (req.headers.authorization !== `Bearer ${apiKey}`) {
				json(res, 401, {
					error: { message: 'Incorrect API key provided', type: 'invalid_request_error', code: 'invalid_api_key' },
				});
				return;
			}
			const route = path.endsWith('/chat/completions')
				? 'chat'
				: path.endsWith('/embeddings')
					? 'embeddings'
					: undefined;
			if (req.method !== 'POST' || !route) {
				json(res, 404, { error: { message: `no route ${req.method} ${path}`, type: 'invalid_request_error' } });
				return;
			}
			const fault = takeFault(route);
			if (fault?.kind === 'status') return statusFault(res, fault);
			if (fault?.kind === 'hang') return;
			if (route === 'chat') await chat(res, body as ChatRequestBody, fault);
			else embeddings(res, body as { model: string; input: string | string[] }, fault);
		})().catch((error: unknown) => {
			if (!res.headersSent) json(res, 500, { error: { message: String(error), type: 'server_error' } });
			else res.destroy();
		});
	});
	http.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
	const { port } = http.address() as AddressInfo;

	const server: OpenAiTestServer = {
		url: `http://127.0.0.1:${port}/v1`,
		apiKey,
		requests,
		chatRequests: () =>
			requests.filter((r) => r.path.endsWith('/chat/completions')).map((r) => r.body as ChatRequestBody),
		failNext: (fault, count = 1) => {
			for (let i = 0; i < count; i++) faults.push(fault);
		},
		script: undefined,
		chunkDelayMs: 2,
		chunkChars: 12,
		reset: () => {
			requests.length = 0;
			faults = [];
			server.script = undefined;
			server.chunkDelayMs = 2;
			server.chunkChars = 12;
		},
		close: async () => {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => http.close(() => resolve()));
		},
	};
	return server;
}
