import { Tiktoken } from 'js-tiktoken/lite';
import cl100k from 'js-tiktoken/ranks/cl100k_base';
import gpt2 from 'js-tiktoken/ranks/gpt2';
import o200k from 'js-tiktoken/ranks/o200k_base';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate, type ModelFunctions, type TokenEncoding } from '../../src/curriculum/compute.js';
import type { Curriculum } from '../../src/curriculum/curriculum.js';
import { loadCurriculum } from '../../src/curriculum/loader.js';
import { DIMENSION_IDS } from '../../src/curriculum/schema.js';

/** Stand-ins for the bot's models: the evaluator must accept whatever they return. */
const fakeModels: ModelFunctions = {
	countTokens: async (text) => [...text].length,
	countFamilyTokens: async (text, family) => [...text].length + family.length,
	wordCosine: async (a, b) => (a === b ? 1 : 0.5),
	beamScore: async (_prompt, width, tokens) => -tokens / width,
	ngramProbability: async (prompt, next) => 1 / (prompt.length + next.length),
};

const MINIMUM_QUESTIONS = (week: number) => (week >= 4 && week <= 11 ? 8 : 4);

let curriculum: Curriculum;
beforeAll(async () => {
	curriculum = await loadCurriculum();
});

describe('the built-in curriculum', () => {
	it('GIVEN curriculum/ THEN it loads without problems and holds weeks 1 to 12 in order', () => {
		expect(curriculum.weeks.map((w) => w.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
	});

	it('GIVEN the session format THEN it records the three tiers and the five evaluation dimensions', () => {
		expect(curriculum.format.tiers.map((t) => t.id)).toEqual(['core', 'implementation', 'theory']);
		expect(curriculum.format.dimensions.map((d) => d.name)).toEqual([
			'Question decomposition',
			'Critical thinking',
			'Connection-making',
			'Conceptual understanding',
			'Reflection quality',
		]);
	});

	it('GIVEN every week THEN each knowledge point has all three tiers, and the evaluation covers the five dimensions', () => {
		for (const week of curriculum.weeks) {
			expect(week.knowledgePoints.length, `week ${week.number}`).toBeGreaterThanOrEqual(3);
			for (const kp of week.knowledgePoints) {
				for (const tier of [kp.core, kp.implementation, kp.theory])
					expect(tier.length, `${week.number}/${kp.id}`).toBeGreaterThan(150);
			}
			expect(Object.keys(week.evaluation).sort()).toEqual([...DIMENSION_IDS].sort());
			expect(week.demos.length).toBeGreaterThanOrEqual(1);
			expect(week.reflection.length).toBeGreaterThanOrEqual(1);
		}
	});

	it('GIVEN week 9 THEN it keeps both its Basic and Advanced parts, each with knowledge points', () => {
		const week9 = curriculum.week(9);
		expect(week9?.parts?.map((p) => p.id)).toEqual(['basic', 'advanced']);
		for (const part of ['basic', 'advanced'])
			expect(week9?.knowledgePoints.filter((kp) => kp.part === part).length).toBeGreaterThanOrEqual(2);
	});

	it('GIVEN the quiz bank THEN every week meets its minimum (8 for weeks 4-11, 4 otherwise) with every question kind', () => {
		for (const week of curriculum.weeks) {
			const questions = curriculum.questionsFor(week.number);
			expect(questions.length, `week ${week.number}`).toBeGreaterThanOrEqual(MINIMUM_QUESTIONS(week.number));
			const kinds = new Set(questions.map((q) => q.kind));
			expect([...kinds].sort(), `week ${week.number}`).toEqual(['free-text', 'multiple-choice', 'numeric']);
		}
	});

	it('GIVEN every multiple-choice question THEN it has 4 options, exactly one right, each with an explanation', () => {
		for (const q of curriculum.questions) {
			if (q.kind !== 'multiple-choice') continue;
			expect(q.options, q.id).toHaveLength(4);
			expect(
				q.options.filter((o) => o.correct === true),
				q.id,
			).toHaveLength(1);
			for (const o of q.options) expect(o.explanation.length, q.id).toBeGreaterThan(20);
		}
	});

	it('GIVEN the multiple-choice questions THEN the right option is spread over all four positions', () => {
		const positions = curriculum.questions.flatMap((q) =>
			q.kind === 'multiple-choice' ? [q.options.findIndex((o) => o.correct === true)] : [],
		);
		for (const position of [0, 1, 2, 3]) {
			expect(positions.filter((p) => p === position).length, `position ${position}`).toBeGreaterThanOrEqual(
				positions.length / 8,
			);
		}
	});

	it('GIVEN every question id THEN it is unique across the bank and found by question(id) with its week', () => {
		const ids = curriculum.questions.map((q) => q.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const q of curriculum.questions) expect(curriculum.question(q.id)?.week).toBe(q.week);
		expect(curriculum.question('no-such-question')).toBeUndefined();
	});

	it('GIVEN every numeric question THEN the evaluator computes a finite answer (fake models where models are needed)', async () => {
		const numeric = curriculum.questions.filter((q) => q.kind === 'numeric');
		expect(numeric.length).toBeGreaterThanOrEqual(40);
		for (const q of numeric) {
			const value = await evaluate(q.compute, fakeModels);
			expect(Number.isFinite(value), `${q.id} = ${value}`).toBe(true);
		}
	});

	it('GIVEN the further reading THEN no entry carries a URL', () => {
		for (const week of curriculum.weeks) {
			for (const r of week.reading) expect(`${r.title} ${r.authors}`).not.toMatch(/https?:|www\./);
		}
	});
});

describe('spot checks of bank answers against hand-computed values', () => {
	const value = async (id: string) => {
		const q = curriculum.question(id);
		if (q?.kind !== 'numeric') throw new Error(`${id} is not a numeric question`);
		return evaluate(q.compute, fakeModels);
	};

	it('GIVEN w01-num-softmax THEN it is e^2 / (e^2 + e + e^0.1)', async () => {
		expect(await value('w01-num-softmax')).toBeCloseTo(Math.exp(2) / (Math.exp(2) + Math.E + Math.exp(0.1)), 12);
	});

	it('GIVEN w03-num-retries THEN it is 1 − 0.95^20', async () => {
		expect(await value('w03-num-retries')).toBeCloseTo(1 - 0.95 ** 20, 12);
	});

	it('GIVEN w05-num-users THEN it is 21 / (√35 · √17)', async () => {
		expect(await value('w05-num-users')).toBeCloseTo(21 / Math.sqrt(35 * 17), 12);
	});

	it('GIVEN w07-num-sdpa-weight THEN it is e^1.5 / (e^1.5 + 1 + e)', async () => {
		expect(await value('w07-num-sdpa-weight')).toBeCloseTo(Math.exp(1.5) / (Math.exp(1.5) + 1 + Math.E), 12);
	});

	it('GIVEN w08-num-mha-params and w09-num-ffn-params THEN they are 4·512² + 4·512 and 2·512·2048 + 2048 + 512', async () => {
		expect(await value('w08-num-mha-params')).toBe(1_050_624);
		expect(await value('w09-num-ffn-params')).toBe(2_099_712);
	});

	it('GIVEN w10-num-pe-cos THEN it is cos(10 / 10000^(2/4)) = cos(0.1)', async () => {
		expect(await value('w10-num-pe-cos')).toBeCloseTo(Math.cos(0.1), 14);
	});

	it('GIVEN w11-num-layernorm THEN it is −1.5 / √(1.25 + 1e-5)', async () => {
		expect(await value('w11-num-layernorm')).toBeCloseTo(-1.5 / Math.sqrt(1.25 + 1e-5), 12);
	});

	it('GIVEN w12-num-temperature and w12-num-top-p THEN they are e^6 / (e^6 + e^4 + e^2 + 1) and 3 tokens', async () => {
		expect(await value('w12-num-temperature')).toBeCloseTo(
			Math.exp(6) / (Math.exp(6) + Math.exp(4) + Math.exp(2) + 1),
			12,
		);
		expect(await value('w12-num-top-p')).toBe(3);
	});
});

describe('token-count questions with the real tokenizers', () => {
	const encoders: Record<TokenEncoding, Tiktoken> = {
		'gpt2': new Tiktoken(gpt2),
		'gpt-4': new Tiktoken(cl100k),
		'gpt-4o': new Tiktoken(o200k),
	};
	const count = (text: string, encoding: TokenEncoding) => encoders[encoding].encode(text).length;

	it('GIVEN every token-count question THEN the real count is a positive integer', () => {
		for (const q of curriculum.questions) {
			if (q.kind !== 'numeric' || q.compute.kind !== 'token-count') continue;
			const n = count(q.compute.text, q.compute.encoding);
			expect(Number.isInteger(n) && n > 0, q.id).toBe(true);
		}
	});

	it('GIVEN the Korean greeting of weeks 2 and 4 THEN GPT-2 needs several times more tokens than GPT-4o, as the explanations say', () => {
		const text = '안녕하세요, 반갑습니다';
		expect(count(text, 'gpt2')).toBeGreaterThanOrEqual(3 * count(text, 'gpt-4o'));
		expect(count('안녕하세요', 'gpt-4')).toBeLessThan(count('안녕하세요', 'gpt2'));
	});

	it('GIVEN the claims of week 4 THEN " strawberry" is one GPT-4 token, "1234567" splits into groups of three, "Hello" and " Hello" differ', () => {
		expect(encoders['gpt-4'].encode(' strawberry')).toHaveLength(1);
		expect(encoders['gpt-4'].encode('1234567').map((id) => encoders['gpt-4'].decode([id]))).toEqual([
			'123',
			'456',
			'7',
		]);
		expect(encoders.gpt2.encode('Hello')).toEqual([15496]);
		expect(encoders.gpt2.encode(' Hello')).toEqual([18435]);
	});
});

describe('lookups', () => {
	it('GIVEN week numbers THEN week(n) finds weeks 1-12 and nothing else', () => {
		expect(curriculum.week(5)?.title).toMatch(/embeddings/i);
		expect(curriculum.week(0)).toBeUndefined();
		expect(curriculum.week(13)).toBeUndefined();
		expect(curriculum.questionsFor(13)).toEqual([]);
	});

	it('GIVEN a number as typed for autocomplete THEN search puts that week first, then weeks starting with the digits', () => {
		expect(curriculum.search('5').map((w) => w.number)).toEqual([5]);
		expect(curriculum.search('week 9').map((w) => w.number)).toEqual([9]);
		expect(curriculum.search('1').map((w) => w.number)).toEqual([1, 10, 11, 12]);
	});

	it('GIVEN words THEN search matches titles before topics and knowledge points, case-insensitively', () => {
		const results = curriculum.search('attention').map((w) => w.number);
		expect(results.slice(0, 3)).toEqual([6, 7, 8]); // titles containing "attention", in week order
		expect(results.indexOf(10)).toBeGreaterThan(2); // week 10 matches only through a knowledge point
		expect(curriculum.search('POSITIONAL')[0]?.number).toBe(10);
		expect(curriculum.search('임베딩')[0]?.number).toBe(5);
		expect(curriculum.search('zzzz')).toEqual([]);
		expect(curriculum.search('')).toHaveLength(12);
		expect(curriculum.search('', 3)).toHaveLength(3);
	});
});
