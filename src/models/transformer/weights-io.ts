import { parameterShapes, validateConfig, type ModelConfig } from './config.js';
import type { Weights } from './init.js';

/** One tensor's place in `weights.bin` (offsets and lengths in float32 elements). */
export interface TensorEntry {
	name: string;
	shape: number[];
	offset: number;
	length: number;
}

/** `model.json`: the architecture and the index of `weights.bin` (little-endian float32, tensors back to back). */
export interface ModelManifest {
	format: 'llm-study-bot/transformer@1';
	config: ModelConfig;
	dtype: 'float32';
	tensors: TensorEntry[];
}

/** Packs weights in `parameterShapes` order; throws if a tensor is missing or has the wrong shape. */
export function serializeWeights(config: ModelConfig, weights: Weights): { manifest: ModelManifest; bin: Buffer } {
	validateConfig(config);
	const tensors: TensorEntry[] = [];
	let offset = 0;
	for (const [name, shape] of parameterShapes(config)) {
		const w = weights.get(name);
		if (!w || w.shape.join() !== shape.join())
			throw new Error(`weight ${name}: expected shape [${shape.join()}], got ${w ? `[${w.shape.join()}]` : 'none'}`);
		tensors.push({ name, shape, offset, length: w.data.length });
		offset += w.data.length;
	}
	const all = new Float32Array(offset);
	for (const t of tensors) all.set((weights.get(t.name) as { data: Float32Array }).data, t.offset);
	const bin = Buffer.from(all.buffer, all.byteOffset, all.byteLength);
	return { manifest: { format: 'llm-study-bot/transformer@1', config, dtype: 'float32', tensors }, bin };
}

/** Unpacks `weights.bin` with its manifest, checking every shape against the config. */
export function deserializeWeights(manifest: ModelManifest, bin: Uint8Array): Weights {
	if (manifest.format !== 'llm-study-bot/transformer@1')
		throw new Error(`unknown model format ${String(manifest.format)}`);
	validateConfig(manifest.config);
	// Weights in shared memory (one copy for every thread: shared-weights.ts) are read in place. Otherwise copy into
	// an aligned buffer: a Buffer read from disk may start at an offset not divisible by 4.
	const inPlace = bin.buffer instanceof SharedArrayBuffer && bin.byteOffset % 4 === 0 && bin.byteLength % 4 === 0;
	const floats = inPlace ? new Float32Array(bin.buffer, bin.byteOffset, bin.byteLength / 4) : alignedCopy(bin);
	const byName = new Map(manifest.tensors.map((t) => [t.name, t]));
	const out: Weights = new Map();
	for (const [name, shape] of parameterShapes(manifest.config)) {
		const t = byName.get(name);
		const size = shape.reduce((a, b) => a * b, 1);
		if (!t || t.shape.join() !== shape.join() || t.length !== size)
			throw new Error(`weights.bin: tensor ${name} missing or misshapen`);
		if (t.offset + t.length > floats.length)
			throw new Error(`weights.bin: tensor ${name} runs past the end of the file`);
		// Views, not copies: the tensors lie back to back, so the views together hold the file once.
		out.set(name, { shape, data: floats.subarray(t.offset, t.offset + t.length) });
	}
	return out;
}

function alignedCopy(bin: Uint8Array): Float32Array {
	const floats = new Float32Array(bin.byteLength / 4);
	new Uint8Array(floats.buffer).set(bin);
	return floats;
}
