import { closeSync, openSync, readSync } from 'node:fs';

/**
 * The binary written by `scripts/convert-vectors.mjs` (keep both in step), little-endian:
 *
 * | bytes | field |
 * |---|---|
 * | 0 | magic `WVEC` |
 * | 4 | format version (u32) |
 * | 8 | word count (u32), rows in frequency order |
 * | 12 | dimensions (u32) |
 * | 16 | hash slots (u32, a power of two) |
 * | 24 | byte size of the source JSON (f64), to notice a changed package |
 * | 32 + 16k | section k's offset and byte length (two f64), k = 0…6 in the order of {@link SECTIONS} |
 *
 * Sections, each 8-byte aligned: word offsets (u32 × count+1) into the UTF-8 word bytes; an open-addressing hash
 * table of FNV-1a(word bytes) → index+1 (i32, 0 = empty, linear probing); the original L2 norms (f32); per-row
 * int8 scales (f32: unit row ≈ scale · int8 row); the int8 rows; the original Float32 rows.
 *
 * Everything up to the Float32 rows (about 45 MB) is the in-memory index; the Float32 rows (137 MB) stay on disk
 * and are read a row at a time, so exact figures never need them in memory.
 */
export const FORMAT_VERSION = 1;
const MAGIC = 0x43455657;
export const SECTIONS = ['wordOffsets', 'wordBlob', 'hash', 'norms', 'scales', 'rowsI8', 'rowsF32'] as const;
type Section = (typeof SECTIONS)[number];

export interface VectorFileHeader {
	version: number;
	count: number;
	dims: number;
	hashSlots: number;
	sourceBytes: number;
	sections: Record<Section, { offset: number; bytes: number }>;
}

/** Parses the header; throws if this is not a vector file of our version. */
export function parseHeader(bytes: Uint8Array): VectorFileHeader {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	if (bytes.byteLength < 144 || view.getUint32(0, true) !== MAGIC) throw new Error('not a word-vector file');
	const version = view.getUint32(4, true);
	if (version !== FORMAT_VERSION) throw new Error(`word-vector file version ${version}, expected ${FORMAT_VERSION}`);
	const sections = {} as VectorFileHeader['sections'];
	SECTIONS.forEach((name, k) => {
		sections[name] = { offset: view.getFloat64(32 + k * 16, true), bytes: view.getFloat64(40 + k * 16, true) };
	});
	return {
		version,
		count: view.getUint32(8, true),
		dims: view.getUint32(12, true),
		hashSlots: view.getUint32(16, true),
		sourceBytes: view.getFloat64(24, true),
		sections,
	};
}

/** What a thread needs to use the vectors: the index in shared memory and the file for exact rows. */
export interface SharedVectorData {
	/** The file's bytes up to the Float32 rows. A SharedArrayBuffer, so posting it to a worker does not copy it. */
	index: SharedArrayBuffer;
	/** The vector file, for the Float32 rows. */
	path: string;
}

/** Reads the in-memory part of the vector file into one SharedArrayBuffer. */
export function readVectorIndex(path: string): SharedVectorData {
	const fd = openSync(path, 'r');
	try {
		const head = new Uint8Array(144);
		readSync(fd, head, 0, head.length, 0);
		const header = parseHeader(head);
		const length = header.sections.rowsF32.offset;
		const index = new SharedArrayBuffer(length);
		const bytes = new Uint8Array(index);
		for (let done = 0; done < length;) {
			const n = readSync(fd, bytes, done, length - done, done);
			if (n === 0) throw new Error(`${path} is truncated`);
			done += n;
		}
		return { index, path };
	} finally {
		closeSync(fd);
	}
}

/** 32-bit FNV-1a over bytes, the hash of the word table (the converter computes the same). */
export function fnv1a(bytes: Uint8Array, from: number, to: number): number {
	let h = 0x811c9dc5;
	for (let i = from; i < to; i++) {
		h ^= bytes[i]!;
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}
