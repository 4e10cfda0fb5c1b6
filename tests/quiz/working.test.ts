import { describe, expect, it } from 'vitest';
import { evaluatePure, needsModels, type PureComputation } from '../../src/curriculum/index.js';
import { num, workingLines } from '../../src/quiz/working.js';
import { testCurriculum } from '../helpers/deps.js';

describe('worked answers', () => {
	it('GIVEN every numeric question of the bank that needs no model THEN its working ends with the computed value', async () => {
		const curriculum = await testCurriculum();
		let checked = 0;
		for (const q of curriculum.questions) {
			if (q.kind !== 'numeric' || needsModels(q.compute)) continue;
			const value = evaluatePure(q.compute);
			const lines = workingLines(q.compute, value);
			expect(lines.length, q.id).toBeGreaterThanOrEqual(2);
			expect(lines.at(-1), q.id).toContain(`**${num(value)}**`);
			checked++;
		}
		expect(checked).toBeGreaterThanOrEqual(45);
	});

	it('GIVEN softmax([3, 2, 1, 0] / 0.5) THEN the lines show the scaled logits, the exponentials and their sum, then p[0]', () => {
		const c: PureComputation = { kind: 'softmax-probability', logits: [3, 2, 1, 0], temperature: 0.5, index: 0 };
		const sum = Math.exp(6) + Math.exp(4) + Math.exp(2) + 1;
		expect(workingLines(c, evaluatePure(c))).toEqual([
			'Divide by T = 0.5: z/T = [6, 4, 2, 0]',
			`e^(z/T) = [403.4, 54.6, 7.389, 1], sum ${num(sum)}`,
			`Probabilities = e^(z/T) / sum = [${[Math.exp(6), Math.exp(4), Math.exp(2), 1].map((e) => num(e / sum)).join(', ')}]`,
			`p[0] = **${num(Math.exp(6) / sum)}**`,
		]);
	});

	it('GIVEN a dot product, a cosine and a parameter count THEN each line states the question’s own numbers', () => {
		expect(workingLines({ kind: 'dot-product', a: [1, 2, 3], b: [4, 5, 6] }, 32)).toEqual([
			'a·b = 1×4 + 2×5 + 3×6',
			'= **32**',
		]);
		expect(workingLines({ kind: 'cosine', a: [3, 4], b: [4, 3] }, 0.96)[0]).toBe('a·b = 24, ‖a‖ = 5, ‖b‖ = 5');
		expect(
			workingLines({ kind: 'parameter-count', layer: 'multi-head-attention', d_model: 512, heads: 8 }, 1_050_624),
		).toEqual(['4 projections (Q, K, V, output) of 512 × 512 plus 4 biases of 512: 4×512² + 4×512', '= **1,050,624**']);
	});

	it('GIVEN numbers of every size THEN num prints integers whole, others with four significant digits, extremes in scientific notation', () => {
		expect([num(2359296), num(0.86466), num(-0.5), num(0.0000123), num(12345678.9)]).toEqual([
			'2,359,296',
			'0.8647',
			'−0.5',
			'1.230e-5',
			'1.235e+7',
		]);
	});
});
