import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot } from './paths.js';

/** The model the bot ships (assets/models/tiny-gpt/). */
export const DEFAULT_MODEL = 'tiny-gpt';

/** A model's `weights.bin` in shared memory, for every worker thread to read in place. */
export interface SharedModelWeights {
	/** The model's folder under assets/models/. */
	name: string;
	bytes: SharedArrayBuffer;
}

/** The folder `loadTinyGpt` reads a model from. */
export function modelDir(name: string): string {
	return path.join(repoRoot(), 'assets/models', name);
}

/**
 * Reads `weights.bin` once into shared memory (no TensorFlow.js here: the gateway thread calls this at warm-up), so
 * that the worker threads' decoders read one copy instead of one each (5.3 MB a thread for tiny-gpt). Each thread's
 * TensorFlow.js backend still copies the weights into its own WebAssembly memory, which cannot be shared.
 */
export async function shareModelWeights(name = DEFAULT_MODEL): Promise<SharedModelWeights> {
	const file = await readFile(path.join(modelDir(name), 'weights.bin'));
	const bytes = new SharedArrayBuffer(file.byteLength);
	new Uint8Array(bytes).set(file);
	return { name, bytes };
}

const adopted = new Map<string, SharedArrayBuffer>();

/** This thread reads `shared`'s model from shared memory from now on (call before the model's first load). */
export function adoptModelWeights(shared: SharedModelWeights): void {
	adopted.set(shared.name, shared.bytes);
}

/** The model's `weights.bin`: the adopted shared copy, or read from disk into this thread. */
export async function modelWeightsBytes(name: string, dir: string): Promise<Uint8Array> {
	const shared = dir === modelDir(name) ? adopted.get(name) : undefined;
	return shared ? new Uint8Array(shared) : readFile(path.join(dir, 'weights.bin'));
}
