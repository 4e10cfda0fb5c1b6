import { describe, expect, it } from 'vitest';
import { pearson, spearman, tieAwareRanks } from '../../../src/models/embeddings/index.js';

describe('Spearman', () => {
	it('GIVEN ties THEN they share the mean of their ranks', () => {
		expect(tieAwareRanks([10, 20, 20, 30])).toEqual([1, 2.5, 2.5, 4]);
		expect(tieAwareRanks([3, 1, 3, 3])).toEqual([3, 1, 3, 3]);
	});

	it('GIVEN no ties THEN it equals 1 − 6Σd²/(n(n²−1))', () => {
		const x = [1, 2, 3, 4, 5];
		const y = [5, 6, 7, 8, 7.5];
		// ranks of y: 1 2 3 5 4 → d = 0 0 0 −1 1 → 1 − 6·2/120 = 0.9
		expect(spearman(x, y)).toBeCloseTo(0.9, 12);
	});

	it('GIVEN ties THEN it is Pearson of the mid-ranks', () => {
		// ranks x: 1 2.5 2.5 4 5, y: 2 1 3.5 3.5 5; deviations from 3: Σdx·dy = 7.25, Σdx² = Σdy² = 9.5 → 29/38.
		expect(spearman([1, 2, 2, 3, 4], [2, 1, 3, 3, 5])).toBeCloseTo(29 / 38, 12);
	});

	it('GIVEN perfectly related lists THEN ±1', () => {
		expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
		expect(spearman([1, 2, 3], [9, 4, 1])).toBeCloseTo(-1, 12);
	});
});
