/** Logits or probabilities as the sampling functions accept them. */
export type Vector = Float32Array | Float64Array | readonly number[];

/**
 * Softmax, numerically stable: subtracts the maximum before exponentiating so that large logits cannot overflow.
 * Entries of `-Infinity` get probability 0. Computed in float64.
 */
export function softmax(logits: Vector): Float64Array {
	const n = logits.length;
	const out = new Float64Array(n);
	if (n === 0) return out;
	const max = maxOf(logits);
	if (max === Number.NEGATIVE_INFINITY) throw new Error('softmax: every logit is -Infinity');
	let sum = 0;
	for (let i = 0; i < n; i++) {
		const e = Math.exp((logits[i] as number) - max);
		out[i] = e;
		sum += e;
	}
	for (let i = 0; i < n; i++) out[i] = (out[i] as number) / sum;
	return out;
}

/** log(softmax(x)) computed as x − max − log Σ exp(x − max), which stays finite where softmax underflows to 0. */
export function logSoftmax(logits: Vector): Float64Array {
	const n = logits.length;
	const out = new Float64Array(n);
	if (n === 0) return out;
	const max = maxOf(logits);
	if (max === Number.NEGATIVE_INFINITY) throw new Error('logSoftmax: every logit is -Infinity');
	let sum = 0;
	for (let i = 0; i < n; i++) sum += Math.exp((logits[i] as number) - max);
	const logSum = Math.log(sum);
	for (let i = 0; i < n; i++) out[i] = (logits[i] as number) - max - logSum;
	return out;
}

/** Index of the largest entry; ties go to the lowest index. Returns -1 for an empty vector. */
export function argmax(values: Vector): number {
	let best = -1;
	let bestValue = Number.NEGATIVE_INFINITY;
	for (let i = 0; i < values.length; i++) {
		const v = values[i] as number;
		if (best === -1 || v > bestValue) {
			best = i;
			bestValue = v;
		}
	}
	return best;
}

function maxOf(values: Vector): number {
	let max = Number.NEGATIVE_INFINITY;
	for (let i = 0; i < values.length; i++) {
		const v = values[i] as number;
		if (Number.isNaN(v)) throw new Error(`NaN at index ${i}`);
		if (v > max) max = v;
	}
	return max;
}
