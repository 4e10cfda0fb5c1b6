import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DotKernel, kernelSupported } from '../../../src/models/embeddings/index.js';

describe('DotKernel (WebAssembly SIMD)', () => {
	it('GIVEN random int8 rows and int16 queries of any dimension THEN every dot product is exact', () => {
		expect(kernelSupported()).toBe(true);
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 70 }),
				fc.integer({ min: 1, max: 40 }),
				fc.integer(),
				(dims, rows, seed) => {
					let state = seed >>> 0;
					const next = (): number => {
						state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
						return state;
					};
					const data = Int8Array.from({ length: dims * rows }, () => (next() % 255) - 127);
					const query = Int16Array.from({ length: dims }, () => (next() % 65535) - 32767);
					const kernel = new DotKernel(data, dims, rows);
					const out = [...kernel.run(query, rows)];
					const expected = Array.from({ length: rows }, (_, j) => {
						let sum = 0;
						for (let d = 0; d < dims; d++) sum += query[d]! * data[j * dims + d]!;
						return sum;
					});
					expect(out).toEqual(expected);
				},
			),
			{ seed: 5, numRuns: 200 },
		);
	});

	it('GIVEN extreme values THEN 100 components of 32767 · −127 do not overflow', () => {
		const kernel = new DotKernel(new Int8Array(100).fill(-127), 100, 1);
		expect([...kernel.run(new Int16Array(100).fill(32767), 1)]).toEqual([32767 * -127 * 100]);
	});
});
