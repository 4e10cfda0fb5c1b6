/** Discord's epoch (2015-01-01T00:00:00Z): snowflakes count milliseconds from it. */
export const DISCORD_EPOCH = 1_420_070_400_000n;

/**
 * Makes realistic snowflakes: 42 bits of milliseconds since the Discord epoch, then worker (1), process (0) and a
 * 12-bit increment within one millisecond. Ids made later are larger, as Discord's are.
 */
export class SnowflakeFactory {
	private lastMs = -1n;
	private increment = 0n;
	private pinned = 0n;

	/** @param clock Milliseconds since 1970; fixtures pass a fixed one so their ids stay the same from run to run. */
	constructor(private readonly clock: () => number = Date.now) {}

	/** The next id; `atMs` pins its timestamp instead (used to place guilds on a chosen shard). */
	next(atMs?: number): string {
		if (atMs !== undefined) {
			this.pinned = (this.pinned + 1n) & 0xfffn;
			return (((BigInt(atMs) - DISCORD_EPOCH) << 22n) | (1n << 17n) | this.pinned).toString();
		}
		let ms = BigInt(this.clock()) - DISCORD_EPOCH;
		if (ms < this.lastMs) ms = this.lastMs;
		if (ms === this.lastMs) {
			this.increment += 1n;
			if (this.increment > 0xfffn) {
				ms += 1n;
				this.increment = 0n;
			}
		} else {
			this.increment = 0n;
		}
		this.lastMs = ms;
		return ((ms << 22n) | (1n << 17n) | this.increment).toString();
	}
}

/** The time a snowflake was made. */
export function snowflakeTime(id: string): Date {
	return new Date(Number((BigInt(id) >> 22n) + DISCORD_EPOCH));
}

/** The shard a guild's events go to: `(guild_id >> 22) % shard_count`, as Discord documents. */
export function shardOf(guildId: string, shardCount: number): number {
	return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/**
 * `count` guild ids one millisecond apart from `startMs`, so `(id >> 22) % shardCount` cycles and every shard owns
 * some of them, whatever the shard count.
 */
export function guildIdsAcrossShards(count: number, startMs = Date.now()): string[] {
	const base = BigInt(startMs) - DISCORD_EPOCH;
	return Array.from({ length: count }, (_, i) => String(((base + BigInt(i)) << 22n) | 1n));
}
