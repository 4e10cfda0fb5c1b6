import { describe, expect, it } from 'vitest';
import {
	applyFilters,
	createRng,
	sample,
	sampleFromLogits,
	seedFromString,
} from '../../../src/models/sampling/index.js';
import { chiSquare, chiSquareCritical } from './chi-square.js';

/** mulberry32 written again with BigInt arithmetic, independent of Math.imul and >>>. */
function* mulberry32BigInt(seed: number): Generator<number> {
	const M = 1n << 32n;
	const imul = (a: bigint, b: bigint): bigint => (a * b) % M;
	let s = BigInt(seed) % M;
	for (;;) {
		s = (s + 0x6d2b79f5n) % M;
		let t = s;
		t = imul(t ^ (t >> 15n), t | 1n);
		t = (t ^ ((t + imul(t ^ (t >> 7n), t | 61n)) % M)) % M;
		yield Number(t ^ (t >> 14n));
	}
}

describe('createRng (mulberry32)', () => {
	it('GIVEN the same seed THEN the stream matches an independent BigInt implementation', () => {
		for (const seed of [0, 1, 42, 0xffffffff]) {
			const rng = createRng(seed);
			const ref = mulberry32BigInt(seed);
			for (let i = 0; i < 1000; i++) expect(rng.nextUint32()).toBe(ref.next().value);
		}
	});

	it('GIVEN a saved state THEN a new generator continues the same stream', () => {
		const a = createRng(7);
		a.next();
		a.next();
		const b = createRng(a.state());
		expect([b.next(), b.next()]).toEqual([a.next(), a.next()]);
	});

	it('GIVEN 100k draws THEN next() is uniform on [0, 1) over 32 bins', () => {
		const rng = createRng(12345);
		const counts = new Array<number>(32).fill(0);
		const n = 100_000;
		for (let i = 0; i < n; i++) {
			const u = rng.next();
			expect(u >= 0 && u < 1).toBe(true);
			counts[Math.floor(u * 32)]!++;
		}
		const { stat, df } = chiSquare(counts, new Array<number>(32).fill(1 / 32), n);
		expect(stat).toBeLessThan(chiSquareCritical(df));
	});

	it('GIVEN two strings THEN seedFromString is stable and tells them apart', () => {
		expect(seedFromString('hello')).toBe(seedFromString('hello'));
		// FNV-1a of "a" is a published test vector.
		expect(seedFromString('a')).toBe(0xe40c292c);
		expect(seedFromString('안녕')).not.toBe(seedFromString('안녕!'));
	});
});

describe('sample', () => {
	it('GIVEN zero-probability tokens THEN they are never drawn', () => {
		const rng = createRng(1);
		for (let i = 0; i < 10_000; i++) expect([1, 3]).toContain(sample([0, 0.25, 0, 0.75, 0], rng));
	});

	it('GIVEN u just below 1 THEN the last positive token is returned', () => {
		const rng = { next: () => 1 - 2 ** -32, nextUint32: () => 0xffffffff, state: () => 0 };
		expect(sample([0.5, 0.5, 0], rng)).toBe(1);
		expect(sample([0.5, 0.5, 0], { ...rng, next: () => 0 })).toBe(0);
	});

	it('GIVEN 100k draws from a filtered distribution THEN frequencies pass chi-square at p = 0.001', () => {
		const logits = Array.from({ length: 50 }, (_, i) => Math.sin(i * 1.7) * 3);
		const filtered = applyFilters(logits, { temperature: 0.8, topK: 30, topP: 0.9, minP: 0.02 });
		const rng = createRng(2024);
		const n = 100_000;
		const counts = new Array<number>(logits.length).fill(0);
		for (let i = 0; i < n; i++) counts[sample(filtered.probs, rng)]!++;
		for (let id = 0; id < logits.length; id++) if (filtered.probs[id] === 0) expect(counts[id]).toBe(0);
		const { stat, df } = chiSquare(counts, filtered.probs, n);
		expect(df).toBeGreaterThan(3);
		expect(stat).toBeLessThan(chiSquareCritical(df));
	});

	it('GIVEN a wrong distribution THEN the same chi-square test rejects it', () => {
		const rng = createRng(2024);
		const n = 100_000;
		const counts = [0, 0, 0, 0];
		for (let i = 0; i < n; i++) counts[sample([0.26, 0.24, 0.25, 0.25], rng)]!++;
		const { stat, df } = chiSquare(counts, [0.25, 0.25, 0.25, 0.25], n);
		expect(stat).toBeGreaterThan(chiSquareCritical(df));
	});
});

describe('sampleFromLogits', () => {
	it('GIVEN temperature 0 THEN it returns the argmax without advancing the generator', () => {
		const rng = createRng(5);
		const before = rng.state();
		expect(sampleFromLogits([0, 3, 1], { temperature: 0 }, rng).token).toBe(1);
		expect(rng.state()).toBe(before);
	});

	it('GIVEN the same seed and options THEN the same tokens come out', () => {
		const draw = (): number[] => {
			const rng = createRng(99);
			return Array.from({ length: 20 }, () => sampleFromLogits([0, 1, 2, 3], { topP: 0.9 }, rng).token);
		};
		expect(draw()).toEqual(draw());
	});
});
