import { DiscordSnowflake } from '@sapphire/snowflake';

/** Worker 1, process 0: the ids Discord's API workers give look the same. */
const WORKER = { workerId: 1n, processId: 0n } as const;
const MAX_INCREMENT = 0xfffn;

/**
 * Makes valid snowflakes from a clock, laid out by `@sapphire/snowflake` (milliseconds since Discord's epoch,
 * worker, process, then a 12-bit increment within one millisecond). Later ids are larger, as Discord's are, so sorting
 * by id sorts by time, and a feature that reads a message's creation time from its id gets the clock's time. Unlike
 * Sapphire's own counter, the increment restarts each millisecond and never wraps into a smaller id, and a clock that
 * steps back (a test rewinding time) does not produce a smaller or repeated id.
 */
export class SnowflakeFactory {
	private lastMs = -1n;
	private increment = 0n;

	/** @param now Milliseconds since 1970. */
	constructor(private readonly now: () => number = Date.now) {}

	next(): string {
		let ms = BigInt(this.now());
		if (ms < this.lastMs) ms = this.lastMs;
		if (ms === this.lastMs) {
			this.increment += 1n;
			if (this.increment > MAX_INCREMENT) {
				ms += 1n;
				this.increment = 0n;
			}
		} else {
			this.increment = 0n;
		}
		this.lastMs = ms;
		return DiscordSnowflake.generate({ timestamp: ms, increment: this.increment, ...WORKER }).toString();
	}
}

/** A fixed id for a given time and sequence number, for the fake guild's objects that must not change between runs. */
export function fixedSnowflake(atMs: number, sequence: number): string {
	return DiscordSnowflake.generate({ timestamp: atMs, increment: BigInt(sequence), ...WORKER }).toString();
}

/** The time a snowflake was made. */
export function snowflakeTime(id: string): Date {
	return new Date(DiscordSnowflake.timestampFrom(id));
}
