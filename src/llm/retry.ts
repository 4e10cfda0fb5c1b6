import { LlmError, toLlmError } from './errors.js';

export interface RetryPolicy {
	/** Further attempts after the first. */
	retries: number;
	/** Wait before retry n (1-based) when the server gave no Retry-After: base × 2^(n−1). */
	baseDelayMs: number;
	/** A Retry-After longer than this is not waited out: the member is told when to come back instead. */
	maxRetryAfterMs: number;
	sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 2, baseDelayMs: 500, maxRetryAfterMs: 20_000 };

/** What a caller learns before each retry (to show "retrying…" to the member). */
export interface RetryNotice {
	attempt: number;
	delayMs: number;
	error: LlmError;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `operation`, retrying the failures a retry can fix (rate limits with a short Retry-After, 5xx, timeouts,
 * dropped connections, cut or garbled streams). Every request the bot makes is a read, so repeating it is safe;
 * what it costs is time, which the caps bound. Throws the last failure as an {@link LlmError}.
 */
export async function withRetry<T>(
	operation: (attempt: number) => Promise<T>,
	policy: RetryPolicy = DEFAULT_RETRY,
	onRetry?: (notice: RetryNotice) => void | Promise<void>,
): Promise<T> {
	const sleep = policy.sleep ?? defaultSleep;
	for (let attempt = 0; ; attempt++) {
		try {
			return await operation(attempt);
		} catch (thrown) {
			const error = toLlmError(thrown);
			if (!error.retryable || attempt >= policy.retries) throw error;
			if (error.retryAfterMs !== undefined && error.retryAfterMs > policy.maxRetryAfterMs) throw error;
			const delayMs = error.retryAfterMs ?? policy.baseDelayMs * 2 ** attempt;
			await onRetry?.({ attempt: attempt + 1, delayMs, error });
			await sleep(delayMs);
		}
	}
}
