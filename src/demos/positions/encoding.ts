import { dot } from '../../models/vector-math.js';

/*
 * The arithmetic of /positions, pure and in float64: the sinusoidal encoding of "Attention Is All You Need"
 * (Vaswani et al. 2017, §3.5), similarity matrices, and how similarity falls with distance.
 */

/** Angular frequency of pair i (dimensions 2i and 2i + 1): ωᵢ = 1 / 10000^(2i/d). */
export function frequency(i: number, dims: number): number {
	return 1 / 10000 ** ((2 * i) / dims);
}

/** How many positions pair i takes to repeat: 2π / ωᵢ. */
export function wavelength(i: number, dims: number): number {
	return (2 * Math.PI) / frequency(i, dims);
}

/** PE[pos][2i] = sin(pos·ωᵢ), PE[pos][2i+1] = cos(pos·ωᵢ), for pos < length and `dims` (even) dimensions. */
export function sinusoidalEncoding(length: number, dims: number): number[][] {
	return Array.from({ length }, (_, pos) =>
		Array.from({ length: dims }, (_, k) => {
			const angle = pos * frequency(Math.floor(k / 2), dims);
			return k % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
		}),
	);
}

export function norm(a: readonly number[]): number {
	return Math.sqrt(dot(a, a));
}

/** Every row's dot product with every row. */
export function dotMatrix(rows: readonly (readonly number[])[]): number[][] {
	return rows.map((a) => rows.map((b) => dot(a, b)));
}

/** Every row's cosine similarity with every row (0 for a zero row). */
export function cosineMatrix(rows: readonly (readonly number[])[]): number[][] {
	const norms = rows.map(norm);
	return rows.map((a, i) =>
		rows.map((b, j) => (norms[i]! > 0 && norms[j]! > 0 ? dot(a, b) / (norms[i]! * norms[j]!) : 0)),
	);
}

/** curve[k] = the mean of m[p][p − k] over every p ≥ k: how alike positions k apart are, on average. */
export function meanByDistance(m: readonly (readonly number[])[]): number[] {
	return m.map((_, k) => {
		let sum = 0;
		for (let p = k; p < m.length; p++) sum += m[p]![p - k]!;
		return sum / (m.length - k);
	});
}

/** The smallest distance k ≥ 1 at which `curve` falls below `threshold`, or null if it never does. */
export function distanceBelow(curve: readonly number[], threshold: number): number | null {
	for (let k = 1; k < curve.length; k++) if (curve[k]! < threshold) return k;
	return null;
}

/** A pair of positions and how alike they are. */
export interface PositionPair {
	p: number;
	q: number;
	value: number;
}

/** The most alike pair (p > q) at least `minDistance` apart, first in row order on ties; null if there is none. */
export function mostAlikeApart(m: readonly (readonly number[])[], minDistance: number): PositionPair | null {
	let best: PositionPair | null = null;
	for (let p = minDistance; p < m.length; p++) {
		for (let q = 0; q + minDistance <= p; q++) {
			const value = m[p]![q]!;
			if (!best || value > best.value) best = { p, q, value };
		}
	}
	return best;
}

/** Rows of a row-major [rows · cols] array. */
export function rowsOf(data: ArrayLike<number>, rows: number, cols: number): number[][] {
	return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => data[r * cols + c]!));
}
