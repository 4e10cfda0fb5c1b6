import { describe, expect, it } from 'vitest';
import {
	evaluate,
	evaluatePure,
	formatNumericAnswer,
	isWithinTolerance,
	needsModels,
	parseNumericAnswer,
	type ModelFunctions,
	type PureComputation,
} from '../../src/curriculum/compute.js';
import type { Computation } from '../../src/curriculum/computations.js';
import { erf, gelu, geluTanh, silu } from '../../src/curriculum/special-functions.js';

const { exp, sqrt, sin, cos, PI } = Math;
const noModels: ModelFunctions = {
	countTokens: () => Promise.reject(new Error('no model expected')),
	countFamilyTokens: () => Promise.reject(new Error('no model expected')),
	wordCosine: () => Promise.reject(new Error('no model expected')),
	beamScore: () => Promise.reject(new Error('no model expected')),
	ngramProbability: () => Promise.reject(new Error('no model expected')),
};
const pure = (c: PureComputation) => evaluatePure(c);

describe('evaluatePure: sampling kinds (through src/models/sampling)', () => {
	it('GIVEN logits [2, 1, 0.1] THEN softmax-probability of index 0 is e^2 / (e^2 + e^1 + e^0.1)', () => {
		expect(pure({ kind: 'softmax-probability', logits: [2, 1, 0.1], index: 0 })).toBeCloseTo(
			exp(2) / (exp(2) + exp(1) + exp(0.1)),
			14,
		);
	});

	it('GIVEN temperature 0.5 THEN the logits are divided by 0.5 before softmax', () => {
		const expected = exp(6) / (exp(6) + exp(4) + exp(2) + exp(0));
		expect(pure({ kind: 'softmax-probability', logits: [3, 2, 1, 0], temperature: 0.5, index: 0 })).toBeCloseTo(
			expected,
			14,
		);
	});

	it('GIVEN huge logits THEN softmax stays finite (max subtracted)', () => {
		expect(pure({ kind: 'softmax-probability', logits: [1000, 999], index: 0 })).toBeCloseTo(1 / (1 + exp(-1)), 14);
	});

	it('GIVEN logits [4, 3, 2, 1, 0] THEN top-p keeps 1, 3, 3 and 4 tokens for p = 0.5, 0.9, 0.95 and 0.96', () => {
		// Probabilities ≈ 0.636, 0.234, 0.086, 0.032, 0.012; running sums 0.636, 0.870, 0.956, 0.988.
		const size = (p: number) => pure({ kind: 'top-p-set-size', logits: [4, 3, 2, 1, 0], p });
		expect([0.5, 0.9, 0.95, 0.96].map(size)).toEqual([1, 3, 3, 4]);
	});

	it('GIVEN top-k with k = 2 THEN index 0 is renormalised over the two survivors and a dropped token gets 0', () => {
		expect(pure({ kind: 'top-k-probability', logits: [2, 1, 0, -1], k: 2, index: 0 })).toBeCloseTo(
			exp(2) / (exp(2) + exp(1)),
			14,
		);
		expect(pure({ kind: 'top-k-probability', logits: [2, 1, 0, -1], k: 2, index: 2 })).toBe(0);
	});

	it('GIVEN min-p 0.1 THEN tokens whose logit is within ln 10 of the top are kept', () => {
		// Kept: 3, 2.5 and 1 (3 − ln 10 ≈ 0.697); dropped: 0 and −1.
		expect(pure({ kind: 'min-p-set-size', logits: [3, 2.5, 1, 0, -1], min_p: 0.1 })).toBe(3);
	});

	it('GIVEN four equal logits THEN the entropy is exactly 2 bits, and temperature cannot change a uniform distribution', () => {
		expect(pure({ kind: 'entropy', logits: [0, 0, 0, 0] })).toBeCloseTo(2, 14);
		expect(pure({ kind: 'entropy', logits: [5, 5, 5, 5], temperature: 0.1 })).toBeCloseTo(2, 14);
	});

	it('GIVEN logits [2, 1, 0] THEN the entropy matches −Σ p log2 p computed by hand', () => {
		const z = exp(2) + exp(1) + 1;
		const p = [exp(2) / z, exp(1) / z, 1 / z];
		expect(pure({ kind: 'entropy', logits: [2, 1, 0] })).toBeCloseTo(-p.reduce((h, x) => h + x * Math.log2(x), 0), 13);
	});
});

