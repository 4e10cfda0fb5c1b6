/** LayerNorm epsilon, as GPT-2. */
export const LAYER_NORM_EPS = 1e-5;

/**
 * LayerNorm of one vector in float64, as the model's layers compute it in float32: (x − mean) / √(variance + ε) · g + b,
 * with the population variance and GPT-2's ε. The references and demos that check the model's numbers use this.
 */
export function layerNorm64(
	x: ArrayLike<number>,
	g: ArrayLike<number>,
	b: ArrayLike<number>,
	/** Where to write (the KV cache's decode step reuses one buffer per layer); a new array by default. */
	out: Float64Array = new Float64Array(x.length),
): Float64Array {
	const d = x.length;
	let mean = 0;
	for (let j = 0; j < d; j++) mean += x[j]!;
	mean /= d;
	let variance = 0;
	for (let j = 0; j < d; j++) variance += (x[j]! - mean) ** 2;
	variance /= d;
	const rstd = 1 / Math.sqrt(variance + LAYER_NORM_EPS);
	for (let j = 0; j < d; j++) out[j] = (x[j]! - mean) * rstd * g[j]! + b[j]!;
	return out;
}
