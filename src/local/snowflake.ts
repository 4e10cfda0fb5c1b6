/** Discord's epoch (2015-01-01T00:00:00Z): snowflakes count milliseconds from it. */
export const DISCORD_EPOCH = 1_420_070_400_000n;

/** Worker 1, process 0: the bits Discord puts between the timestamp and the increment. */
const WORKER_BITS = 1n << 17n;

/**
 * Makes valid snowflakes from a clock: 42 bits of milliseconds since the Discord epoch, worker and process bits,
 * then a 12-bit increment within one millisecond. Later ids are larger, as Discord's are, so sorting by id sorts by
 * time, and a feature that reads a message's creation time from its id gets the clock's time.
 */
export class SnowflakeFactory {
	private lastMs = -1n;
	private increment = 0n;

	/** @param now Milliseconds since 1970. */
	constructor(private readonly now: () => number = Date.now) {}

	next(): string {
		let ms = BigInt(this.now()) - DISCORD_EPOCH;
		// A clock that steps back (a test rewinding time) must not produce a smaller or repeated id.
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
		return ((ms << 22n) | WORKER_BITS | this.increment).toString();
	}
}

/** A fixed id for a given time and sequence number, for the fake guild's objects that must not change between runs. */
export function fixedSnowflake(atMs: number, sequence: number): string {
	return (((BigInt(atMs) - DISCORD_EPOCH) << 22n) | WORKER_BITS | BigInt(sequence & 0xfff)).toString();
}

/** The time a snowflake was made. */
export function snowflakeTime(id: string): Date {
	return new Date(Number((BigInt(id) >> 22n) + DISCORD_EPOCH));
}