describe('evaluatePure: vectors and attention', () => {
	it('GIVEN simple vectors THEN cosine is 0.5, 0 and −1, and scaling does not change it', () => {
		expect(pure({ kind: 'cosine', a: [1, 0, 1], b: [1, 1, 0] })).toBeCloseTo(0.5, 15);
		expect(pure({ kind: 'cosine', a: [1, 2], b: [-2, 1] })).toBe(0);
		expect(pure({ kind: 'cosine', a: [1, 1], b: [-3, -3] })).toBeCloseTo(-1, 15);
		expect(pure({ kind: 'cosine', a: [3, 4, 5], b: [1, -2, 7] })).toBeCloseTo(
			pure({ kind: 'cosine', a: [30, 40, 50], b: [1, -2, 7] }),
			15,
		);
	});

	it('GIVEN a zero vector THEN cosine throws instead of returning NaN', () => {
		expect(() => pure({ kind: 'cosine', a: [0, 0], b: [1, 2] })).toThrow(RangeError);
	});

	it('GIVEN vectors THEN dot product, distance and norm match hand arithmetic', () => {
		expect(pure({ kind: 'dot-product', a: [1, 2, 3], b: [4, -5, 6] })).toBe(12);
		expect(pure({ kind: 'euclidean-distance', a: [1, 2], b: [4, 6] })).toBe(5);
		expect(pure({ kind: 'vector-norm', v: [3, 4] })).toBe(5);
	});

	it('GIVEN q·k scores 3, 0, 2 and d_k = 4 THEN the weight of key 0 is softmax([1.5, 0, 1])[0]', () => {
		const c = {
			kind: 'scaled-dot-product-attention-weight' as const,
			q: [1, 2, 0, 1],
			keys: [
				[1, 1, 0, 0],
				[0, 0, 1, 0],
				[1, 0, 0, 1],
			],
			index: 0,
		};
		expect(pure({ ...c, d_k: 4 })).toBeCloseTo(exp(1.5) / (exp(1.5) + 1 + exp(1)), 14);
		expect(pure(c)).toBeCloseTo(pure({ ...c, d_k: 4 }), 15); // d_k defaults to the query's length
		expect(pure({ ...c, d_k: 1 })).toBeCloseTo(exp(3) / (exp(3) + 1 + exp(2)), 14);
	});

	it('GIVEN values THEN the attention output is the weighted sum of one value component', () => {
		const w = [exp(1 / sqrt(2)), exp(1 / sqrt(2)), exp(2 / sqrt(2))];
		const total = w[0]! + w[1]! + w[2]!;
		const expected = (w[0]! * 1 + w[1]! * 0 + w[2]! * 5) / total;
		const c = {
			kind: 'attention-output' as const,
			q: [1, 1],
			keys: [
				[1, 0],
				[0, 1],
				[1, 1],
			],
			values: [
				[1, 0],
				[0, 1],
				[5, 5],
			],
			component: 0,
			d_k: 2,
		};
		expect(pure(c)).toBeCloseTo(expected, 14);
	});

	it('GIVEN head and context sizes THEN head dimension and score counts are exact', () => {
		expect(pure({ kind: 'head-dimension', d_model: 768, heads: 12 })).toBe(64);
		expect(pure({ kind: 'attention-matrix-entries', seq_len: 4096, heads: 32, layers: 32 })).toBe(17_179_869_184);
		expect(pure({ kind: 'attention-matrix-entries', seq_len: 10 })).toBe(100);
	});
});

