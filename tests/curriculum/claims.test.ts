import { beforeAll, describe, expect, it } from 'vitest';
import { analogy, cosine, loadWordVectors, type WordVectors } from '../../src/models/embeddings/index.js';

/**
 * The curriculum tells members what they will see when they try a demo (week 5: "cat and dog are neighbours",
 * "good and bad come out similar", "king − man + woman lands near queen", "cat, dog much higher than cat, car").
 * A sentence that teaches must stay true of the vectors the bot ships, so each claim is checked here.
 */
describe('claims the curriculum makes about the word vectors', () => {
	let vectors: WordVectors;
	const cos = (a: string, b: string) => cosine(vectors, vectors.find(a)!, vectors.find(b)!).cosine;
	beforeAll(async () => {
		vectors = await loadWordVectors();
	});

	it('GIVEN week 5 says cat/dog is much higher than cat/car THEN it is (by more than 0.3)', () => {
		expect(cos('cat', 'dog') - cos('cat', 'car')).toBeGreaterThan(0.3);
	});

	it('GIVEN week 5 says antonyms such as good/bad and hot/cold come out similar THEN their cosines are high (> 0.6)', () => {
		expect(cos('good', 'bad')).toBeGreaterThan(0.6);
		expect(cos('hot', 'cold')).toBeGreaterThan(0.6);
	});

	it('GIVEN week 5 says frequent function words are not nearly as similar THEN cat/the is far below cat/dog', () => {
		expect(cos('cat', 'dog') - cos('cat', 'the')).toBeGreaterThan(0.3);
	});

	it('GIVEN week 5 says Paris sits near London and king is far from banana THEN so it is', () => {
		expect(cos('paris', 'london')).toBeGreaterThan(0.6);
		expect(cos('king', 'banana')).toBeLessThan(0.3);
	});

	it('GIVEN week 5 says king − man + woman lands near queen THEN queen is the top answer', () => {
		const result = analogy(vectors, vectors.find('man')!, vectors.find('king')!, vectors.find('woman')!);
		expect(result.answers[0]?.word.text).toBe('queen');
	});
});
