import { t } from '../i18n/index.js';
/** At most `uses` runs in any `perMs` window, per member and command. */
export interface Cooldown {
	uses: number;
	perMs: number;
}

export type RateDecision = { ok: true } | { ok: false; retryAfterMs: number };

/**
 * Per-member limits on expensive commands (a sliding window of recent runs). In memory: each guild is served by one
 * process, and a restart forgetting the last minute of runs is harmless.
 */
export class MemberRateLimiter {
	private readonly runs = new Map<string, number[]>();
	private calls = 0;

	/** Records a run at `now` if the window allows it; otherwise says how long to wait. */
	take(key: string, limit: Cooldown, now: number): RateDecision {
		const recent = (this.runs.get(key) ?? []).filter((t) => now - t < limit.perMs);
		if (recent.length >= limit.uses) {
			this.runs.set(key, recent);
			return { ok: false, retryAfterMs: limit.perMs - (now - recent[0]!) };
		}
		recent.push(now);
		this.runs.set(key, recent);
		if (++this.calls % 1000 === 0) this.sweep(now, limit.perMs);
		return { ok: true };
	}

	/** Drops members whose runs are all older than the longest window seen, so memory stays bounded. */
	private sweep(now: number, windowMs: number): void {
		for (const [key, times] of this.runs) if (times.every((t) => now - t >= windowMs)) this.runs.delete(key);
	}

	get size(): number {
		return this.runs.size;
	}
}

/** The member-facing message, with the wait rounded up to whole seconds. */
export function rateLimitMessage(command: string, retryAfterMs: number): string {
	const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
	return t('common.errors.rateLimited', { command, seconds });
}

/** Demos that run a model and draw a chart: generous enough for a presenter re-running with new options. */
export const DEMO_COOLDOWN: Cooldown = { uses: 12, perMs: 60_000 };
/** Commands that read a member's whole history and draw a card. */
export const CARD_COOLDOWN: Cooldown = { uses: 6, perMs: 60_000 };
