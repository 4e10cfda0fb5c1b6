import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { UnavailableError } from '../core/errors.js';
import { t, tIn } from '../i18n/index.js';

/**
 * Where to point a member when the tutor is not set up: to an organizer, who can reach the bot's operator. Members
 * cannot edit the bot's configuration, so the variables themselves are named only where organizers look (/settings).
 */
export const ENABLE_HINT = tIn('en', 'tutor.enableHint');

/** For organizers (/settings): what the operator sets to turn the tutor on. */
export const OPERATOR_HINT =
	'The bot’s operator sets `OPENAI_API_KEY` (and, for a server other than OpenAI, `OPENAI_BASE_URL` and `OPENAI_MODEL`; see `.env.example`) and restarts the bot.';

/** The model server could not give an answer; the message says why in words a member can act on. */
export class LlmError extends UnavailableError {
	constructor(
		message: string,
		code: string,
		/** Whether trying the same request again may succeed. */
		readonly retryable: boolean,
		/** For rate limits: how long the server asked us to wait. */
		readonly retryAfterMs?: number,
	) {
		super(message, code);
	}
}

/** The stream ended before the model said it was finished (connection closed mid-answer). */
export class StreamCutError extends Error {
	override readonly name = 'StreamCutError';
}

/** No chunk arrived within the idle timeout. */
export class StreamIdleError extends Error {
	override readonly name = 'StreamIdleError';
}

/** Reads `retry-after-ms` (OpenAI's) or `retry-after` (seconds or an HTTP date) from an error's headers. */
export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | undefined {
	if (!headers) return undefined;
	const ms = Number.parseFloat(headers.get('retry-after-ms') ?? '');
	if (Number.isFinite(ms) && ms >= 0) return ms;
	const raw = headers.get('retry-after');
	if (raw === null) return undefined;
	const seconds = Number.parseFloat(raw);
	if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
	const date = Date.parse(raw);
	return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

function seconds(ms: number): string {
	return t('tutor.errors.inSeconds', { count: Math.max(1, Math.ceil(ms / 1000)) });
}

/**
 * Maps anything the OpenAI client (or our stream reader) throws to an {@link LlmError}: a member-facing message,
 * a stable code for tests and metrics, and whether a retry is safe. Nothing from the request (prompts, secrets) is
 * ever put into the message.
 */
export function toLlmError(error: unknown): LlmError {
	if (error instanceof LlmError) return error;
	if (error instanceof APIUserAbortError) return new LlmError(t('tutor.errors.aborted'), 'llm.aborted', false);
	if (error instanceof APIConnectionTimeoutError || error instanceof StreamIdleError) {
		return new LlmError(t('tutor.errors.timeout'), 'llm.timeout', true);
	}
	if (error instanceof APIConnectionError) {
		return new LlmError(t('tutor.errors.connection'), 'llm.connection', true);
	}
	if (error instanceof StreamCutError) {
		return new LlmError(t('tutor.errors.cut'), 'llm.stream-cut', true);
	}
	if (error instanceof SyntaxError) {
		return new LlmError(t('tutor.errors.malformed'), 'llm.malformed', true);
	}
	if (error instanceof APIError) {
		const status = error.status as number | undefined;
		if (status === 429) {
			const wait = retryAfterMs(error.headers as Headers | undefined);
			const when = wait === undefined ? t('tutor.errors.inAMinute') : seconds(wait);
			// OpenAI answers 429 `insufficient_quota` when the account is out of credit: waiting will not help.
			if (error.code === 'insufficient_quota') {
				return new LlmError(t('tutor.errors.noCredit'), 'llm.no-credit', false);
			}
			return new LlmError(t('tutor.errors.rateLimited', { when }), 'llm.rate-limited', true, wait);
		}
		if (status === 401 || status === 403) {
			return new LlmError(t('tutor.errors.auth'), 'llm.auth', false);
		}
		if (status === 404) {
			return new LlmError(t('tutor.errors.modelNotFound'), 'llm.model-not-found', false);
		}
		if (status === 408 || status === 409 || (status !== undefined && status >= 500)) {
			return new LlmError(t('tutor.errors.server'), 'llm.server-error', true);
		}
		if (status === 400 || status === 413 || status === 422) {
			return new LlmError(t('tutor.errors.badRequest'), 'llm.bad-request', false);
		}
		if (status === undefined) {
			// An error object inside an otherwise successful stream.
			return new LlmError(t('tutor.errors.streamError'), 'llm.stream-error', true);
		}
	}
	if (error instanceof TypeError && /terminated|fetch failed|socket/i.test(error.message)) {
		return new LlmError(t('tutor.errors.cut'), 'llm.stream-cut', true);
	}
	return new LlmError(t('tutor.errors.unknown'), 'llm.unknown', false);
}
