import { z } from 'zod';
import { checkComputation, computationSchema, type Computation } from './computations.js';

/** Non-empty text with no leftover encoding damage (a replacement character or a C1 control). */
export const prose = z
	.string()
	.trim()
	.min(1, 'expected non-empty text')
	.refine(
		(s) => !/[\uFFFD\u0080-\u009F]|â€|Ã[\u0080-\u00BF]/.test(s),
		'text has broken characters (mis-decoded UTF-8)',
	);

export const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a lowercase id of letters, digits and dashes');

/** Which of the three tiers a question or explanation is written for. */
export const tierSchema = z.enum(['core', 'implementation', 'theory']);
export type Tier = z.infer<typeof tierSchema>;

const optionSchema = z.strictObject({
	text: prose,
	/** Exactly one option per question has `correct: true`. */
	correct: z.boolean().optional(),
	/** Why this option is right, or the misconception that makes it tempting and why it is wrong. */
	explanation: prose,
});

const common = {
	id,
	tier: tierSchema.default('core'),
	prompt: prose,
};

const multipleChoice = z
	.strictObject({
		...common,
		kind: z.literal('multiple-choice'),
		options: z.array(optionSchema),
	})
	.superRefine((q, ctx) => {
		if (q.options.length !== 4)
			ctx.addIssue({ code: 'custom', path: ['options'], message: `expected 4 options, got ${q.options.length}` });
		const right = q.options.filter((o) => o.correct === true).length;
		if (right !== 1)
			ctx.addIssue({
				code: 'custom',
				path: ['options'],
				message: `expected exactly one right option (correct: true), got ${right}`,
			});
		const seen = new Set<string>();
		q.options.forEach((o, i) => {
			const key = o.text.toLowerCase();
			if (seen.has(key))
				ctx.addIssue({ code: 'custom', path: ['options', i, 'text'], message: 'two options have the same text' });
			seen.add(key);
		});
	});

const numeric = z
	.strictObject({
		...common,
		kind: z.literal('numeric'),
		compute: computationSchema,
		/** Largest accepted distance from the computed answer, in the answer's own unit. */
		tolerance: z.number().min(0),
		/** Decimals shown when the bot reveals the answer. */
		precision: z.number().int().min(0).max(10),
		unit: z.string().min(1).optional(),
		/** How to work it out, step by step, without the number itself (the bot computes and shows it). */
		explanation: prose,
	})
	.superRefine((q, ctx) => {
		// A member who types the answer as the bot displays it must be accepted.
		const halfStep = 0.5 * 10 ** -q.precision;
		if (q.tolerance + 1e-12 < halfStep) {
			ctx.addIssue({
				code: 'custom',
				path: ['tolerance'],
				message: `tolerance ${q.tolerance} is below half the display step (${halfStep}) for precision ${q.precision}`,
			});
		}
		for (const [path, message] of checkComputation(q.compute))
			ctx.addIssue({ code: 'custom', path: ['compute', ...path], message });
		for (const missing of unmentioned(q.compute, q.prompt)) {
			ctx.addIssue({
				code: 'custom',
				path: ['compute', missing.key],
				message: `the prompt does not state ${missing.key} = ${missing.value}`,
			});
		}
	});

const freeText = z.strictObject({
	...common,
	kind: z.literal('free-text'),
	/** A model answer in our own words. */
	answer: prose,
	/** The points a good answer must make; a grader (person or model) checks each. */
	rubric: z.array(prose).min(2, 'expected at least two rubric points'),
});

export const questionSchema = z.discriminatedUnion('kind', [multipleChoice, numeric, freeText]);

export type Question = z.infer<typeof questionSchema>;
export type MultipleChoiceQuestion = Extract<Question, { kind: 'multiple-choice' }>;
export type NumericQuestion = Extract<Question, { kind: 'numeric' }>;
export type FreeTextQuestion = Extract<Question, { kind: 'free-text' }>;

/** String parameters that name the computation rather than a value the member needs. */
const STRUCTURAL_KEYS = new Set(['kind', 'layer']);

/**
 * The computation's values that the prompt does not state. Every number (arrays flattened) must appear in the
 * prompt as a number, and every text value (the text to tokenize, the words, the encoding) verbatim, so that
 * the question a member reads and the one the bot computes cannot drift apart.
 */
function unmentioned(compute: Computation, prompt: string): { key: string; value: string }[] {
	const stated = (prompt.replace(/\u2212/g, '-').match(/-?\d+(?:\.\d+)?(?:e-?\d+)?/gi) ?? []).map(Number);
	const lower = prompt.toLowerCase();
	const missing: { key: string; value: string }[] = [];
	for (const [key, value] of Object.entries(compute)) {
		if (STRUCTURAL_KEYS.has(key)) continue;
		if (typeof value === 'string') {
			if (!lower.includes(value.toLowerCase())) missing.push({ key, value });
			continue;
		}
		const numbers = [value].flat(2).filter((v): v is number => typeof v === 'number');
		for (const n of numbers) {
			if (!stated.some((s) => Math.abs(s - n) <= 1e-12 * Math.max(1, Math.abs(n))))
				missing.push({ key, value: String(n) });
		}
	}
	return missing;
}
