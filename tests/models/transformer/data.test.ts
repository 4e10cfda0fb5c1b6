import { describe, expect, it } from 'vitest';
import { bigramBaseline, unigramBaseline } from '../../../src/models/transformer/baselines.js';
import { joinWithSeparator, splitDocuments } from '../../../src/models/transformer/corpus.js';
import { bitsPerByte, validationWindows, windowTargets } from '../../../src/models/transformer/evaluate.js';
import { learningRate } from '../../../src/models/transformer/schedule.js';

describe('corpus split', () => {
	it('GIVEN a document THEN the validation tail starts at a line break past 95% and the parts rejoin', () => {
		const text = Array.from({ length: 100 }, (_, i) => `line ${i}`).join('\n');
		const [s] = splitDocuments([{ name: 'x', text }]);
		expect(s!.train + s!.validation).toBe(text);
		expect(s!.train.endsWith('\n')).toBe(true);
		expect(s!.train.length).toBeGreaterThanOrEqual(Math.floor(text.length * 0.95));
		expect(s!.validation.length / text.length).toBeGreaterThan(0.04);
	});

	it('GIVEN documents THEN joinWithSeparator puts the separator after each', () => {
		expect(Array.from(joinWithSeparator([[1, 2], [3]], 9))).toEqual([1, 2, 9, 3, 9]);
	});
});

describe('validation windows', () => {
	it('GIVEN documents THEN every token after the first of each is predicted exactly once', () => {
		const docs = [Int32Array.from([1, 2, 3, 4, 5, 6, 7]), Int32Array.from([8, 9])];
		const windows = validationWindows(docs, 3);
		expect(windows.map((w) => Array.from(w))).toEqual([
			[1, 2, 3, 4],
			[4, 5, 6, 7],
			[8, 9],
		]);
		expect(windowTargets(windows).map((t) => t.target)).toEqual([2, 3, 4, 5, 6, 7, 9]);
		expect(windowTargets(windows)[3]).toEqual({ previous: 4, target: 5 });
		expect(bitsPerByte(Math.LN2 * 8, 4)).toBeCloseTo(2, 12);
	});
});

describe('n-gram baselines', () => {
	const train = Int32Array.from([0, 1, 0, 1, 0, 2]);
	it('GIVEN counts THEN the unigram is add-one smoothed', () => {
		// c = [3, 2, 1], N = 6, V = 4 → P(1) = 3/10, P(3) = 1/10.
		const r = unigramBaseline(train, 4, [
			{ previous: 0, target: 1 },
			{ previous: 0, target: 3 },
		]);
		expect(r.totalNats).toBeCloseTo(-Math.log(0.3) - Math.log(0.1), 12);
		expect(r.natsPerToken).toBeCloseTo(r.totalNats / 2, 12);
	});

	it('GIVEN counts THEN the bigram interpolates by Witten–Bell', () => {
		// After 0: 1 twice, 2 once → c(0) = 3, n(0) = 2, λ = 3/5. P(1|0) = 0.6·2/3 + 0.4·0.3 = 0.52.
		const r = bigramBaseline(train, 4, [{ previous: 0, target: 1 }]);
		expect(Math.exp(-r.totalNats)).toBeCloseTo(0.52, 12);
		// Token 2 is never followed in training → the unigram: P(0) = 4/10.
		expect(Math.exp(-bigramBaseline(train, 4, [{ previous: 2, target: 0 }]).totalNats)).toBeCloseTo(0.4, 12);
	});
});

describe('learning-rate schedule', () => {
	const cfg = { steps: 1100, warmupSteps: 100, peakLearningRate: 1e-3, finalLearningRate: 1e-4 };
	it('GIVEN steps THEN it warms up linearly, peaks, and decays by cosine to the floor', () => {
		expect(learningRate(0, cfg)).toBeCloseTo(1e-5, 15);
		expect(learningRate(99, cfg)).toBeCloseTo(1e-3, 15);
		expect(learningRate(100, cfg)).toBeCloseTo(1e-3, 15);
		expect(learningRate(600, cfg)).toBeCloseTo(5.5e-4, 15);
		expect(learningRate(1100, cfg)).toBeCloseTo(1e-4, 15);
	});
});
