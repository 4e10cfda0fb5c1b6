/**
 * The byte-pair merge loop of tiktoken (`_byte_pair_merge` in its Rust core), over byte strings.
 *
 * Rule: start from single bytes; repeatedly merge the adjacent pair whose concatenated bytes have the lowest rank,
 * the leftmost such pair on ties; stop when no adjacent concatenation is in the table. Ranks double as token ids.
 */

const NONE = Number.POSITIVE_INFINITY;

/** Above this many bytes a piece is merged with a heap (O(n log n)) instead of tiktoken's O(n·m) scan. */
const HEAP_THRESHOLD = 64;

/** Appends the token ids of `piece` (a byte string none of whose whole is a token) to `out`. */
export function bytePairEncode(piece: string, ranks: ReadonlyMap<string, number>, out: number[]): void {
	if (piece.length === 1) {
		out.push(rankOf(ranks, piece));
		return;
	}
	const starts = piece.length > HEAP_THRESHOLD ? mergeWithHeap(piece, ranks) : mergeWithScan(piece, ranks);
	for (let i = 0; i < starts.length - 1; i++) {
		out.push(rankOf(ranks, piece.slice(starts[i], starts[i + 1])));
	}
}

function rankOf(ranks: ReadonlyMap<string, number>, bytes: string): number {
	const rank = ranks.get(bytes);
	if (rank === undefined) throw new Error(`byte sequence has no rank (is every single byte in the table?)`);
	return rank;
}

/** tiktoken's loop: part boundaries plus the rank of the pair starting at each; returns the boundaries. */
function mergeWithScan(piece: string, ranks: ReadonlyMap<string, number>): number[] {
	const n = piece.length;
	const starts: number[] = new Array<number>(n + 1);
	const pairRanks: number[] = new Array<number>(n + 1);
	for (let i = 0; i <= n; i++) {
		starts[i] = i;
		pairRanks[i] = i < n - 1 ? (ranks.get(piece.slice(i, i + 2)) ?? NONE) : NONE;
	}
	// pairRanks[i] is the rank of parts i and i+1 merged, i.e. of piece[starts[i] .. starts[i+2]].
	const rankAt = (i: number): number =>
		i + 3 < starts.length ? (ranks.get(piece.slice(starts[i], starts[i + 3])) ?? NONE) : NONE;
	for (;;) {
		let min = NONE;
		let at = -1;
		for (let i = 0; i < starts.length - 2; i++) {
			const r = pairRanks[i]!;
			if (r < min) {
				min = r;
				at = i;
			}
		}
		if (at < 0) break;
		if (at > 0) pairRanks[at - 1] = rankAt(at - 1);
		pairRanks[at] = rankAt(at);
		starts.splice(at + 1, 1);
		pairRanks.splice(at + 1, 1);
	}
	return starts;
}

/**
 * The same merges as {@link mergeWithScan}, for long pieces (a long run of spaces or of one repeated symbol is a
 * single piece, and the scan is quadratic in its length). Parts form a linked list over byte offsets; a binary heap
 * holds (rank, start) keys, so popping the minimum picks the lowest rank and, on ties, the leftmost start — exactly
 * the scan's choice. Stale entries are skipped by checking them against the current state.
 */
function mergeWithHeap(piece: string, ranks: ReadonlyMap<string, number>): number[] {
	const n = piece.length;
	const next = new Int32Array(n + 1);
	const prev = new Int32Array(n + 1);
	const pairRank = new Float64Array(n + 1).fill(NONE);
	for (let i = 0; i <= n; i++) {
		next[i] = i + 1;
		prev[i] = i - 1;
	}
	const heap = new MinHeap();
	// Keys pack (rank, start) into one float: rank · 2^32 + start is exact below 2^53.
	const SHIFT = 2 ** 32;
	const pairAt = (start: number): number => {
		const mid = next[start]!;
		if (mid >= n) return NONE;
		const end = next[mid]!;
		return ranks.get(piece.slice(start, end)) ?? NONE;
	};
	for (let i = 0; i < n - 1; i++) {
		const r = pairAt(i);
		pairRank[i] = r;
		if (r !== NONE) heap.push(r * SHIFT + i);
	}
	const alive = new Uint8Array(n + 1).fill(1);
	while (heap.size > 0) {
		const key = heap.pop();
		const start = key % SHIFT;
		const rank = (key - start) / SHIFT;
		if (!alive[start] || pairRank[start] !== rank) continue;
		const removed = next[start]!;
		alive[removed] = 0;
		next[start] = next[removed]!;
		prev[next[removed]!] = start;
		const r = pairAt(start);
		pairRank[start] = r;
		if (r !== NONE) heap.push(r * SHIFT + start);
		const before = prev[start]!;
		if (before >= 0) {
			const rb = pairAt(before);
			pairRank[before] = rb;
			if (rb !== NONE) heap.push(rb * SHIFT + before);
		}
	}
	const starts: number[] = [];
	for (let i = 0; i < n; i = next[i]!) starts.push(i);
	starts.push(n);
	return starts;
}

/** A binary min-heap of numbers. */
class MinHeap {
	private items: number[] = [];

	get size(): number {
		return this.items.length;
	}

	push(value: number): void {
		const items = this.items;
		let i = items.length;
		items.push(value);
		while (i > 0) {
			const parent = (i - 1) >> 1;
			if (items[parent]! <= value) break;
			items[i] = items[parent]!;
			i = parent;
		}
		items[i] = value;
	}

	pop(): number {
		const items = this.items;
		const top = items[0]!;
		const last = items.pop()!;
		if (items.length > 0) {
			let i = 0;
			for (;;) {
				const left = 2 * i + 1;
				if (left >= items.length) break;
				const right = left + 1;
				const child = right < items.length && items[right]! < items[left]! ? right : left;
				if (items[child]! >= last) break;
				items[i] = items[child]!;
				i = child;
			}
			items[i] = last;
		}
		return top;
	}
}
