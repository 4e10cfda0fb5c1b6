import { describe, expect, it } from 'vitest';
import { PairHeap } from '../../../src/models/bpe-train/heap.js';
import { countPretokens, pretokenize } from '../../../src/models/bpe-train/pretokenize.js';
import { trainBpe } from '../../../src/models/bpe-train/train.js';

const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');
const learnt = (counts: Record<string, number>, vocabSize: number): string[] =>
	trainBpe(new Map(Object.entries(counts)), { vocabSize })
		.tokens.slice(256)
		.map(text);

/** BPE the slow way: recount every pair from scratch before each merge (same tie rule). */
function naiveBpe(counts: Map<string, number>, vocabSize: number): string[] {
	const words = [...counts].map(([w, c]) => ({ syms: Array.from(Buffer.from(w, 'utf8')), c }));
	const tokens: string[] = Array.from({ length: 256 }, (_, b) => String.fromCharCode(b));
	while (tokens.length < vocabSize) {
		const pairs = new Map<number, number>();
		for (const { syms, c } of words)
			for (let i = 0; i + 1 < syms.length; i++)
				pairs.set(syms[i]! * 65536 + syms[i + 1]!, (pairs.get(syms[i]! * 65536 + syms[i + 1]!) ?? 0) + c);
		let best = -1;
		let bestCount = 0;
		for (const [key, c] of pairs) if (c > bestCount || (c === bestCount && key < best)) [best, bestCount] = [key, c];
		if (best === -1) break;
		const [l, r] = [Math.floor(best / 65536), best % 65536];
		const id = tokens.length;
		tokens.push(tokens[l]! + tokens[r]!);
		for (const w of words) {
			const out: number[] = [];
			for (let i = 0; i < w.syms.length; i++) {
				if (w.syms[i] === l && w.syms[i + 1] === r && i + 1 < w.syms.length) {
					out.push(id);
					i++;
				} else out.push(w.syms[i]!);
			}
			w.syms = out;
		}
	}
	return tokens.slice(256);
}

describe('trainBpe', () => {
	it('GIVEN a hand-sized corpus THEN the merges are the hand-computed ones, and it stops when no pair is left', () => {
		// (a,b) occurs 5 + 3 = 8 times, then (ab,c) 3 times, then (b,c) once.
		expect(learnt({ ab: 5, abc: 3, bc: 1 }, 300)).toEqual(['ab', 'abc', 'bc']);
	});

	it('GIVEN two pairs with the same count THEN the pair with the smaller ranks is merged first', () => {
		expect(learnt({ cd: 2, ab: 2 }, 258)).toEqual(['ab', 'cd']);
	});

	it('GIVEN overlapping pairs THEN merges do not overlap and counts are per occurrence', () => {
		const model = trainBpe(new Map([['aaaa', 1]]), { vocabSize: 300 });
		expect(model.tokens.slice(256).map(text)).toEqual(['aa', 'aaaa']);
		expect(model.mergeCounts).toEqual([3, 1]);
		expect(model.merges).toEqual([
			[97, 97],
			[256, 256],
		]);
	});

	it('GIVEN real text THEN the incremental algorithm learns exactly what recounting from scratch learns', () => {
		const sample =
			'First Citizen:\nBefore we proceed any further, hear me speak.\n\nAll:\nSpeak, speak.\n\nFirst Citizen:\nYou are all resolved rather to die than to famish?\n\nAll:\nResolved. resolved.\n\nFirst Citizen:\nFirst, you know Caius Marcius is chief enemy to the people.\n';
		const counts = countPretokens(sample.repeat(3) + ' 안녕하세요 🙂 café');
		expect(learnt(Object.fromEntries(counts), 400)).toEqual(naiveBpe(counts, 400));
	});
});

describe('pretokenize (GPT-2 pattern)', () => {
	it('GIVEN text THEN pieces concatenate back to it and split as GPT-2 does', () => {
		const s = "Hello world, it's 2024!  Two  spaces\n\nand 한국어 🙂";
		const pieces = pretokenize(s);
		expect(pieces.join('')).toBe(s);
		expect(pieces.slice(0, 8)).toEqual(['Hello', ' world', ',', ' it', "'s", ' 2024', '!', ' ']);
		expect(pieces).toContain(' 한국어');
	});
});

describe('PairHeap', () => {
	it('GIVEN pushes in any order THEN pops by count descending, ties by smaller key', () => {
		const heap = new PairHeap();
		for (const [c, k] of [
			[3, 9],
			[5, 2],
			[3, 1],
			[7, 4],
			[5, 0],
		] as const)
			heap.push(c, k);
		const out: [number, number][] = [];
		for (let e = heap.pop(); e; e = heap.pop()) out.push([e.count, e.key]);
		expect(out).toEqual([
			[7, 4],
			[5, 0],
			[5, 2],
			[3, 1],
			[3, 9],
		]);
	});
});
