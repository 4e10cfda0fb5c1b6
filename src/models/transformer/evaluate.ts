import { tf } from './backend.js';
import type { Target } from './baselines.js';
import type { ModelConfig } from './config.js';
import type { Params } from './model.js';
import { evalLoss } from './train.js';

/**
 * The validation targets: each document's token ids cut into consecutive windows of `length + 1` ids that overlap
 * by one, so every token after a document's first is predicted exactly once, from up to `length` tokens of context.
 */
export function validationWindows(docs: readonly Int32Array[], length: number): Int32Array[] {
	const out: Int32Array[] = [];
	for (const ids of docs) {
		for (let start = 0; start + 1 < ids.length; start += length)
			out.push(ids.subarray(start, Math.min(start + length + 1, ids.length)));
	}
	return out;
}

/** The (previous, target) pairs the windows predict, for the n-gram baselines on exactly the same tokens. */
export function windowTargets(windows: readonly Int32Array[]): Target[] {
	const out: Target[] = [];
	for (const w of windows)
		for (let i = 1; i < w.length; i++) out.push({ previous: w[i - 1] as number, target: w[i] as number });
	return out;
}

/**
 * Total and mean cross-entropy (nats) of the model over the windows' targets. Windows of equal length are
 * batched `batchSize` at a time; the mean is weighted by the number of targets in each batch.
 */
export function evaluate(
	params: Params,
	config: ModelConfig,
	windows: readonly Int32Array[],
	batchSize = 16,
): { totalNats: number; tokens: number; natsPerToken: number } {
	const byLength = new Map<number, Int32Array[]>();
	for (const w of windows) byLength.set(w.length, [...(byLength.get(w.length) ?? []), w]);
	let totalNats = 0;
	let tokens = 0;
	for (const [len, group] of byLength) {
		for (let i = 0; i < group.length; i += batchSize) {
			const chunk = group.slice(i, i + batchSize);
			const ids = new Int32Array(chunk.length * len);
			chunk.forEach((w, b) => ids.set(w, b * len));
			const n = chunk.length * (len - 1);
			totalNats += evalLoss(params, config, { ids, batch: chunk.length, length: len - 1 }) * n;
			tokens += n;
		}
	}
	if (tf.memory().numTensors > 10_000) throw new Error('evaluate: tensor leak');
	return { totalNats, tokens, natsPerToken: totalNats / tokens };
}

/** Bits per byte from total nats and the UTF-8 byte count of the predicted tokens. */
export function bitsPerByte(totalNats: number, bytes: number): number {
	return totalNats / Math.LN2 / bytes;
}
