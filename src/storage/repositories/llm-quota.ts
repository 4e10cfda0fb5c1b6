import type { Store } from '../store.js';

/** Two days: a counter outlives its UTC day whatever the time zone of the server's clock. */
const TTL_MS = 2 * 24 * 60 * 60 * 1000;

export type QuotaResult = { ok: true; used: number } | { ok: false; used: number };

/** Model requests per member per UTC day (`day` is `YYYY-MM-DD`). */
export class LlmQuotaRepository {
	constructor(private readonly store: Store) {}

	private key(userId: string, day: string): string {
		return `llm-quota:${userId}:${day}`;
	}

	async used(userId: string, day: string): Promise<number> {
		return (await this.store.get<number>(this.key(userId, day))) ?? 0;
	}

	/** Counts one request unless `limit` is already reached (0 = no limit). */
	async tryConsume(userId: string, day: string, limit: number): Promise<QuotaResult> {
		const key = this.key(userId, day);
		return this.store.exclusive(key, async () => {
			const used = (await this.store.get<number>(key)) ?? 0;
			if (limit > 0 && used >= limit) return { ok: false, used };
			await this.store.set(key, used + 1, TTL_MS);
			return { ok: true, used: used + 1 };
		});
	}

	/** Gives back one request (the model server failed, so the member got nothing for it). */
	async refund(userId: string, day: string): Promise<void> {
		const key = this.key(userId, day);
		await this.store.exclusive(key, async () => {
			const used = (await this.store.get<number>(key)) ?? 0;
			if (used > 0) await this.store.set(key, used - 1, TTL_MS);
		});
	}
}
