/**
 * Pearson's chi-square statistic of observed counts against expected probabilities (cells with expected
 * probability 0 must have no observations; they are checked separately and skipped here).
 */
export function chiSquare(
	counts: readonly number[],
	probs: ArrayLike<number>,
	n: number,
): { stat: number; df: number } {
	let stat = 0;
	let cells = 0;
	for (let i = 0; i < counts.length; i++) {
		const expected = (probs[i] as number) * n;
		if (expected === 0) continue;
		stat += ((counts[i] as number) - expected) ** 2 / expected;
		cells++;
	}
	return { stat, df: cells - 1 };
}

/** Upper critical value of chi-square with `df` degrees of freedom (Wilson–Hilferty); z = 3.09 is p = 0.001. */
export function chiSquareCritical(df: number, z = 3.09): number {
	const a = 2 / (9 * df);
	return df * (1 - a + z * Math.sqrt(a)) ** 3;
}
