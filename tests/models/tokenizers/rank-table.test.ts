import { describe, expect, it } from 'vitest';
import { parseJsTiktokenRanks, readJsTiktokenRanks, shareEncoding } from '../../../src/models/tokenizers/index.js';
import {
	hasRank,
	NONE,
	rankOfRange,
	rankTableFromByteStrings,
	tokenBytesOf,
} from '../../../src/models/tokenizers/rank-table.js';

/** All 256 bytes at their own rank, then `extra` byte strings at the next ranks. */
function toyRanks(extra: readonly string[]): Map<string, number> {
	const ranks = new Map<string, number>();
	for (let b = 0; b < 256; b++) ranks.set(String.fromCharCode(b), b);
	for (const bytes of extra) ranks.set(bytes, ranks.size);
	return ranks;
}

const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

describe.each(['r50k_base', 'cl100k_base', 'o200k_base'] as const)('the rank table of %s', (name) => {
	it('GIVEN every token of js-tiktoken’s ranks THEN the hash table finds it at its rank and its bytes match', async () => {
		const { ranks } = await shareEncoding(name);
		const expected = parseJsTiktokenRanks((await readJsTiktokenRanks(name)).bpe_ranks);
		for (const [bytes, rank] of expected) {
			if (rankOfRange(ranks, bytes, 0, bytes.length) !== rank) expect.fail(`${name}: rank of ${rank} not found`);
			if (latin1(tokenBytesOf(ranks, rank)!) !== bytes) expect.fail(`${name}: bytes of ${rank} differ`);
		}
		let tokens = 0;
		for (let rank = 0; rank < ranks.offsets.length - 1; rank++) if (hasRank(ranks, rank)) tokens++;
		expect(tokens).toBe(expected.size);
	});

	it('GIVEN byte strings that are not tokens THEN the hash table rejects them', async () => {
		const { ranks } = await shareEncoding(name);
		const expected = parseJsTiktokenRanks((await readJsTiktokenRanks(name)).bpe_ranks);
		let rejected = 0;
		// Every token with a byte added on either side: mostly not tokens, and a hit must be a real one.
		for (const [bytes] of expected) {
			for (const other of [`${bytes}\u00ff`, `\u0000${bytes}`, `${bytes}${bytes}`]) {
				const rank = rankOfRange(ranks, other, 0, other.length);
				if (rank !== (expected.get(other) ?? NONE)) expect.fail(`${name}: ${JSON.stringify(other)} gave ${rank}`);
				if (rank === NONE) rejected++;
			}
		}
		expect(rejected).toBeGreaterThan(expected.size * 2);
		expect(rankOfRange(ranks, '', 0, 0)).toBe(NONE);
	});
});

describe('rankTableFromByteStrings', () => {
	it('GIVEN a range inside a longer string THEN only that range is looked up', () => {
		const table = rankTableFromByteStrings(toyRanks(['ab', 'abc']));
		expect(rankOfRange(table, 'xabcx', 1, 4)).toBe(257);
		expect(rankOfRange(table, 'xabcx', 1, 3)).toBe(256);
		expect(rankOfRange(table, 'xabcx', 0, 3)).toBe(NONE);
	});

	it('GIVEN ranks with a hole THEN the hole is no token and the table is built in shared memory', () => {
		const ranks = toyRanks([]);
		ranks.set('ab', 300);
		const table = rankTableFromByteStrings(ranks);
		expect(hasRank(table, 256)).toBe(false);
		expect(tokenBytesOf(table, 256)).toBeUndefined();
		expect(latin1(tokenBytesOf(table, 300)!)).toBe('ab');
		expect(table.bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
		expect(table.slots.buffer).toBeInstanceOf(SharedArrayBuffer);
	});

	it('GIVEN bad ranks THEN construction says what is wrong', () => {
		const missing = toyRanks([]);
		missing.delete('z');
		expect(() => rankTableFromByteStrings(missing)).toThrow(/byte 122 has no rank/);
		expect(() => rankTableFromByteStrings(new Map([...toyRanks([]), ['ab', 97]]))).toThrow(/rank 97 appears twice/);
		expect(() => rankTableFromByteStrings(new Map([...toyRanks([]), ['', 256]]))).toThrow(/rank 256 has no bytes/);
		expect(() => rankTableFromByteStrings(new Map([...toyRanks([]), ['ab', -1]]))).toThrow(/bad rank -1/);
	});
});
