import { Tiktoken } from 'js-tiktoken/lite';
import cl100k from 'js-tiktoken/ranks/cl100k_base';
import gpt2 from 'js-tiktoken/ranks/gpt2';
import o200k from 'js-tiktoken/ranks/o200k_base';
import { beforeAll, describe, expect, it } from 'vitest';
import { ngramProbability } from '../../src/demos/ngram/probability.js';
import { beamLocal } from '../../src/demos/sample/beam.js';
import { loadFamily } from '../../src/models/tokenizers/index.js';
import { loadTinyGpt } from '../../src/models/transformer/index.js';
import {
	evaluate,
	formatNumericAnswer,
	type ModelFunctions,
	type TokenEncoding,
} from '../../src/curriculum/compute.js';
import type { Curriculum } from '../../src/curriculum/curriculum.js';
import { loadCurriculum } from '../../src/curriculum/loader.js';
import type { MultipleChoiceQuestion } from '../../src/curriculum/question-schema.js';

/** The numbers a text states (1,000 and 0.25 included), as written. */
function numbersIn(text: string): number[] {
	return [...text.matchAll(/(?<![\w.])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\w.])\d+(?:\.\d+)?/g)].map((m) =>
		Number(m[0].replaceAll(',', '')),
	);
}

/** The prompt asks for a quantity, so options that are numbers are the choices themselves. */
const ASKS_FOR_A_NUMBER =
	/\b(how (many|much|long|large|big)|what (number|value|share|fraction|percentage))\b|몇|얼마|비율은|값은/i;

/**
 * Options that give the answer away by comparison: every option states a number, the question does not ask for a
 * number, and the right option's is the largest or the smallest (so "pick the biggest count" wins without knowing).
 */
export function revealedByNumbers(q: MultipleChoiceQuestion): boolean {
	if (ASKS_FOR_A_NUMBER.test(q.prompt)) return false;
	const stated = q.options.map((o) => numbersIn(o.text));
	if (stated.some((n) => n.length === 0)) return false;
	const right = q.options.findIndex((o) => o.correct === true);
	const key = (i: number) => Math.max(...stated[i]!);
	const others = q.options.map((_, i) => i).filter((i) => i !== right);
	return others.every((i) => key(i) < key(right)) || others.every((i) => key(i) > key(right));
}

let curriculum: Curriculum;
beforeAll(async () => {
	curriculum = await loadCurriculum();
});

describe('no quiz question gives its own answer away (the whole bank)', () => {
	it('GIVEN the BPE first-merge question as it was (options stating counts 20/17/16/15) THEN the check catches it', () => {
		const q = curriculum.questions.find((x) => x.id === 'w04-mc-first-merge') as MultipleChoiceQuestion;
		const asItWas: MultipleChoiceQuestion = {
			...q,
			options: [
				{ text: 'u + g → "ug", which occurs 20 times (hug 10, pug 5, hugs 5).', correct: true, explanation: '.' },
				{ text: 'p + u → "pu", which occurs 17 times.', explanation: '.' },
				{ text: 'u + n → "un", which occurs 16 times.', explanation: '.' },
				{ text: 'h + u → "hu", which occurs 15 times.', explanation: '.' },
			],
		};
		expect(revealedByNumbers(asItWas)).toBe(true);
	});

	it('GIVEN every multiple-choice question, in English and in Korean, THEN no option set reveals the right one by its numbers', () => {
		for (const bank of [curriculum, curriculum.in('ko')]) {
			const revealing = bank.questions.filter((q) => q.kind === 'multiple-choice' && revealedByNumbers(q));
			expect(revealing.map((q) => q.id)).toEqual([]);
		}
	});

	it('GIVEN every multiple-choice question, in English and in Korean, THEN the prompt does not contain the right option’s text', () => {
		for (const q of [...curriculum.questions, ...curriculum.in('ko').questions]) {
			if (q.kind !== 'multiple-choice') continue;
			const right = q.options.find((o) => o.correct === true)!.text.toLowerCase();
			expect(q.prompt.toLowerCase().includes(right), q.id).toBe(false);
		}
	});

	it('GIVEN every numeric question THEN neither its prompt nor its explanation states the computed answer (as the bot displays it), unless the number is one of the question’s own inputs', async () => {
		const encoders: Record<TokenEncoding, Tiktoken> = {
			'gpt2': new Tiktoken(gpt2),
			'gpt-4': new Tiktoken(cl100k),
			'gpt-4o': new Tiktoken(o200k),
		};
		const models: ModelFunctions = {
			countTokens: async (text, encoding) => encoders[encoding].encode(text).length,
			countFamilyTokens: async (text, family) => (await loadFamily(family)).encode(text).length,
			beamScore: async (prompt, width, tokens) => beamLocal(await loadTinyGpt(), prompt, width, tokens).beams[0]!.score,
			ngramProbability: async (prompt, next, model) =>
				(await ngramProbability(await loadTinyGpt(), prompt, next, model)).p,
			// No embedding model here: cosine answers are reals with several decimals, checked below the same way.
			wordCosine: () => Promise.reject(new Error('needs the embedding model')),
		};
		const found: string[] = [];
		let checked = 0;
		for (const q of curriculum.questions) {
			if (q.kind !== 'numeric' || q.compute.kind === 'word-cosine') continue;
			const answer = Number(formatNumericAnswer(await evaluate(q.compute, models), q.precision).replaceAll(',', ''));
			const inputs = new Set(numbersIn(JSON.stringify(q.compute).replaceAll('"', ' ')));
			checked++;
			for (const [where, text] of [
				['prompt', q.prompt],
				['explanation', q.explanation],
			] as const) {
				if (!inputs.has(answer) && numbersIn(text).includes(answer)) found.push(`${q.id} ${where}: ${answer}`);
			}
		}
		expect(checked).toBeGreaterThan(40);
		expect(found).toEqual([]);
		// Loads every tokenizer family and tiny-gpt on first use: slow on a busy 2-core machine.
	}, 180_000);
});
