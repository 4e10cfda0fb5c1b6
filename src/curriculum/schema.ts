import { z } from 'zod';
import { checkDemoOptions, DEMO_COMMAND_NAMES } from './commands.js';
import { id, prose, questionSchema } from './question-schema.js';

/** The syllabus runs twelve weeks; week files must cover 1–12 with no gap or duplicate. */
export const FIRST_WEEK = 1;
export const LAST_WEEK = 12;
const weekNumber = z.number().int().min(FIRST_WEEK).max(LAST_WEEK);

/** The five dimensions of the LLM4LLM session evaluation, in the course's order. */
export const DIMENSION_IDS = [
	'question-decomposition',
	'critical-thinking',
	'connection-making',
	'conceptual-understanding',
	'reflection-quality',
] as const;
export type DimensionId = (typeof DIMENSION_IDS)[number];

const noUrl = prose.refine(
	(s) => !/https?:|www\.|\.(com|org|io|net)\b/i.test(s),
	'further reading is cited by title and author only: no URLs',
);

const knowledgePointSchema = z.strictObject({
	id,
	title: prose,
	/** For a week in parts (week 9: basic and advanced), which part this point belongs to. */
	part: id.optional(),
	/** For everyone: an explanation by analogy, no code or maths needed. */
	core: prose,
	/** For programmers: how it is computed in code, with shapes and steps. */
	implementation: prose,
	/** For the curious: the maths and why it works. */
	theory: prose,
});

const demoSchema = z
	.strictObject({
		command: z.enum(DEMO_COMMAND_NAMES, {
			error: (iss) => `unknown command ${JSON.stringify(iss.input)}; known: ${DEMO_COMMAND_NAMES.join(', ')}`,
		}),
		subcommand: z.string().optional(),
		options: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
		/** What to look for when running it. */
		try: prose,
	})
	.superRefine((demo, ctx) => {
		for (const [path, message] of checkDemoOptions(demo.command, demo.subcommand, demo.options)) {
			ctx.addIssue({ code: 'custom', path, message });
		}
		if (demo.command === 'similarity' && typeof demo.options.words === 'string' && /[A-Z]/.test(demo.options.words)) {
			ctx.addIssue({
				code: 'custom',
				path: ['options', 'words'],
				message: 'the word vectors are lowercase: write the words in lowercase',
			});
		}
	});

/** Where a worksheet prompt came from: its line in the worksheet seed and its text with broken characters mended. */
const seedSourceSchema = z.strictObject({ line: z.number().int().min(1), text: prose });

const worksheetItemSchema = z.strictObject({
	id,
	/** The question as the bot shows it (the seed's wording, tidied and made self-contained where needed). */
	prompt: prose,
	/** A model answer in our own words. */
	answer: prose,
	source: seedSourceSchema.optional(),
});

const reflectionSchema = z.strictObject({ prompt: prose, source: seedSourceSchema.optional() });

const readingSchema = z.strictObject({
	title: noUrl,
	authors: noUrl,
	year: z.number().int().min(1900).max(2100).optional(),
	/** Why it is worth reading this week. */
	note: prose.optional(),
});

const partSchema = z.strictObject({ id, title: prose, objective: prose });

