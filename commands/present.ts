import { ApplicationCommandOptionType as T } from 'discord-api-types/v10';
import { defineCommand } from '../src/core/command.js';
import type { ComponentContext } from '../src/core/context.js';
import { UserError } from '../src/core/errors.js';
import { tierSchema } from '../src/curriculum/question-schema.js';
import { rerunComponents, rerunModals } from '../src/demos/rerun/index.js';
import { goToStep, renderStep, setTier, startPresentation, startSessionQuiz } from '../src/present/flow.js';
import { openStepRerun, STEP_RERUN_BUTTON, STEP_RERUN_FORM, submitStepRerun } from '../src/present/rerun.js';
import { t } from '../src/i18n/index.js';

/** A step number from a custom id, refused politely when a forged or stale id carries something else. */
function stepArg(ctx: ComponentContext): number {
	const value = Number(ctx.args[1]);
	if (!ctx.args[0] || !Number.isInteger(value) || value < 0)
		throw new UserError(t('present.staleButton'), 'component.args');
	return value;
}

export default defineCommand({
	data: {
		name: 'present',
		description: 'Present a week’s session step by step in a thread, with live demos (presenters)',
		contexts: [0],
		options: [
			{
				type: T.Integer,
				name: 'week',
				description: 'The week to present',
				required: true,
				min_value: 1,
				max_value: 12,
			},
			{
				type: T.String,
				name: 'tier',
				description: 'How deep the explanations go at first (default: core concepts)',
				choices: [
					{ name: 'Core concepts (for everyone)', value: 'core' },
					{ name: 'Hands-on implementation (code)', value: 'implementation' },
					{ name: 'Advanced theory (maths)', value: 'theory' },
				],
			},
		],
	},
	audience: 'presenter',
	defer: 'ephemeral',
	run: (ctx) => startPresentation(ctx, ctx.args.week, ctx.args.tier ?? 'core'),
	components: {
		/** present:go:<session>:<step>: Next and Back. Acknowledged at once: a step's demo can take seconds. */
		go: { defer: 'update', run: (ctx) => goToStep(ctx, ctx.args[0] ?? '', stepArg(ctx)) },
		/** present:tier:<session>: the explanation depth. */
		tier: {
			defer: 'update',
			run: (ctx) => {
				const tier = tierSchema.safeParse(ctx.values[0]);
				if (!ctx.args[0] || !tier.success) throw new UserError(t('present.staleMenu'), 'component.args');
				return setTier(ctx, ctx.args[0], tier.data);
			},
		},
		/** present:quiz:<session>: the wrap-up's button that starts the week's live quiz in the thread. */
		quiz: {
			defer: 'ephemeral',
			run: (ctx) => {
				if (!ctx.args[0]) throw new UserError(t('present.staleButton'), 'component.args');
				return startSessionQuiz(ctx, ctx.args[0]);
			},
		},
		/** present:sr:<session>:<step>:<request>: a step demo's 🔁 button, whose form re-runs it on the step. */
		[STEP_RERUN_BUTTON]: { run: openStepRerun },
		// present:rr:…: the "Run again with…" button any demo reply can carry (src/demos/rerun).
		...rerunComponents,
	},
	modals: {
		// Acknowledged as an update of the step message at once: the demo can take seconds.
		[STEP_RERUN_FORM]: {
			defer: 'update',
			run: (ctx) => submitStepRerun(ctx, (demo, presentation, step) => renderStep(ctx, presentation, step, demo)),
		},
		...rerunModals,
	},
});
