import type { BaseContext, CommandContext, ComponentContext } from '../core/context.js';
import { newReferenceId } from '../core/error-reply.js';
import { UserError, isUserError } from '../core/errors.js';
import type { Reply } from '../core/reply.js';
import { isPresenter, requireGuild, requirePresenter } from '../core/roles.js';
import type { Tier, Week } from '../curriculum/index.js';
import { demoCommandLine, inlineCode, weekHeading } from '../jobs/weekly-post.js';
import { runInvocation } from '../demos/rerun/index.js';
import { startLive } from '../quiz/live-flow.js';
import type { Presentation } from '../storage/repositories/presentations.js';
import { withStepRerun } from './rerun.js';
import { planSteps } from './steps.js';
import { stepReply, type DemoOutcome } from './view.js';
import { currentLanguage, t, tIn, withLanguage, type Language } from '../i18n/index.js';
import { publicLanguage } from '../storage/repositories/guild-settings.js';

const GONE = (): string => t('present.gone');

/** The polite answer to a member who is not a presenter and presses Next, Back or the tier menu (English here). */
export const NOT_A_PRESENTER = tIn('en', 'present.notPresenter');

/** The week's page in the language being written (the server's, for the step messages everyone follows). */
function weekOf(ctx: BaseContext, number: number): Week {
	const week = ctx.deps.curriculum.in(currentLanguage()).week(number);
	if (!week) throw new UserError(t('present.noWeek', { week: number }), 'present.week');
	return week;
}

/** The language of the session's public step messages: the server's. */
async function stepLanguage(ctx: BaseContext, guildId: string): Promise<Language> {
	return publicLanguage(await ctx.deps.repos.settings.get(guildId), ctx.guildLocale);
}

/**
 * Runs a step's demo through the command's own handler. A demo that cannot run (a command this bot does not have
 * yet, a model that is down) leaves a note on the step instead of stopping the session. Interim updates are not
 * shown: the step message is the command's final reply plus the step, with the step's own 🔁 button, whose form
 * re-runs the demo in place (src/present/rerun.ts).
 */
async function runDemo(
	ctx: BaseContext,
	week: Week,
	index: number,
	where: { presentationId: string; step: number },
): Promise<DemoOutcome> {
	const demo = week.demos[index]!;
	try {
		const reply = await runInvocation(
			{ ...ctx, update: async () => {} },
			{ command: demo.command, subcommand: demo.subcommand, options: demo.options },
		);
		const args = demo.subcommand === undefined ? demo.options : { subcommand: demo.subcommand, ...demo.options };
		return { ok: true, reply: await withStepRerun(ctx, reply, where, demo.command, args) };
	} catch (error) {
		if (isUserError(error))
			return {
				ok: false,
				note: t('present.demoFailed', { message: error.message, demo: inlineCode(demoCommandLine(demo)) }),
			};
		const referenceId = newReferenceId();
		ctx.log.error({ err: error, referenceId, demo: demoCommandLine(demo) }, 'a presented demo failed');
		return {
			ok: false,
			note: t('present.demoBroke', { reference: referenceId, demo: inlineCode(demoCommandLine(demo)) }),
		};
	}
}

/**
 * The step message for step `index` of a presentation, with its demo run now, or with `demo` (a re-run's reply)
 * in its place.
 */
export async function renderStep(
	ctx: BaseContext,
	presentation: Pick<Presentation, 'id' | 'tier' | 'week'>,
	index: number,
	demo?: Reply,
): Promise<Reply> {
	const week = weekOf(ctx, presentation.week);
	const steps = planSteps(week);
	const step = steps[index]!;
	const outcome =
		step.kind === 'point' && step.demo !== null
			? demo
				? { ok: true as const, reply: demo }
				: await runDemo(ctx, week, step.demo, { presentationId: presentation.id, step: index })
			: null;
	const liveQuiz = ctx.deps.curriculum.questionsFor(week.number).some((q) => q.kind === 'multiple-choice');
	return stepReply(week, steps, index, presentation, ctx.deps.curriculum.in(currentLanguage()).format, outcome, {
		liveQuiz,
		tutor: ctx.deps.llm.configured,
	});
}

/**
 * The wrap-up's "Start the live quiz" button: the week's live quiz in the session's thread, as `/quiz live` would
 * start it there (presenters only; the quiz's own checks apply, such as one quiz per channel at a time).
 */