describe('evaluatePure: positions, layers and training', () => {
	it('GIVEN the sinusoidal formula THEN PE values and wavelengths match Vaswani et al. by hand', () => {
		expect(pure({ kind: 'positional-encoding', pos: 1, i: 0, d_model: 512, component: 'sin' })).toBeCloseTo(sin(1), 15);
		expect(pure({ kind: 'positional-encoding', pos: 10, i: 1, d_model: 4, component: 'cos' })).toBeCloseTo(
			cos(0.1),
			15,
		);
		expect(pure({ kind: 'positional-wavelength', i: 0, d_model: 512 })).toBeCloseTo(2 * PI, 14);
		expect(pure({ kind: 'positional-wavelength', i: 128, d_model: 512 })).toBeCloseTo(200 * PI, 10);
	});

	it('GIVEN any position and pair THEN sin² + cos² of the pair is 1', () => {
		for (const [pos, i] of [
			[0, 0],
			[7, 3],
			[1234, 100],
		] as const) {
			const s = pure({ kind: 'positional-encoding', pos, i, d_model: 512, component: 'sin' });
			const c = pure({ kind: 'positional-encoding', pos, i, d_model: 512, component: 'cos' });
			expect(s * s + c * c).toBeCloseTo(1, 14);
		}
	});

	it('GIVEN layer sizes THEN parameter counts match the formulas, and the head count does not change attention', () => {
		const mha = (heads: number) =>
			pure({ kind: 'parameter-count', layer: 'multi-head-attention', d_model: 512, heads });
		expect(mha(8)).toBe(4 * 512 * 512 + 4 * 512);
		expect(mha(1)).toBe(mha(16));
		expect(pure({ kind: 'parameter-count', layer: 'multi-head-attention', d_model: 512, heads: 8, bias: false })).toBe(
			1_048_576,
		);
		expect(pure({ kind: 'parameter-count', layer: 'ffn', d_model: 512, d_ff: 2048 })).toBe(2_099_712);
		expect(pure({ kind: 'parameter-count', layer: 'ffn', d_model: 512, d_ff: 2048, bias: false })).toBe(2_097_152);
		expect(pure({ kind: 'parameter-count', layer: 'embedding', vocab: 50257, d_model: 768 })).toBe(38_597_376);
		expect(pure({ kind: 'parameter-count', layer: 'layer-norm', d_model: 768 })).toBe(1536);
	});

	it('GIVEN x = [1, 2, 3, 4] THEN layer norm uses the population variance and ε', () => {
		expect(pure({ kind: 'layer-norm', x: [1, 2, 3, 4], index: 0 })).toBeCloseTo(-1.5 / sqrt(1.25 + 1e-5), 14);
		expect(pure({ kind: 'layer-norm', x: [2, 2, 2, 10], index: 3, epsilon: 0 })).toBeCloseTo(6 / sqrt(12), 14);
	});

	it('GIVEN activations THEN ReLU, GELU, its tanh form and SiLU match their definitions', () => {
		expect(pure({ kind: 'activation', fn: 'relu', x: -1 })).toBe(0);
		expect(pure({ kind: 'activation', fn: 'gelu', x: 1 })).toBeCloseTo(0.8413447460685429, 14); // Φ(1)
		expect(pure({ kind: 'activation', fn: 'gelu', x: -1 })).toBeCloseTo(-0.15865525393145707, 14); // −Φ(−1)
		expect(pure({ kind: 'activation', fn: 'gelu-tanh', x: 1 })).toBeCloseTo(
			0.5 * (1 + Math.tanh(sqrt(2 / PI) * 1.044715)),
			15,
		);
		expect(pure({ kind: 'activation', fn: 'silu', x: -1 })).toBeCloseTo(-1 / (1 + exp(1)), 15);
	});

	it('GIVEN gradient factors THEN plain stacks multiply them and residual stacks multiply 1 + f', () => {
		expect(pure({ kind: 'gradient-product', factors: Array<number>(10).fill(0.5), residual: false })).toBe(0.5 ** 10);
		expect(pure({ kind: 'gradient-product', factors: [0.1, -0.1], residual: true })).toBeCloseTo(0.99, 15);
	});

	it('GIVEN a per-attempt success probability THEN at-least-once is 1 − (1 − p)^n, accurate even for tiny p', () => {
		expect(pure({ kind: 'repeated-trials', p: 0.05, n: 20 })).toBeCloseTo(1 - 0.95 ** 20, 14);
		// 1 − (1 − 1e-12)^1000 = 1e-9 − 4.995e-19 + …; naive arithmetic would be off in the 4th digit.
		expect(pure({ kind: 'repeated-trials', p: 1e-12, n: 1000 }) / 9.999999995005e-10).toBeCloseTo(1, 12);
		expect(pure({ kind: 'repeated-trials', p: 1, n: 3 })).toBe(1);
	});

	it('GIVEN neighbours THEN the predicted rating is Σ s·r / Σ |s|, and no neighbour is an error', () => {
		expect(pure({ kind: 'predicted-rating', similarities: [0.9, 0.6, 0.2], ratings: [4, 5, 1] })).toBeCloseTo(
			6.8 / 1.7,
			14,
		);
		expect(() => pure({ kind: 'predicted-rating', similarities: [0, 0], ratings: [4, 5] })).toThrow(RangeError);
	});

	it('GIVEN text THEN utf8-bytes counts UTF-8 bytes (3 per Hangul syllable, 4 per emoji)', () => {
		expect(pure({ kind: 'utf8-bytes', text: '안녕하세요' })).toBe(15);
		expect(pure({ kind: 'utf8-bytes', text: 'abc🙂' })).toBe(7);
	});
});

