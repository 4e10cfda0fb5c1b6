import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertVectors } from '../../../scripts/convert-vectors.mjs';
import { createJsonScanner } from '../../../scripts/convert-vectors.scanner.mjs';
import { readVectorIndex, WordVectors } from '../../../src/models/embeddings/index.js';

describe('the streaming JSON scanner', () => {
	it('GIVEN strings with escapes split across chunks THEN it reports them as JSON.parse reads them', () => {
		fc.assert(
			fc.property(
				fc.array(fc.string({ unit: 'binary', maxLength: 12 }), { maxLength: 8 }),
				fc.integer({ min: 1, max: 7 }),
				(words, chunk) => {
					const strings: string[] = [];
					const scanner = createJsonScanner({ onScalar: (_keys, value) => strings.push(value as string) });
					const bytes = Buffer.from(JSON.stringify({ words }), 'utf8');
					for (let i = 0; i < bytes.length; i += chunk) scanner.write(bytes.subarray(i, i + chunk));
					scanner.end();
					expect(strings).toEqual(JSON.parse(JSON.stringify(words)));
				},
			),
			{ seed: 11, numRuns: 300 },
		);
	});

	it('GIVEN numbers of every shape THEN each equals Number() of its text', () => {
		fc.assert(
			fc.property(
				fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { maxLength: 20 }),
				fc.integer({ min: 1, max: 5 }),
				(values, chunk) => {
					const seen: number[] = [];
					const scanner = createJsonScanner({ onScalar: (_keys, value) => seen.push(value as number) });
					const text = `[${[...values.map(String), '1e-7', '-0.000123456789', '2.95153011', '12345678901234567890'].join(', ')}]`;
					const bytes = Buffer.from(text);
					for (let i = 0; i < bytes.length; i += chunk) scanner.write(bytes.subarray(i, i + chunk));
					scanner.end();
					expect(seen).toEqual(JSON.parse(text));
				},
			),
			{ seed: 12, numRuns: 300 },
		);
	});

	it('GIVEN nested containers THEN paths name the keys down to each scalar', () => {
		const events: string[] = [];
		const scanner = createJsonScanner({
			onScalar: (keys, value) => events.push(`${keys.join('/')}=${JSON.stringify(value)}`),
			onEnd: (keys) => events.push(`end ${keys.join('/')}`),
		});
		scanner.write(Buffer.from('{"a":[1,{"b":true,"c\\"d":null}],"e":{}, "f" : "x"}'));
		scanner.end();
		expect(events).toEqual(['a/#=1', 'a/#/b=true', 'a/#/c"d=null', 'end a/#', 'end a', 'end e', 'f="x"', 'end ']);
	});

	it('GIVEN malformed JSON THEN it throws', () => {
		for (const bad of ['{"a" 1}', '[1,]x', '{"a":1', '[tru]', '[1] 2']) {
			const scanner = createJsonScanner({ onScalar: () => {} });
			expect(() => {
				scanner.write(Buffer.from(bad));
				scanner.end();
			}, bad).toThrow(SyntaxError);
		}
	});
});

describe('convertVectors', () => {
	it('GIVEN a small wink-format JSON THEN the binary holds its words, exact Float32 rows, norms and int8 unit rows', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'vectors-'));
		const words = ['the', 'café', '"', 'naïve', '한국', 'zero'];
		const rows = [
			[0.1, -0.2, 0.3],
			[1.5, 2.25, -3.125],
			[-0.000123, 0.5, 0.25],
			[3, 4, 0],
			[0.7071, -0.7071, 0.1],
			[0, 0, 0],
		];
		// wink's layout: vectors keyed by word, each row followed by its L2 norm and its index; vectors out of order.
		const vectors = Object.fromEntries(
			words.map((w, i) => [w, [...rows[i]!, Math.hypot(...rows[i]!), i]] as const).reverse(),
		);
		const source = path.join(dir, 'wink.json');
		writeFileSync(
			source,
			JSON.stringify({
				precision: 8,
				l2NormIndex: 3,
				wordIndex: 4,
				size: words.length,
				dimensions: 3,
				words,
				vectors,
				unkVector: [0, 0, 0, 0, -1],
			}),
		);
		const dest = path.join(dir, 'out.bin');
		const stats = convertVectors(source, dest);
		expect(stats).toMatchObject({ words: 6, dims: 3 });

		const store = new WordVectors(readVectorIndex(dest));
		expect(store.count).toBe(6);
		words.forEach((w, i) => {
			expect(store.find(w)).toEqual({ text: w, index: i });
			expect([...store.vector(i)]).toEqual(rows[i]!.map(Math.fround));
			const norm = Math.hypot(...rows[i]!.map(Math.fround));
			expect(store.norm(i)).toBeCloseTo(norm, 5);
			// int8 · scale reproduces the unit row to within half a step.
			for (let d = 0; d < 3; d++) {
				const unit = norm > 0 ? Math.fround(rows[i]![d]!) / norm : 0;
				expect(Math.abs(store.rowsI8[i * 3 + d]! * store.scales[i]! - unit)).toBeLessThanOrEqual(
					store.scales[i]! / 2 + 1e-7,
				);
			}
		});
		expect(store.find('  CAFÉ ')).toEqual({ text: 'café', index: 1 });
		expect(store.find('cafe\u0301')).toEqual({ text: 'café', index: 1 }); // NFC
		expect(store.find('missing')).toBeUndefined();
		store.close();
	});
});