export async function startSessionQuiz(ctx: ComponentContext, id: string): Promise<Reply> {
	const guildId = requireGuild(ctx.guildId);
	const presentation = await ctx.deps.repos.presentations.get(guildId, id);
	if (!presentation) throw new UserError(GONE(), 'present.gone');
	return startLive(ctx, { week: presentation.week });
}

/**
 * /present: posts the week's session in a new thread (or in this channel when a thread cannot be opened here, such as
 * inside a thread) and answers the presenter privately with where it is.
 */
export async function startPresentation(ctx: CommandContext<unknown>, weekNumber: number, tier: Tier): Promise<Reply> {
	const { deps, user, channelId } = ctx;
	const guildId = requireGuild(ctx.guildId);
	requirePresenter(user, await deps.repos.settings.get(guildId), 'present a session');
	const week = weekOf(ctx, weekNumber);
	const check = await deps.poster.canPost(channelId);
	if (!check.ok) throw new UserError(t('present.cannotPost', { reason: check.reason }), 'present.cannot-post');
	// The starter, the thread and the steps are public: in the server's language; the reply to the presenter in theirs.
	const language = await stepLanguage(ctx, guildId);
	const shown = withLanguage(language, () => weekOf(ctx, weekNumber));
	const now = deps.clock.now().toISOString();
	let presentation = await deps.repos.presentations.create({
		guildId,
		channelId,
		messageId: null,
		presenterId: user.id,
		week: week.number,
		tier,
		step: 0,
		startedAt: now,
		updatedAt: now,
	});
	const starter = await deps.poster.send(channelId, {
		content: tIn(language, 'present.starter', { title: shown.title, week: week.number }),
	});
	let where = channelId;
	let note = '';
	try {
		where = (
			await deps.poster.startThread(
				channelId,
				starter.id,
				withLanguage(language, () => weekHeading(shown, 100)),
			)
		).id;
	} catch (error) {
		ctx.log.warn({ err: error }, 'could not open a thread for a presentation; posting in the channel');
		note = t('present.noThread');
	}
	const first = await withLanguage(language, () => renderStep(ctx, presentation, 0));
	const message = await deps.poster.send(where, first);
	presentation = await deps.repos.presentations.update(guildId, presentation.id, async (current) => {
		const next = current ? { ...current, channelId: where, messageId: message.id } : null;
		return { next, result: next ?? presentation };
	});
	const count = planSteps(week).length;
	return {
		content: t('present.ready', { week: week.number, where, count, note }),
		ephemeral: true,
	};
}

/**
 * Next, Back and the tier menu: presenters only. The step is rendered under the presentation's lock, so clicks from
 * two presenters apply one after the other, and the message the click came from is updated in place.
 */
async function change(
	ctx: ComponentContext,
	id: string,
	apply: (current: Presentation, stepCount: number) => Presentation,
): Promise<Reply> {
	const guildId = requireGuild(ctx.guildId);
	if (!isPresenter(ctx.user, await ctx.deps.repos.settings.get(guildId)))
		return { content: t('present.notPresenter'), ephemeral: true };
	const language = await stepLanguage(ctx, guildId);
	return ctx.deps.repos.presentations.update(guildId, id, async (current) => {
		if (!current) throw new UserError(GONE(), 'present.gone');
		const count = planSteps(weekOf(ctx, current.week)).length;
		const next = apply(current, count);
		const reply = await withLanguage(language, () => renderStep(ctx, next, next.step));
		return {
			next: { ...next, messageId: ctx.message.id, updatedAt: ctx.deps.clock.now().toISOString() },
			result: { ...reply, update: true },
		};
	});
}

/** Moves the session to step `target` (clamped to the plan, which may have changed with the curriculum). */
export function goToStep(ctx: ComponentContext, id: string, target: number): Promise<Reply> {
	return change(ctx, id, (current, count) => ({ ...current, step: Math.max(0, Math.min(count - 1, target)) }));
}

/** Switches the explanations to another tier and shows the current step again. */
export function setTier(ctx: ComponentContext, id: string, tier: Tier): Promise<Reply> {
	return change(ctx, id, (current, count) => ({ ...current, tier, step: Math.min(current.step, count - 1) }));
}
