/**
 * An encoding's mergeable ranks in typed arrays over SharedArrayBuffers: every token's bytes in one blob, offsets by
 * rank, and an open-addressing hash table keyed by the bytes. o200k_base takes about 4.5 MiB this way, against tens
 * of MiB as a `Map` of strings; and the same memory can be posted to worker threads (structured cloning a typed
 * array over a SharedArrayBuffer shares it), so a pool holds one copy instead of one per thread.
 */

/** "No such token": larger than any rank. */
export const NONE = 0x7fffffff;

/** The ranks of one encoding. Every field is a view of shared memory; the object can be posted to a thread as is. */
export interface RankTable {
	/** Every token's bytes, in rank order. */
	readonly bytes: Uint8Array;
	/** Token r is `bytes[offsets[r] .. offsets[r + 1]]`; empty where r is no ordinary token. */
	readonly offsets: Int32Array;
	/** Linear-probing hash table of the tokens' bytes (see {@link hashRange}): rank + 1 in each used slot, else 0. */
	readonly slots: Int32Array;
	/** Rank of each single byte. */
	readonly byte: Int32Array;
	/** Rank of each two-byte token at `b0 · 256 + b1`, else NONE (the first merges of every piece look here). */
	readonly pair: Int32Array;
}

function sharedInt32(length: number): Int32Array {
	return new Int32Array(new SharedArrayBuffer(length * Int32Array.BYTES_PER_ELEMENT));
}

/**
 * Lays out a table for ranks `0 .. lengths.length - 1` where token r has `lengths[r]` bytes (0: no token). The
 * caller writes each token's bytes at `bytes[offsets[r]]`, then calls {@link finishRankTable}.
 */
export function allocateRankTable(lengths: Int32Array): { bytes: Uint8Array; offsets: Int32Array } {
	const offsets = sharedInt32(lengths.length + 1);
	let total = 0;
	for (let r = 0; r < lengths.length; r++) {
		offsets[r] = total;
		total += lengths[r]!;
	}
	offsets[lengths.length] = total;
	return { bytes: new Uint8Array(new SharedArrayBuffer(total)), offsets };
}

/** Builds the hash, byte and pair tables over filled-in token bytes; every single byte must have a rank. */
export function finishRankTable(bytes: Uint8Array, offsets: Int32Array): RankTable {
	const ranks = offsets.length - 1;
	let count = 0;
	for (let r = 0; r < ranks; r++) if (offsets[r + 1]! > offsets[r]!) count++;
	// At most half full, so a miss ends after a couple of probes.
	let size = 16;
	while (size < count * 2) size *= 2;
	const slots = sharedInt32(size);
	const byte = sharedInt32(256).fill(NONE);
	const pair = sharedInt32(65536).fill(NONE);
	const mask = size - 1;
	const table: RankTable = { bytes, offsets, slots, byte, pair };
	for (let r = 0; r < ranks; r++) {
		const from = offsets[r]!;
		const to = offsets[r + 1]!;
		if (to === from) continue;
		if (to - from === 1) byte[bytes[from]!] = r;
		else if (to - from === 2) pair[bytes[from]! * 256 + bytes[from + 1]!] = r;
		let slot = hashBytes(bytes, from, to) & mask;
		while (slots[slot] !== 0) {
			if (sameBytes(table, slots[slot]! - 1, from, to))
				throw new RangeError(`ranks ${slots[slot]! - 1} and ${r} have the same bytes`);
			slot = (slot + 1) & mask;
		}
		slots[slot] = r + 1;
	}
	const missing = byte.indexOf(NONE);
	if (missing >= 0) throw new RangeError(`byte ${missing} has no rank`);
	return table;
}

/** A table from byte strings (see `byte-string.ts`) and their ranks; ranks must be distinct non-negative integers. */
export function rankTableFromByteStrings(ranks: ReadonlyMap<string, number>): RankTable {
	let max = -1;
	for (const rank of ranks.values()) {
		if (!Number.isInteger(rank) || rank < 0 || rank >= NONE) throw new RangeError(`bad rank ${rank}`);
		if (rank > max) max = rank;
	}
	const lengths = new Int32Array(max + 1);
	for (const [text, rank] of ranks) {
		if (lengths[rank] !== 0) throw new RangeError(`rank ${rank} appears twice`);
		if (text.length === 0) throw new RangeError(`rank ${rank} has no bytes`);
		lengths[rank] = text.length;
	}
	const { bytes, offsets } = allocateRankTable(lengths);
	for (const [text, rank] of ranks) {
		const at = offsets[rank]!;
		for (let i = 0; i < text.length; i++) bytes[at + i] = text.charCodeAt(i);
	}
	return finishRankTable(bytes, offsets);
}

/** Spreads every bit of an FNV-1a hash into the low bits, which pick the slot (FNV's low bits see only low bits). */
function mix(h: number): number {
	h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
	return h ^ (h >>> 15);
}

/**
 * FNV-1a over byte values, mixed. A byte string's char codes hash as the same bytes in the blob do
 * ({@link hashRange}), so a piece of text is looked up in place, without copying it out.
 */
function hashBytes(bytes: Uint8Array, from: number, to: number): number {
	let h = 0x811c9dc5;
	for (let i = from; i < to; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
	return mix(h);
}

/** The hash of byte string `text[from .. to)`, equal to {@link hashBytes} of the same bytes. */
export function hashRange(text: string, from: number, to: number): number {
	let h = 0x811c9dc5;
	for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
	return mix(h);
}

function sameBytes(table: RankTable, rank: number, from: number, to: number): boolean {
	const { bytes, offsets } = table;
	const at = offsets[rank]!;
	if (offsets[rank + 1]! - at !== to - from) return false;
	for (let i = 0; i < to - from; i++) if (bytes[at + i] !== bytes[from + i]) return false;
	return true;
}

/** The rank of the token whose bytes are byte string `text[from .. to)`, else NONE. */
export function rankOfRange(table: RankTable, text: string, from: number, to: number): number {
	const { bytes, offsets, slots } = table;
	const mask = slots.length - 1;
	const length = to - from;
	for (let slot = hashRange(text, from, to) & mask; ; slot = (slot + 1) & mask) {
		const entry = slots[slot]!;
		if (entry === 0) return NONE;
		const at = offsets[entry - 1]!;
		if (offsets[entry]! - at !== length) continue;
		let i = 0;
		while (i < length && bytes[at + i] === text.charCodeAt(from + i)) i++;
		if (i === length) return entry - 1;
	}
}

/** Whether `rank` is an ordinary token of the table. */
export function hasRank(table: RankTable, rank: number): boolean {
	return rank >= 0 && rank < table.offsets.length - 1 && table.offsets[rank + 1]! > table.offsets[rank]!;
}

/** The bytes of token `rank` (a view of the table, not a copy); undefined if it is no ordinary token. */
export function tokenBytesOf(table: RankTable, rank: number): Uint8Array | undefined {
	if (!hasRank(table, rank)) return undefined;
	return table.bytes.subarray(table.offsets[rank], table.offsets[rank + 1]);
}
