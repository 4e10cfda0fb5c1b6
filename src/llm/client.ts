import OpenAI, { APIError } from 'openai';
import { LlmError, StreamCutError, StreamIdleError, toLlmError } from './errors.js';
import { DEFAULT_RETRY, withRetry, type RetryNotice, type RetryPolicy } from './retry.js';

export type ChatRole = 'system' | 'user' | 'assistant';

export interface ChatMessage {
	role: ChatRole;
	content: string;
}

export interface ChatRequest {
	messages: ChatMessage[];
	maxTokens?: number;
	temperature?: number;
	/** Ask for a JSON object (`response_format: json_object`); servers that refuse it are asked again without. */
	json?: boolean;
}

export interface ChatResult {
	text: string;
	/** `stop`, `length`, `content_filter`, … as the server reported it. */
	finishReason: string;
}

export interface StreamHandlers {
	/** Called with the whole text so far each time a piece arrives (a retry starts again from ''). */
	onText?(text: string): void;
	onRetry?(notice: RetryNotice): void | Promise<void>;
}

export interface TokenLogprob {
	token: string;
	logprob: number;
	/** UTF-8 bytes of the token when the server gives them (a token may be part of a character). */
	bytes: number[] | null;
}

/** The first generated token and the alternatives the server ranked for that position. */
export interface FirstTokenLogprobs {
	chosen: TokenLogprob;
	top: TokenLogprob[];
}

/** The model calls the bot makes. One instance per configuration; tests point it at a local server. */
export interface LlmClient {
	readonly model: string;
	readonly embeddingModel: string;
	chat(request: ChatRequest): Promise<ChatResult>;
	/** Streams a chat completion, reporting text as it arrives; retries from the start when the stream fails. */
	streamChat(request: ChatRequest, handlers?: StreamHandlers): Promise<ChatResult>;
	/** One generated token with `top` alternatives and their log-probabilities. */
	firstTokenLogprobs(messages: ChatMessage[], top: number): Promise<FirstTokenLogprobs>;
	/** One embedding per text, in order. */
	embed(texts: readonly string[]): Promise<number[][]>;
}

export interface LlmClientOptions {
	apiKey: string;
	baseURL?: string;
	model: string;
	embeddingModel: string;
	/** Wait for the first byte of a response, and between two pieces of a stream. */
	timeoutMs: number;
	retry?: RetryPolicy;
}

