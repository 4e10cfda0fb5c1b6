import type { Compute } from '../compute/compute.js';
import {
	evaluatePure,
	formatNumericAnswer,
	isWithinTolerance,
	needsModels,
	parseNumericAnswer,
	type NumericQuestion,
} from '../curriculum/index.js';
import { UserError } from '../core/errors.js';
import { loadWordVectors } from '../models/embeddings/index.js';
import { workingLines } from './working.js';

/** A numeric question's answer as the bot computed it at quiz time. */
export interface ComputedAnswer {
	value: number;
	/** The answer as shown, with the question's precision and unit. */
	shown: string;
	/** How it was computed, step by step. */
	working: string[];
}

/**
 * Computes a numeric question's answer: pure formulas here (microseconds), model-backed ones (token counts, word
 * cosines) in a compute task, so loading a tokenizer or the word vectors never blocks the gateway.
 */
export async function computeAnswer(question: NumericQuestion, compute: Compute): Promise<ComputedAnswer> {
	const c = question.compute;
	const { value, working } = needsModels(c)
		? await compute.run('quiz.modelAnswer', {
				computation: c,
				// The worker wraps the main thread's index (shared memory) instead of reading a copy of its own.
				...(c.kind === 'word-cosine' ? { vectors: (await loadWordVectors()).share() } : {}),
			})
		: { value: evaluatePure(c), working: workingLines(c, evaluatePure(c)) };
	const shown = `${formatNumericAnswer(value, question.precision)}${question.unit ? ` ${question.unit}` : ''}`;
	return { value, shown, working };
}

/** What a member's typed answer was judged to be. */
export interface NumericVerdict {
	given: number;
	correct: boolean;
}

/**
 * Reads and judges a typed answer: right when within the question's tolerance of the computed value. Text that is
 * not a number is refused with the forms that are accepted (nothing is recorded).
 */
export function judgeNumeric(text: string, question: NumericQuestion, answer: ComputedAnswer): NumericVerdict {
	const given = parseNumericAnswer(text);
	if (given === undefined) {
		throw new UserError(
			`“${text.trim().slice(0, 40)}” is not a number I can read. Type it like \`0.42\`, \`42%\`, \`1e-3\` or \`2,359,296\`.`,
			'quiz.not-a-number',
		);
	}
	return { given, correct: isWithinTolerance(answer.value, given, question.tolerance) };
}
