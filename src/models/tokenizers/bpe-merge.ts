/**
 * The byte-pair merge loop of tiktoken (`_byte_pair_merge` in its Rust core), over byte strings.
 *
 * Rule: start from single bytes; repeatedly merge the adjacent pair whose concatenated bytes have the lowest rank,
 * the leftmost such pair on ties; stop when no adjacent concatenation is in the table. Ranks double as token ids,
 * so a merged part's id is the rank that merged it.
 */

import { NONE, rankOfRange, type RankTable } from './rank-table.js';

/** Above this many bytes a piece is merged with a heap (O(n log n)) instead of tiktoken's O(n·m) scan. */
const HEAP_THRESHOLD = 64;

/** Appends the token ids of `piece` (a byte string that is not itself a token) to `out`. */
export function bytePairEncode(piece: string, table: RankTable, out: number[]): void {
	if (piece.length === 1) out.push(table.byte[piece.charCodeAt(0)]!);
	else if (piece.length > HEAP_THRESHOLD) mergeWithHeap(piece, table, out);
	else mergeWithScan(piece, table, out);
}

/** Scratch buffers for {@link mergeWithScan} (pieces are short; this avoids allocating for each one). */
const scanStarts = new Int32Array(HEAP_THRESHOLD + 2);
const scanPairs = new Int32Array(HEAP_THRESHOLD + 2);
const scanTokens = new Int32Array(HEAP_THRESHOLD + 2);

/**
 * tiktoken's loop. Part i spans `piece[starts[i] .. starts[i + 1]]`, is token `tokens[i]`, and merged with part
 * i + 1 would be token `pairs[i]` (NONE if that is not a token).
 */
function mergeWithScan(piece: string, table: RankTable, out: number[]): void {
	const n = piece.length;
	const starts = scanStarts;
	const pairs = scanPairs;
	const tokens = scanTokens;
	let prevByte = piece.charCodeAt(0);
	for (let i = 0; i < n; i++) {
		starts[i] = i;
		tokens[i] = table.byte[prevByte]!;
		const nextByte = i + 1 < n ? piece.charCodeAt(i + 1) : -1;
		pairs[i] = nextByte >= 0 ? table.pair[prevByte * 256 + nextByte]! : NONE;
		prevByte = nextByte;
	}
	starts[n] = n;
	let parts = n;
	for (;;) {
		let min = NONE;
		let at = -1;
		for (let i = 0; i < parts - 1; i++) {
			if (pairs[i]! < min) {
				min = pairs[i]!;
				at = i;
			}
		}
		if (at < 0) break;
		// Part at absorbs part at + 1; the pairs starting at at - 1 and at now span further.
		tokens[at] = min;
		starts.copyWithin(at + 1, at + 2, parts + 1);
		tokens.copyWithin(at + 1, at + 2, parts);
		pairs.copyWithin(at + 1, at + 2, parts);
		parts--;
		if (at > 0) pairs[at - 1] = spanRank(piece, table, starts, parts, at - 1);
		pairs[at] = spanRank(piece, table, starts, parts, at);
	}
	for (let i = 0; i < parts; i++) out.push(tokens[i]!);
}

/** Rank of parts i and i + 1 merged, out of `parts` parts; NONE if there is no part i + 1 or no such token. */
function spanRank(piece: string, table: RankTable, starts: Int32Array, parts: number, i: number): number {
	if (i + 1 >= parts) return NONE;
	return rankOfRange(table, piece, starts[i]!, starts[i + 2]!);
}

/**
 * The same merges as {@link mergeWithScan}, for long pieces (a long run of spaces or of one repeated symbol is a
 * single piece, and the scan is quadratic in its length). Parts form a linked list over byte offsets; a binary heap
 * holds (rank, start) keys, so popping the minimum picks the lowest rank and, on ties, the leftmost start: exactly
 * the scan's choice. Stale entries are skipped by checking them against the current state.
 */
function mergeWithHeap(piece: string, table: RankTable, out: number[]): void {
	const n = piece.length;
	const next = new Int32Array(n + 1);
	const prev = new Int32Array(n + 1);
	const token = new Int32Array(n);
	const pairRank = new Int32Array(n).fill(NONE);
	const alive = new Uint8Array(n).fill(1);
	for (let i = 0; i < n; i++) {
		next[i] = i + 1;
		prev[i] = i - 1;
		token[i] = table.byte[piece.charCodeAt(i)]!;
	}
	const heap = new MinHeap();
	// Keys pack (rank, start) into one float: rank · 2^32 + start is exact below 2^53.
	const SHIFT = 2 ** 32;
	for (let i = 0; i < n - 1; i++) {
		const r = table.pair[piece.charCodeAt(i) * 256 + piece.charCodeAt(i + 1)]!;
		pairRank[i] = r;
		if (r !== NONE) heap.push(r * SHIFT + i);
	}
	const rerank = (start: number): void => {
		const mid = next[start]!;
		const r = mid < n ? rankOfRange(table, piece, start, next[mid]!) : NONE;
		pairRank[start] = r;
		if (r !== NONE) heap.push(r * SHIFT + start);
	};
	while (heap.size > 0) {
		const key = heap.pop();
		const start = key % SHIFT;
		const rank = (key - start) / SHIFT;
		if (!alive[start] || pairRank[start] !== rank) continue;
		const removed = next[start]!;
		alive[removed] = 0;
		token[start] = rank;
		next[start] = next[removed]!;
		if (next[removed]! < n) prev[next[removed]!] = start;
		rerank(start);
		if (prev[start]! >= 0) rerank(prev[start]!);
	}
	for (let i = 0; i < n; i = next[i]!) out.push(token[i]!);
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
