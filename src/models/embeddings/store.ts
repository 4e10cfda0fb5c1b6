import { closeSync, openSync, readSync } from 'node:fs';
import { endianness } from 'node:os';
import { fnv1a, parseHeader, type SharedVectorData, type VectorFileHeader } from './vector-file.js';

/** A word of the vocabulary: its text and its row (rows are in frequency order, 0 = most frequent). */
export interface Word {
	text: string;
	index: number;
}

/**
 * The word vectors of one thread: the shared index (words, hash, norms, int8 unit rows) plus positional reads of
 * the exact Float32 rows. Construct it from {@link SharedVectorData}; in a worker, from the data the main thread
 * posted (the SharedArrayBuffer is shared, not copied).
 */
export class WordVectors {
	readonly count: number;
	readonly dims: number;
	/** Original L2 norm of each row. */
	readonly norms: Float32Array;
	/** Per-row scale of the int8 rows: unit row ≈ scale · int8 row. */
	readonly scales: Float32Array;
	/** Int8 unit rows, row-major (`count × dims`). */
	readonly rowsI8: Int8Array;
	private readonly data: SharedVectorData;
	private readonly header: VectorFileHeader;
	private readonly wordOffsets: Uint32Array;
	private readonly wordBlob: Uint8Array;
	private readonly hash: Int32Array;
	private fd: number | undefined;

	constructor(data: SharedVectorData) {
		if (endianness() !== 'LE') throw new Error('the word-vector file is little-endian');
		this.data = data;
		const { index } = data;
		this.header = parseHeader(new Uint8Array(index, 0, Math.min(index.byteLength, 144)));
		const { count, dims, hashSlots, sections } = this.header;
		this.count = count;
		this.dims = dims;
		this.wordOffsets = new Uint32Array(index, sections.wordOffsets.offset, count + 1);
		this.wordBlob = new Uint8Array(index, sections.wordBlob.offset, sections.wordBlob.bytes);
		this.hash = new Int32Array(index, sections.hash.offset, hashSlots);
		this.norms = new Float32Array(index, sections.norms.offset, count);
		this.scales = new Float32Array(index, sections.scales.offset, count);
		this.rowsI8 = new Int8Array(index, sections.rowsI8.offset, count * dims);
	}

	/** The data to post to a worker so it can build its own `WordVectors` over the same memory. */
	share(): SharedVectorData {
		return this.data;
	}

	/**
	 * The word for `text`, matched after trimming, Unicode NFC and lower-casing (the vocabulary is lowercase).
	 * Undefined if it is not in the vocabulary.
	 */
	find(text: string): Word | undefined {
		const normal = normalizeWord(text);
		const bytes = Buffer.from(normal, 'utf8');
		const mask = this.hash.length - 1;
		for (let slot = fnv1a(bytes, 0, bytes.length) & mask; ; slot = (slot + 1) & mask) {
			const entry = this.hash[slot]!;
			if (entry === 0) return undefined;
			const index = entry - 1;
			if (this.bytesEqual(index, bytes)) return { text: normal, index };
		}
	}

	/** The word at row `index`. */
	word(index: number): Word {
		return { text: this.text(index), index };
	}

	/** The text of row `index`. */
	text(index: number): string {
		if (!(index >= 0 && index < this.count)) throw new RangeError(`no word at ${index}`);
		const from = this.wordOffsets[index]!;
		const to = this.wordOffsets[index + 1]!;
		// TextDecoder refuses views of shared memory; Buffer copies the few bytes.
		return Buffer.from(this.wordBlob.subarray(from, to)).toString('utf8');
	}

	/** The original L2 norm of row `index`. */
	norm(index: number): number {
		return this.norms[index]!;
	}

	/** The original (not normalised) vector of row `index`, read from the file. */
	vector(index: number): Float32Array {
		if (!(index >= 0 && index < this.count)) throw new RangeError(`no word at ${index}`);
		const row = new Float32Array(this.dims);
		const bytes = new Uint8Array(row.buffer);
		this.fd ??= openSync(this.data.path, 'r');
		const position = this.header.sections.rowsF32.offset + index * this.dims * 4;
		if (readSync(this.fd, bytes, 0, bytes.length, position) !== bytes.length) throw new Error('short read');
		return row;
	}

	/** Closes the file handle (the index stays usable; the next `vector` call reopens it). */
	close(): void {
		if (this.fd !== undefined) closeSync(this.fd);
		this.fd = undefined;
	}

	private bytesEqual(index: number, bytes: Uint8Array): boolean {
		const from = this.wordOffsets[index]!;
		if (this.wordOffsets[index + 1]! - from !== bytes.length) return false;
		for (let i = 0; i < bytes.length; i++) if (this.wordBlob[from + i] !== bytes[i]) return false;
		return true;
	}
}

/** How member text is matched to the vocabulary: trimmed, NFC, lowercase. */
export function normalizeWord(text: string): string {
	return text.trim().normalize('NFC').toLowerCase();
}