export const weekSchema = z
	.strictObject({
		number: weekNumber,
		title: prose,
		titleKo: prose.optional(),
		/** The syllabus's topic line for the week, as the weekly post announces it. */
		topic: prose,
		objectives: z.array(prose).min(1),
		summary: prose,
		parts: z.array(partSchema).min(2).optional(),
		knowledgePoints: z.array(knowledgePointSchema).min(1),
		demos: z.array(demoSchema).min(1, 'every week names at least one demo command'),
		keyQuestions: z.array(prose).min(1),
		worksheet: z.array(worksheetItemSchema).default([]),
		reflection: z.array(reflectionSchema).min(1),
		/** The five evaluation dimensions, each applied to this week's material. */
		evaluation: z.strictObject(
			Object.fromEntries(DIMENSION_IDS.map((d) => [d, prose])) as Record<DimensionId, typeof prose>,
		),
		reading: z.array(readingSchema).min(1),
		quiz: z.array(questionSchema).default([]),
	})
	.superRefine((week, ctx) => {
		const partIds = new Set((week.parts ?? []).map((p) => p.id));
		week.knowledgePoints.forEach((kp, i) => {
			if (kp.part !== undefined && !partIds.has(kp.part)) {
				ctx.addIssue({
					code: 'custom',
					path: ['knowledgePoints', i, 'part'],
					message: `unknown part "${kp.part}"${partIds.size ? ` (parts: ${[...partIds].join(', ')})` : ' (the week declares no parts)'}`,
				});
			}
		});
		if (week.parts) {
			for (const part of week.parts) {
				if (!week.knowledgePoints.some((kp) => kp.part === part.id))
					ctx.addIssue({ code: 'custom', path: ['parts'], message: `part "${part.id}" has no knowledge point` });
			}
		}
		duplicates(
			week.knowledgePoints.map((kp) => kp.id),
			['knowledgePoints'],
			ctx,
		);
		duplicates(
			week.worksheet.map((w) => w.id),
			['worksheet'],
			ctx,
		);
		duplicates(
			week.quiz.map((q) => q.id),
			['quiz'],
			ctx,
		);
	});

/** A file that adds questions to an existing week's bank (or replaces questions with the same id). */
export const questionFileSchema = z
	.strictObject({ week: weekNumber, quiz: z.array(questionSchema).min(1) })
	.superRefine((file, ctx) =>
		duplicates(
			file.quiz.map((q) => q.id),
			['quiz'],
			ctx,
		),
	);

const tierInfoSchema = z.strictObject({
	id: z.enum(['core', 'implementation', 'theory']),
	name: prose,
	audience: prose,
	description: prose,
});
const dimensionSchema = z.strictObject({ id: z.enum(DIMENSION_IDS), name: prose, description: prose, example: prose });

/** How every week's session runs: the three tiers, the reflection, and the five-dimension evaluation. */
export const sessionFormatSchema = z
	.strictObject({
		source: prose,
		tiers: z.array(tierInfoSchema).length(3),
		reflection: prose,
		dimensions: z
			.array(dimensionSchema)
			.length(DIMENSION_IDS.length, `expected the ${DIMENSION_IDS.length} evaluation dimensions`),
		scale: z.strictObject({ min: z.number().int(), max: z.number().int(), description: prose }),
		mastery: z.array(z.strictObject({ min: z.number().int(), max: z.number().int(), label: prose })).min(1),
	})
	.superRefine((format, ctx) => {
		duplicates(
			format.tiers.map((t) => t.id),
			['tiers'],
			ctx,
		);
		duplicates(
			format.dimensions.map((d) => d.id),
			['dimensions'],
			ctx,
		);
	});

export type Week = z.infer<typeof weekSchema>;
export type KnowledgePoint = Week['knowledgePoints'][number];
export type Demo = Week['demos'][number];
export type WorksheetItem = Week['worksheet'][number];
export type Reflection = Week['reflection'][number];
export type Reading = Week['reading'][number];
export type WeekPart = NonNullable<Week['parts']>[number];
export type SessionFormat = z.infer<typeof sessionFormatSchema>;
export type QuestionFile = z.infer<typeof questionFileSchema>;

function duplicates(ids: string[], at: (string | number)[], ctx: z.RefinementCtx): void {
	const first = new Map<string, number>();
	ids.forEach((value, i) => {
		const earlier = first.get(value);
		if (earlier === undefined) first.set(value, i);
		else
			ctx.addIssue({
				code: 'custom',
				path: [...at, i, 'id'],
				message: `duplicate id "${value}" (first at ${at.join('.')}[${earlier}])`,
			});
	});
}