/** Builds the {@link LlmClient} over the `openai` package; retries and time-outs are ours, not the SDK's. */
export function createLlmClient(options: LlmClientOptions): LlmClient {
	const openai = new OpenAI({
		apiKey: options.apiKey,
		baseURL: options.baseURL,
		timeout: options.timeoutMs,
		// Retries are done by withRetry so that streams, rate limits and member feedback follow one policy.
		maxRetries: 0,
		// The SDK logs unparsable stream chunks with console.error; a chunk may hold a guarded secret.
		logLevel: 'off',
	});
	const retry = options.retry ?? DEFAULT_RETRY;
	const { model, embeddingModel, timeoutMs } = options;
	// Reasoning models (o1, o3, gpt-5…) reject `max_tokens` and a custom temperature; learned from their first 400.
	const compat = { completionTokens: false, noTemperature: false };
	const limits = (request: ChatRequest) => ({
		...(request.maxTokens === undefined
			? {}
			: compat.completionTokens
				? { max_completion_tokens: request.maxTokens }
				: { max_tokens: request.maxTokens }),
		...(request.temperature === undefined || compat.noTemperature ? {} : { temperature: request.temperature }),
	});
	/** Adjusts `compat` to a 400 that names an unsupported parameter; true when a second try may succeed. */
	const adapt = (error: unknown): boolean => {
		if (!(error instanceof APIError) || error.status !== 400) return false;
		const text = `${error.message} ${error.param ?? ''}`;
		if (!compat.completionTokens && /max_tokens/.test(text)) return (compat.completionTokens = true);
		if (!compat.noTemperature && /temperature/.test(text)) return (compat.noTemperature = true);
		return false;
	};
	const adaptive = async <T>(run: () => Promise<T>): Promise<T> => {
		for (;;) {
			try {
				return await run();
			} catch (error) {
				if (!adapt(error)) throw error;
			}
		}
	};

	const complete = async (request: ChatRequest, json: boolean): Promise<ChatResult> => {
		const response = await adaptive(() =>
			openai.chat.completions.create({
				model,
				messages: request.messages,
				...limits(request),
				...(json ? { response_format: { type: 'json_object' as const } } : {}),
			}),
		);
		const choice = response.choices?.[0];
		if (!choice || typeof choice.message?.content !== 'string') throw new SyntaxError('completion without a message');
		return { text: choice.message.content, finishReason: choice.finish_reason ?? 'unknown' };
	};

	const streamOnce = async (request: ChatRequest, onText?: (text: string) => void): Promise<ChatResult> => {
		const stream = await adaptive(() =>
			openai.chat.completions.create({ model, messages: request.messages, stream: true, ...limits(request) }),
		);
		let text = '';
		let finishReason: string | null = null;
		let idle = false;
		// The SDK's timeout ends when headers arrive; a stream that stalls afterwards needs its own watchdog.
		let timer = setTimeout(() => onIdle(), timeoutMs);
		const onIdle = () => {
			idle = true;
			stream.controller.abort();
		};
		try {
			for await (const chunk of stream) {
				clearTimeout(timer);
				timer = setTimeout(onIdle, timeoutMs);
				const choice = chunk.choices?.[0];
				const piece = choice?.delta?.content;
				if (typeof piece === 'string' && piece.length > 0) {
					text += piece;
					onText?.(text);
				}
				if (choice?.finish_reason) finishReason = choice.finish_reason;
			}
		} finally {
			clearTimeout(timer);
		}
		if (idle) throw new StreamIdleError('no stream chunk within the timeout');
		if (finishReason === null) throw new StreamCutError('the stream ended without a finish reason');
		return { text, finishReason };
	};

	return {
		model,
		embeddingModel,
		chat: (request) =>
			withRetry(async () => {
				try {
					return await complete(request, request.json === true);
				} catch (error) {
					const mapped = toLlmError(error);
					// Older llama.cpp and some proxies reject response_format; the prompt itself asks for JSON.
					if (request.json && mapped.code === 'llm.bad-request') return complete(request, false);
					throw error;
				}
			}, retry),
		streamChat: (request, handlers = {}) =>
			withRetry(
				(attempt) => {
					if (attempt > 0) handlers.onText?.('');
					return streamOnce(request, handlers.onText);
				},
				retry,
				handlers.onRetry,
			),
		firstTokenLogprobs: (messages, top) =>
			withRetry(async () => {
				const response = await adaptive(() =>
					openai.chat.completions.create({
						model,
						messages,
						...limits({ messages, maxTokens: 1 }),
						logprobs: true,
						top_logprobs: top,
					}),
				);
				const first = response.choices?.[0]?.logprobs?.content?.[0];
				if (!first || !Array.isArray(first.top_logprobs) || first.top_logprobs.length === 0) {
					throw new LlmError(
						'The model server did not return log-probabilities, so the real model’s next-token distribution cannot be shown. ' +
							'OpenAI’s chat models return them; for Ollama, vLLM or llama.cpp, check that the server supports `logprobs` and `top_logprobs`.',
						'llm.no-logprobs',
						false,
					);
				}
				const read = (t: { token: string; logprob: number; bytes?: number[] | null }): TokenLogprob => ({
					token: t.token,
					logprob: t.logprob,
					bytes: Array.isArray(t.bytes) ? t.bytes : null,
				});
				return { chosen: read(first), top: first.top_logprobs.map(read) };
			}, retry),
		embed: (texts) =>
			withRetry(async () => {
				if (texts.length === 0) return [];
				const response = await openai.embeddings.create({
					model: embeddingModel,
					input: [...texts],
					encoding_format: 'float',
				});
				const rows = [...(response.data ?? [])].sort((a, b) => a.index - b.index);
				if (rows.length !== texts.length)
					throw new SyntaxError(`expected ${texts.length} embeddings, got ${rows.length}`);
				return rows.map((row) => {
					const v = row.embedding as unknown;
					if (!Array.isArray(v) || v.length === 0 || !v.every((x) => typeof x === 'number' && Number.isFinite(x))) {
						throw new SyntaxError('an embedding is not a list of numbers');
					}
					return v as number[];
				});
			}, retry),
	};
}
