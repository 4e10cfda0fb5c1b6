import { get_encoding } from 'tiktoken';
import { describe, expect, it } from 'vitest';
import { loadEncoding } from '../../../src/models/tokenizers/index.js';

/** Contexts in which a character's class (letter upper/lower, mark, number, space, other) changes the pieces. */
function probes(ch: string): string {
	return [
		`x${ch}`,
		`${ch}x`,
		` ${ch}`,
		`1${ch}`,
		`${ch}1`,
		`${ch}'s`,
		`A${ch}a`,
		`a${ch}A`,
		`${ch} x`,
		`!${ch}`,
		`${ch}${ch}`,
		`a ${ch}`,
		`\n${ch}`,
	].join('  ');
}

describe('Unicode tables', () => {
	// o200k's pattern uses every class the others use (\p{L}, \p{N}, \s) plus letter cases and marks.
	it('GIVEN every code point the runtime calls a letter, mark, number or space THEN o200k ids are tiktoken’s', async () => {
		const ours = await loadEncoding('o200k_base');
		const reference = get_encoding('o200k_base');
		const same = (text: string): boolean => {
			const a = ours.encode(text);
			const b = reference.encode_ordinary(text);
			return a.length === b.length && a.every((id, i) => id === b[i]);
		};
		const candidate = new RegExp('[\\p{L}\\p{M}\\p{N}\\p{White_Space}]', 'v');
		const codePoints: number[] = [];
		for (let c = 0; c < 0x110000; c++) {
			if ((c < 0xd800 || c > 0xdfff) && candidate.test(String.fromCodePoint(c))) codePoints.push(c);
		}
		const mismatched: string[] = [];
		// Batches of 64 keep the calls few; a batch that differs is checked one code point at a time.
		for (let k = 0; k < codePoints.length; k += 64) {
			const batch = codePoints.slice(k, k + 64);
			if (same(batch.map((c) => probes(String.fromCodePoint(c))).join('\n'))) continue;
			for (const c of batch) if (!same(probes(String.fromCodePoint(c)))) mismatched.push(c.toString(16));
		}
		reference.free();
		expect(codePoints.length).toBeGreaterThan(140_000);
		expect(mismatched).toEqual([]);
	}, 300_000);
});