describe('evaluate: model-backed kinds', () => {
	it('GIVEN injected models THEN token-count and word-cosine call them with the question parameters', async () => {
		const calls: string[] = [];
		const models: ModelFunctions = {
			countTokens: async (text, encoding) => (calls.push(`${encoding}:${text}`), 42),
			countFamilyTokens: async (text, family) => (calls.push(`${family}:${text}`), family === 'llama-3' ? 30 : 21),
			wordCosine: async (a, b) => (calls.push(`${a}~${b}`), 0.25),
			beamScore: async (prompt, width, tokens) => (calls.push(`${prompt}/${width}/${tokens}`), -7.5),
			ngramProbability: async (prompt, next, model) => (calls.push(`${model}:${prompt}→${next}`), 0.4),
		};
		const tokens: Computation = { kind: 'token-count', text: '안녕', encoding: 'gpt-4o' };
		const words: Computation = { kind: 'word-cosine', a: 'king', b: 'queen' };
		expect(needsModels(tokens) && needsModels(words)).toBe(true);
		expect(await evaluate(tokens, models)).toBe(42);
		expect(await evaluate(words, models)).toBe(0.25);
		expect(calls).toEqual(['gpt-4o:안녕', 'king~queen']);
		const difference: Computation = { kind: 'token-count-difference', text: '안녕', more: 'llama-3', fewer: 'gpt-4o' };
		const beam: Computation = { kind: 'beam-score', prompt: 'The king', width: 3, tokens: 4 };
		expect(await evaluate(difference, models)).toBe(9);
		expect(await evaluate(beam, models)).toBe(-7.5);
		expect(calls.slice(2)).toEqual(['llama-3:안녕', 'gpt-4o:안녕', 'The king/3/4']);
	});

	it('GIVEN a pure kind THEN evaluate never touches the models', async () => {
		expect(await evaluate({ kind: 'dot-product', a: [1], b: [2] }, noModels)).toBe(2);
	});
});

describe('special functions', () => {
	it('GIVEN published values of erf THEN erf matches to about 1e-15 on both sides of the series/fraction switch', () => {
		const table: [number, number][] = [
			[0.1, 0.1124629160182849],
			[0.5, 0.5204998778130465],
			[1, 0.8427007929497149],
			[2, 0.9953222650189527],
			[2.4, 0.999311486103355],
			[2.6, 0.9997639655834707],
			[3, 0.9999779095030014],
			[4.5, 0.9999999998033839],
		];
		for (const [x, value] of table) {
			expect(Math.abs(erf(x) - value)).toBeLessThan(2e-15);
			expect(erf(-x)).toBe(-erf(x));
		}
		expect(erf(0)).toBe(0);
		expect(erf(10)).toBe(1);
	});

	it('GIVEN large inputs THEN GELU, its tanh form and SiLU approach x and 0 without overflow', () => {
		expect(gelu(40)).toBe(40);
		expect(gelu(-40)).toBeCloseTo(0, 300);
		expect(geluTanh(-1)).toBeCloseTo(gelu(-1), 3);
		expect(silu(-1000)).toBeCloseTo(0, 300);
		expect(silu(1000)).toBe(1000);
	});
});

describe('answers: parsing, tolerance and display', () => {
	it('GIVEN the ways members type numbers THEN they parse, and words do not', () => {
		expect(parseNumericAnswer('0.42')).toBe(0.42);
		expect(parseNumericAnswer(' .42 ')).toBe(0.42);
		expect(parseNumericAnswer('42%')).toBe(0.42);
		expect(parseNumericAnswer('1e-3')).toBe(0.001);
		expect(parseNumericAnswer('2,359,296')).toBe(2359296);
		expect(parseNumericAnswer('\u22120.5')).toBe(-0.5);
		expect(parseNumericAnswer('about 3')).toBeUndefined();
		expect(parseNumericAnswer('1,2')).toBeUndefined();
	});

	it('GIVEN a tolerance THEN answers within it pass, including one exactly at the edge', () => {
		expect(isWithinTolerance(0.659, 0.66, 0.005)).toBe(true);
		expect(isWithinTolerance(0.3, 0.305, 0.005)).toBe(true); // 0.305 − 0.3 is 0.00500000000000001 in float64
		expect(isWithinTolerance(0.659, 0.665, 0.005)).toBe(false);
		expect(isWithinTolerance(28, 28, 0.5)).toBe(true);
		expect(isWithinTolerance(28, Number.NaN, 0.5)).toBe(false);
	});

	it('GIVEN a precision THEN answers are shown with that many decimals and thousands separators', () => {
		expect(formatNumericAnswer(0.6590011388859679, 3)).toBe('0.659');
		expect(formatNumericAnswer(2359296, 0)).toBe('2,359,296');
	});
});
