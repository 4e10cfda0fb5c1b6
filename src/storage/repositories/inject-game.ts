import type { Store } from '../store.js';

/** A member who made a level's guard leak its secret. */
export interface InjectBreak {
	userId: string;
	level: number;
	/** ISO time of the first break. */
	at: string;
	/** Attacks the member had sent on that level up to the break. */
	attempts: number;
}

/**
 * The /inject game's state per server: one secret per level (never logged, never shown except by a successful
 * attack), attack counts, and the leaderboard of breaks.
 */
export class InjectGameRepository {
	constructor(private readonly store: Store) {}

	private secretKey(guildId: string, level: number): string {
		return `guild:${guildId}:inject:secret:${level}`;
	}
	private attemptsKey(guildId: string, userId: string): string {
		return `guild:${guildId}:inject:attempts:${userId}`;
	}
	private breaksKey(guildId: string): string {
		return `guild:${guildId}:inject:breaks`;
	}

	/** The level's secret, generated on first use. */
	async secret(guildId: string, level: number, generate: () => string): Promise<string> {
		const key = this.secretKey(guildId, level);
		return this.store.exclusive(key, async () => {
			const existing = await this.store.get<string>(key);
			if (existing) return existing;
			const fresh = generate();
			await this.store.set(key, fresh);
			return fresh;
		});
	}

	/** Replaces the level's secret (after it was shared around); the leaderboard stays. */
	async rotate(guildId: string, level: number, generate: () => string): Promise<void> {
		const key = this.secretKey(guildId, level);
		await this.store.exclusive(key, () => this.store.set(key, generate()));
	}

	/** Counts one attack and returns the member's total on that level. */
	async countAttempt(guildId: string, level: number, userId: string): Promise<number> {
		const key = this.attemptsKey(guildId, userId);
		return this.store.exclusive(key, async () => {
			const counts = (await this.store.get<Record<string, number>>(key)) ?? {};
			const n = (counts[level] ?? 0) + 1;
			await this.store.set(key, { ...counts, [level]: n });
			return n;
		});
	}

	async attempts(guildId: string, level: number, userId: string): Promise<number> {
		return (await this.store.get<Record<string, number>>(this.attemptsKey(guildId, userId)))?.[level] ?? 0;
	}

	/** Records a break; `first` is false when the member had already broken this level. */
	async recordBreak(
		guildId: string,
		level: number,
		userId: string,
		at: Date,
	): Promise<{ first: boolean; entry: InjectBreak }> {
		const key = this.breaksKey(guildId);
		const attempts = await this.attempts(guildId, level, userId);
		return this.store.exclusive(key, async () => {
			const list = (await this.store.get<InjectBreak[]>(key)) ?? [];
			const earlier = list.find((b) => b.userId === userId && b.level === level);
			if (earlier) return { first: false, entry: earlier };
			const entry: InjectBreak = { userId, level, at: at.toISOString(), attempts };
			await this.store.set(key, [...list, entry]);
			return { first: true, entry };
		});
	}

	/** Every break in the server, oldest first. */
	async breaks(guildId: string): Promise<InjectBreak[]> {
		return (await this.store.get<InjectBreak[]>(this.breaksKey(guildId))) ?? [];
	}
}
