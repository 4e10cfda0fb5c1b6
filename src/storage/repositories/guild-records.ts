import { randomBytes } from 'node:crypto';
import type { Store } from '../store.js';

/**
 * Records of one kind with a short random id, each under `guild:<guildId>:<kind>:<id>` for `ttlMs`, changed under
 * their key's lock. Practice sessions, presentations and live quizzes are such records.
 */
export class GuildRecords<T extends { id: string; guildId: string }> {
	constructor(
		protected readonly store: Store,
		private readonly kind: string,
		private readonly ttlMs: number,
	) {}

	protected key(guildId: string, id: string): string {
		return `guild:${guildId}:${this.kind}:${id}`;
	}

	/** Saves a new record under a fresh id and returns it. */
	async create(record: Omit<T, 'id'>): Promise<T> {
		// Eight base64url characters, 2^48 values: short enough for custom ids and message nonces (25 characters).
		const saved = { ...record, id: randomBytes(6).toString('base64url') } as T;
		await this.write(saved);
		return saved;
	}

	async get(guildId: string, id: string): Promise<T | undefined> {
		return this.store.get<T>(this.key(guildId, id));
	}

	/**
	 * Read-modify-write under the record's lock, so two clicks at once apply one after the other. `change` sees the
	 * saved record (undefined when gone) and returns the next one (null: save nothing) and a result for the caller.
	 */
	async update<R>(
		guildId: string,
		id: string,
		change: (current: T | undefined) => Promise<{ next: T | null; result: R }>,
	): Promise<R> {
		return this.store.exclusive(this.key(guildId, id), async () => {
			const { next, result } = await change(await this.get(guildId, id));
			if (next) await this.write(next);
			return result;
		});
	}

	/** Saves a record as is, without taking its lock: only for new records and inside {@link update}'s `change`. */
	async write(record: T): Promise<void> {
		await this.store.set(this.key(record.guildId, record.id), record, this.ttlMs);
	}
}
