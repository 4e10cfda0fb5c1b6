/**
 * Special functions the evaluator needs and `Math` lacks, in float64. Kept apart so their accuracy can be tested
 * against published values on their own.
 */

const TWO_OVER_SQRT_PI = 1.1283791670955126; // 2/√π
const ONE_OVER_SQRT_PI = 0.5641895835477563; // 1/√π

/**
 * The error function erf(x) = 2/√π ∫₀ˣ e^(−t²) dt, to within a few ulps of float64 over the whole line.
 * Near zero the Maclaurin series converges fast and has little cancellation; from |x| = 2.5 on, the series would
 * lose digits, so erf = 1 − erfc with erfc from its continued fraction, which converges quickly out there.
 */
export function erf(x: number): number {
	if (Number.isNaN(x)) return Number.NaN;
	if (x < 0) return -erf(-x);
	if (x >= 6) return 1; // erfc(6) ≈ 2.2e-17, below half an ulp of 1
	if (x < 2.5) return erfSeries(x);
	return 1 - erfcContinuedFraction(x);
}

/** erf by its Maclaurin series Σ (−1)ⁿ x^(2n+1) / (n! (2n+1)). */
function erfSeries(x: number): number {
	const x2 = x * x;
	let term = x; // (−1)ⁿ x^(2n+1) / n!
	let sum = x;
	for (let n = 1; n < 200; n++) {
		term *= -x2 / n;
		const add = term / (2 * n + 1);
		sum += add;
		if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
	}
	return TWO_OVER_SQRT_PI * sum;
}

/**
 * erfc(x) for x > 0 by the continued fraction e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), evaluated
 * with the modified Lentz method.
 */
function erfcContinuedFraction(x: number): number {
	const tiny = 1e-300;
	let f = x;
	let c = x;
	let d = 0;
	for (let n = 1; n < 500; n++) {
		const a = n / 2;
		d = x + a * d;
		d = d === 0 ? tiny : d;
		c = x + a / c;
		c = c === 0 ? tiny : c;
		d = 1 / d;
		const delta = c * d;
		f *= delta;
		if (Math.abs(delta - 1) < 1e-16) break;
	}
	return (Math.exp(-x * x) * ONE_OVER_SQRT_PI) / f;
}

/** GELU as defined by Hendrycks & Gimpel (2016): x · Φ(x), with Φ the standard normal CDF. */
export function gelu(x: number): number {
	return 0.5 * x * (1 + erf(x / Math.SQRT2));
}

/** The tanh approximation of GELU used by GPT-2 and BERT's original code. */
export function geluTanh(x: number): number {
	const inner = Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x);
	return 0.5 * x * (1 + Math.tanh(inner));
}

/** SiLU (swish): x · σ(x), written so that neither branch overflows for large |x|. */
export function silu(x: number): number {
	if (x >= 0) return x / (1 + Math.exp(-x));
	const e = Math.exp(x);
	return (x * e) / (1 + e);
}
