import { describe, expect, it } from 'vitest';
import { parseJsTiktokenRanks, parseJsTiktokenRankTable } from '../../../src/models/tokenizers/index.js';
import { tokenBytesOf } from '../../../src/models/tokenizers/rank-table.js';

/** Every byte (base64 of each) on lines of 64 at ranks 0, 64, …, then two merges at ranks 300 and 301. */
function smallRanks(): string {
	const lines: string[] = [];
	for (let start = 0; start < 256; start += 64) {
		const tokens = Array.from({ length: 64 }, (_, i) => Buffer.from([start + i]).toString('base64'));
		lines.push(`x ${start} ${tokens.join(' ')}`);
	}
	lines.push(`y 300 ${Buffer.from('ab').toString('base64')} ${Buffer.from('abc').toString('base64')}`);
	return `${lines.join('\n')}\n`;
}

describe('parseJsTiktokenRankTable', () => {
	it('GIVEN js-tiktoken’s compressed ranks THEN each rank has the bytes the string-keyed parser gives it', () => {
		const text = smallRanks();
		const table = parseJsTiktokenRankTable(text);
		const expected = parseJsTiktokenRanks(text);
		expect(expected.size).toBe(258);
		for (const [bytes, rank] of expected)
			expect(Buffer.from(tokenBytesOf(table, rank)!).toString('latin1')).toBe(bytes);
		expect(tokenBytesOf(table, 256)).toBeUndefined();
		expect(table.offsets.length - 1).toBe(302);
	});

	it('GIVEN a malformed line THEN parsing fails with what is wrong', () => {
		expect(() => parseJsTiktokenRankTable('x y IQ==\n')).toThrow(/bad offset/);
		expect(() => parseJsTiktokenRankTable(`${smallRanks()}z 400 YW\n`)).toThrow(/bad base64/);
		expect(() => parseJsTiktokenRankTable(`${smallRanks()}z 400 Y*==\n`)).toThrow(/bad base64/);
		expect(() => parseJsTiktokenRankTable(`${smallRanks()}z 400 YQ==  YQ==\n`)).toThrow(/empty token/);
		expect(() => parseJsTiktokenRankTable(`${smallRanks()}z 300 YQ==\n`)).toThrow(/rank 300 appears twice/);
		expect(() => parseJsTiktokenRankTable(`${smallRanks()}z 400 YWI=\n`)).toThrow(/same bytes/);
	});
});
