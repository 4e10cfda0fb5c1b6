import { ApplicationCommandOptionType as T } from 'discord-api-types/v10';
import { defineCommand } from '../src/core/command.js';
import type { ComponentContext, ModalContext } from '../src/core/context.js';
import { UserError } from '../src/core/errors.js';
import {
	answerLiveChoice,
	answerLiveNumber,
	LIVE_DEFAULT_SECONDS,
	LIVE_MAX_QUESTIONS,
	openLiveForm,
	startLive,
	stopLive,
} from '../src/quiz/live-flow.js';
import {
	nextStep,
	openAnswerForm,
	pickOption,
	PRACTICE_DEFAULT_COUNT,
	PRACTICE_MAX_COUNT,
	selfAssess,
	startPractice,
	startReview,
	submitAnswer,
} from '../src/quiz/practice-flow.js';
import { ANSWER_FIELD } from '../src/quiz/view-parts.js';
import { t } from '../src/i18n/index.js';

/** A numeric custom-id argument, refused politely when a forged or stale id carries something else. */
function intArg(args: readonly string[], i: number): number {
	const value = Number(args[i]);
	if (!Number.isInteger(value) || value < 0) throw new UserError(t('quiz.errors.staleButton'), 'component.args');
	return value;
}

const sessionArgs = (ctx: ComponentContext | ModalContext) => ({
	id: ctx.args[0] ?? '',
	position: intArg(ctx.args, 1),
});

export default defineCommand({
	data: {
		name: 'quiz',
		description: 'Practise the quiz bank privately, or run a live quiz in the channel (presenters)',
		contexts: [0],
		options: [
			{
				type: T.Subcommand,
				name: 'practice',
				description: 'A private quiz: one question at a time, with feedback and explanations',
				options: [
					{
						type: T.Integer,
						name: 'week',
						description: 'The week to practise (default: every week posted so far)',
						min_value: 1,
						max_value: 12,
					},
					{
						type: T.Integer,
						name: 'count',
						description: `How many questions (default ${PRACTICE_DEFAULT_COUNT})`,
						min_value: 1,
						max_value: PRACTICE_MAX_COUNT,
					},
				],
			},
			{
				type: T.Subcommand,
				name: 'live',
				description: 'Run a live quiz in this channel: timed questions, answer buttons, standings (presenters)',
				options: [
					{
						type: T.Integer,
						name: 'week',
						description: 'The week to quiz',
						required: true,
						min_value: 1,
						max_value: 12,
					},
					{
						type: T.Integer,
						name: 'seconds',
						description: `Seconds per question (default ${LIVE_DEFAULT_SECONDS})`,
						min_value: 5,
						max_value: 300,
					},
					{
						type: T.Integer,
						name: 'count',
						description: `How many questions (default all, at most ${LIVE_MAX_QUESTIONS})`,
						min_value: 1,
						max_value: LIVE_MAX_QUESTIONS,
					},
					{
						type: T.Boolean,
						name: 'numeric',
						description: 'Include questions answered with a number (default: multiple choice only)',
					},
				],
			},
			{
				type: T.Subcommand,
				name: 'stop',
				description: 'End this channel’s live quiz now: results of the open question, then standings (presenters)',
			},
		],
	},
	audience: 'member',
	defer: 'ephemeral',
	async run(ctx) {
		const { args } = ctx;
		if (args.subcommand === 'practice') return startPractice(ctx, { week: args.week, count: args.count });
		if (args.subcommand === 'stop') return stopLive(ctx);
		return startLive(ctx, { week: args.week, seconds: args.seconds, count: args.count, numeric: args.numeric });
	},
	components: {
		/** quiz:pick:<session>:<position>:<shown option> */
		pick: { run: (ctx) => pickOption(ctx, sessionArgs(ctx).id, sessionArgs(ctx).position, intArg(ctx.args, 2)) },
		/** quiz:answer:<session>:<position>: opens the form for a number or a written answer. */
		answer: { run: (ctx) => openAnswerForm(ctx, sessionArgs(ctx).id, sessionArgs(ctx).position) },
		/** quiz:self:<session>:<position>:<level> */
		self: { run: (ctx) => selfAssess(ctx, sessionArgs(ctx).id, sessionArgs(ctx).position, intArg(ctx.args, 2)) },
		/** quiz:next:<session> */
		next: { run: (ctx) => nextStep(ctx, ctx.args[0] ?? '') },
		/** quiz:again:<p|r>:<week or 0>:<count>: a new run like the one just finished. */
		again: {
			run: (ctx) => {
				const week = intArg(ctx.args, 1);
				const count = Math.min(PRACTICE_MAX_COUNT, Math.max(1, intArg(ctx.args, 2)));
				return ctx.args[0] === 'r'
					? startReview(ctx, count)
					: startPractice(ctx, { week: week === 0 ? undefined : week, count });
			},
		},
		/**
		 * quiz:live:<quiz>:<question>:<shown option>. Acknowledged at once (privately): when 50 members click in the
		 * same second the writes queue up, and nobody should see "This interaction failed" while they do.
		 */
		live: {
			defer: 'ephemeral',
			run: (ctx) => answerLiveChoice(ctx, ctx.args[0] ?? '', intArg(ctx.args, 1), intArg(ctx.args, 2)),
		},
		/** quiz:lans:<quiz>:<question>: the form of a live numeric question. */
		lans: { run: (ctx) => openLiveForm(ctx, ctx.args[0] ?? '', intArg(ctx.args, 1)) },
	},
	modals: {
		/** A practice answer: a number is judged at once, free text may wait for the LLM grader. */
		submit: {
			defer: 'update',
			run: (ctx) => submitAnswer(ctx, sessionArgs(ctx).id, sessionArgs(ctx).position, ctx.fields[ANSWER_FIELD] ?? ''),
		},
		lnum: {
			defer: 'ephemeral',
			run: (ctx) => answerLiveNumber(ctx, ctx.args[0] ?? '', intArg(ctx.args, 1), ctx.fields[ANSWER_FIELD] ?? ''),
		},
	},
});
