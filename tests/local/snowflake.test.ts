import { describe, expect, it } from 'vitest';
import { fixedSnowflake, SnowflakeFactory, snowflakeTime } from '../../src/local/snowflake.js';

describe('local snowflakes', () => {
	it('GIVEN the example of Discord’s reference (2016-04-30, worker 1, process 0, increment 7) THEN the same id', () => {
		// https://discord.com/developers/docs/reference#snowflakes
		expect(fixedSnowflake(1_462_015_105_796, 7)).toBe('175928847299117063');
		expect(snowflakeTime('175928847299117063').toISOString()).toBe('2016-04-30T11:18:25.796Z');
	});

	it('GIVEN many ids in one millisecond and a clock that steps back THEN every id is larger than the one before', () => {
		let now = Date.UTC(2025, 2, 3, 9);
		const ids = new SnowflakeFactory(() => now);
		const made: bigint[] = [];
		for (let i = 0; i < 5000; i++) made.push(BigInt(ids.next()));
		now -= 60_000;
		made.push(BigInt(ids.next()));
		expect(made.findIndex((id, i) => i > 0 && id <= made[i - 1]!)).toBe(-1);
		expect(snowflakeTime(made[0]!.toString()).toISOString()).toBe('2025-03-03T09:00:00.000Z');
	});
});
