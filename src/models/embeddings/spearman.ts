/**
 * Ranks of `values`, 1 = smallest, ties sharing the mean of the ranks they span (so [10, 20, 20, 30] ranks as
 * [1, 2.5, 2.5, 4]). Spearman's coefficient is only correct with such tie-aware ranks.
 */
export function tieAwareRanks(values: readonly number[]): number[] {
	const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
	const ranks = new Array<number>(values.length);
	for (let start = 0; start < order.length;) {
		let end = start + 1;
		while (end < order.length && values[order[end]!] === values[order[start]!]) end++;
		const rank = (start + 1 + end) / 2; // mean of ranks start+1 … end
		for (let k = start; k < end; k++) ranks[order[k]!] = rank;
		start = end;
	}
	return ranks;
}

/** Pearson's correlation coefficient of two equally long lists. */
export function pearson(x: readonly number[], y: readonly number[]): number {
	if (x.length !== y.length || x.length < 2) throw new RangeError('pearson needs two lists of equal length ≥ 2');
	const n = x.length;
	const mx = x.reduce((s, v) => s + v, 0) / n;
	const my = y.reduce((s, v) => s + v, 0) / n;
	let sxy = 0;
	let sxx = 0;
	let syy = 0;
	for (let i = 0; i < n; i++) {
		const dx = x[i]! - mx;
		const dy = y[i]! - my;
		sxy += dx * dy;
		sxx += dx * dx;
		syy += dy * dy;
	}
	return sxy / Math.sqrt(sxx * syy);
}

/** Spearman's rank correlation: Pearson's correlation of the tie-aware ranks. */
export function spearman(x: readonly number[], y: readonly number[]): number {
	return pearson(tieAwareRanks(x), tieAwareRanks(y));
}
