import { PairHeap } from './heap.js';

/** A trained byte-level BPE: token bytes by rank, and how each merged token was formed. */
export interface BpeModel {
	/** Ranks 0–255 are the single bytes 0–255; rank 256 + i is the i-th merge. */
	tokens: Uint8Array[];
	/** merges[i] = the two ranks whose concatenation became rank 256 + i. */
	merges: [number, number][];
	/** How many times each merge's pair occurred in the training words when it was chosen. */
	mergeCounts: number[];
}

export interface TrainBpeOptions {
	/** Size of the mergeable vocabulary: 256 byte tokens plus `vocabSize − 256` merges. */
	vocabSize: number;
	/** Called after every merge (e.g. to print progress). */
	onMerge?: (index: number, count: number, bytes: Uint8Array) => void;
}

const KEY_BASE = 65536;

/**
 * Learns byte-level BPE merges from pretoken counts with the standard incremental algorithm: count every
 * adjacent pair once, then per merge touch only the words that contain the chosen pair, updating the counts of
 * the pairs that change. The most frequent pair wins; ties go to the pair with the smaller (left, right) ranks,
 * so training is deterministic. Stops early if no pair occurs any more.
 */
export function trainBpe(wordCounts: ReadonlyMap<string, number>, options: TrainBpeOptions): BpeModel {
	const { vocabSize } = options;
	if (vocabSize < 256 || vocabSize > KEY_BASE) throw new RangeError(`vocabSize must be in [256, ${KEY_BASE}]`);
	const encoder = new TextEncoder();
	const tokens: Uint8Array[] = Array.from({ length: 256 }, (_, b) => Uint8Array.of(b));
	const words: number[][] = [];
	const counts: number[] = [];
	for (const [word, count] of wordCounts) {
		const bytes = encoder.encode(word);
		if (bytes.length < 2) continue;
		words.push(Array.from(bytes));
		counts.push(count);
	}

	const pairCount = new Map<number, number>();
	const where = new Map<number, Set<number>>();
	const changed = new Set<number>();
	const add = (key: number, delta: number, word: number): void => {
		pairCount.set(key, (pairCount.get(key) ?? 0) + delta);
		changed.add(key);
		if (delta > 0) {
			let set = where.get(key);
			if (!set) where.set(key, (set = new Set()));
			set.add(word);
		}
	};
	words.forEach((syms, w) => {
		for (let i = 0; i + 1 < syms.length; i++)
			add((syms[i] as number) * KEY_BASE + (syms[i + 1] as number), counts[w] as number, w);
	});
	const heap = new PairHeap();
	const flush = (): void => {
		for (const key of changed) {
			const c = pairCount.get(key) ?? 0;
			if (c > 0) heap.push(c, key);
			else pairCount.delete(key);
		}
		changed.clear();
	};
	flush();

	const merges: [number, number][] = [];
	const mergeCounts: number[] = [];
	while (tokens.length < vocabSize) {
		const top = popLive(heap, pairCount);
		if (!top) break;
		const left = Math.floor(top.key / KEY_BASE);
		const right = top.key % KEY_BASE;
		const id = tokens.length;
		const bytes = new Uint8Array((tokens[left] as Uint8Array).length + (tokens[right] as Uint8Array).length);
		bytes.set(tokens[left] as Uint8Array);
		bytes.set(tokens[right] as Uint8Array, (tokens[left] as Uint8Array).length);
		tokens.push(bytes);
		merges.push([left, right]);
		mergeCounts.push(top.count);
		for (const w of where.get(top.key) ?? []) {
			const syms = words[w] as number[];
			const merged = mergeWord(syms, left, right, id);
			if (merged === syms) continue;
			const c = counts[w] as number;
			for (let i = 0; i + 1 < syms.length; i++) add((syms[i] as number) * KEY_BASE + (syms[i + 1] as number), -c, w);
			for (let i = 0; i + 1 < merged.length; i++)
				add((merged[i] as number) * KEY_BASE + (merged[i + 1] as number), c, w);
			words[w] = merged;
		}
		where.delete(top.key);
		flush();
		options.onMerge?.(merges.length - 1, top.count, bytes);
	}
	return { tokens, merges, mergeCounts };
}

function popLive(heap: PairHeap, pairCount: Map<number, number>): { count: number; key: number } | undefined {
	for (;;) {
		const top = heap.pop();
		if (!top) return undefined;
		// Entries whose count has since changed are stale; the live count was pushed when it changed.
		if (pairCount.get(top.key) === top.count) return top;
	}
}

/** Replaces every non-overlapping (left, right), scanning left to right; returns `syms` itself if none. */
function mergeWord(syms: number[], left: number, right: number, id: number): number[] {
	let out: number[] | undefined;
	for (let i = 0; i < syms.length; i++) {
		if (syms[i] === left && syms[i + 1] === right && i + 1 < syms.length) {
			out ??= syms.slice(0, i);
			out.push(id);
			i++;
		} else if (out) out.push(syms[i] as number);
	}
	return out ?? syms;
}
