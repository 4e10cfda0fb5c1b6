import type { BaseContext } from '../core/context.js';
import { customId } from '../core/custom-id.js';
import type { Deps } from '../core/deps.js';
import { UserError } from '../core/errors.js';
import type { HandlerResponse, Reply } from '../core/reply.js';
import { requireGuild, requirePresenter } from '../core/roles.js';
import { isWithinTolerance, type BankQuestion } from '../curriculum/index.js';
import type { LiveAnswer, LiveQuestionState, LiveQuiz } from '../storage/repositories/live-quizzes.js';
import { questionAt, stepQuiz } from './live-steps.js';
import { judgeNumeric } from './numeric.js';
import { livePoints } from './scoring.js';
import { letter, newSeed, optionOrder, shuffled } from './shuffle.js';
import { answerModal, discordTime } from './view-parts.js';
import { currentLanguage, t } from '../i18n/index.js';
import { publicLanguage } from '../storage/repositories/guild-settings.js';

export const LIVE_DEFAULT_SECONDS = 20;
export const LIVE_BREAK_SECONDS = 5;
export const LIVE_MAX_QUESTIONS = 10;

/** The quiz still running in a channel, if any. */
async function runningIn(deps: Pick<Deps, 'repos'>, guildId: string, channelId: string): Promise<LiveQuiz | undefined> {
	for (const { quizId } of (await deps.repos.liveQuizzes.running()).filter((r) => r.guildId === guildId)) {
		const quiz = await deps.repos.liveQuizzes.get(guildId, quizId);
		if (quiz && quiz.channelId === channelId && quiz.phase !== 'finished') return quiz;
	}
	return undefined;
}

/**
 * Starts a live quiz in the channel (presenters only): picks the week's multiple-choice questions (and numeric ones
 * when asked), saves the quiz, and posts the first question. The runner does the rest from storage.
 */
export async function startLive(
	ctx: BaseContext,
	options: { week: number; seconds?: number; count?: number; numeric?: boolean },
): Promise<Reply> {
	const guildId = requireGuild(ctx.guildId);
	const { deps } = ctx;
	const settings = await deps.repos.settings.get(guildId);
	requirePresenter(ctx.user, settings, 'run a live quiz');
	// The presenter reads this reply in their language; the quiz's posts are in the server's.
	const week = deps.curriculum.in(currentLanguage()).week(options.week);
	if (!week) throw new UserError(t('quiz.errors.noWeek', { week: options.week }), 'quiz.week');
	if (await runningIn(deps, guildId, ctx.channelId)) {
		throw new UserError(t('quiz.errors.liveRunning'), 'quiz.live-running');
	}
	const check = await deps.poster.canPost(ctx.channelId);
	if (!check.ok) throw new UserError(t('quiz.errors.cannotPost', { reason: check.reason }), 'quiz.cannot-post');
	const pool = deps.curriculum
		.questionsFor(week.number)
		.filter((q) => q.kind === 'multiple-choice' || (options.numeric === true && q.kind === 'numeric'));
	if (pool.length === 0) throw new UserError(t('quiz.errors.noLiveQuestions', { week: week.number }), 'quiz.empty');
	const seed = newSeed();
	const questionIds = shuffled(
		pool.map((q) => q.id),
		seed,
	).slice(0, options.count ?? LIVE_MAX_QUESTIONS);
	const now = deps.clock.now();
	const quiz = await deps.repos.liveQuizzes.create({
		guildId,
		channelId: ctx.channelId,
		hostId: ctx.user.id,
		week: week.number,
		seconds: options.seconds ?? LIVE_DEFAULT_SECONDS,
		breakSeconds: LIVE_BREAK_SECONDS,
		questionIds,
		seed,
		// "Between questions, due now": the first step posts question 1, the same code path as every later one.
		phase: 'break',
		index: -1,
		dueAt: now.toISOString(),
		questions: [],
		startedAt: now.toISOString(),
		finishedAt: null,
		stoppedBy: null,
		leaderboardMessageId: null,
		failures: 0,
		language: publicLanguage(settings, ctx.guildLocale),
	});
	await stepQuiz(deps, ctx.log, guildId, quiz.id);
	return {
		content: t('quiz.live.started', {
			week: week.number,
			title: week.title,
			count: questionIds.length,
			seconds: quiz.seconds,
		}),
		ephemeral: true,
	};
}

/**
 * Ends the channel's live quiz early (presenters): the open question closes now with its results, and the final
 * standings follow instead of the next question.
 */
export async function stopLive(ctx: BaseContext): Promise<Reply> {
	const guildId = requireGuild(ctx.guildId);
	const { deps } = ctx;
	requirePresenter(ctx.user, await deps.repos.settings.get(guildId), 'end a live quiz');
	const quiz = await runningIn(deps, guildId, ctx.channelId);
	if (!quiz) throw new UserError(t('quiz.errors.noLive'), 'quiz.no-live');
	const now = deps.clock.now().toISOString();
	await deps.repos.liveQuizzes.update(guildId, quiz.id, async (current) => ({
		next: current && current.phase !== 'finished' ? { ...current, stoppedBy: ctx.user.id, dueAt: now } : null,
		result: undefined,
	}));
	await stepQuiz(deps, ctx.log, guildId, quiz.id);
	return {
		content: t('quiz.live.stopped', { week: quiz.week }),
		ephemeral: true,
	};
}

/** Why an answer to question `index` cannot count now, or null when it can. */
function closedReason(quiz: LiveQuiz | undefined, index: number, now: Date): string | null {
	if (!quiz || quiz.phase === 'finished') return t('quiz.live.over');
	const state = quiz.questions[index];
	if (!state || quiz.index !== index || quiz.phase !== 'question' || now.getTime() >= Date.parse(state.closesAt)) {
		return t('quiz.live.timeUp', {
			number: index + 1,
			when: state ? discordTime(new Date(state.closesAt)) : t('quiz.live.already'),
		});
	}
	return null;
}

/**
 * Records a member's live answer once: under the question's lock, refused when the time is up (checked against the
 * clock at the moment of writing, so nothing is counted after the results were read). That one write is what the
 * member's "your answer is in" stands on; the copy into their progress is made when the question closes (see
 * {@link copyToProgress}), which keeps a burst of 50 clicks down to two writes each. A second click gets a polite
 * reminder of the first answer.
 */
async function answerLive(
	ctx: BaseContext,
	quizId: string,
	index: number,
	judge: (
		quiz: LiveQuiz,
		question: BankQuestion,
		state: LiveQuestionState,
	) => { correct: boolean; choice?: number; value?: number; shown: string },
): Promise<Reply> {
	const guildId = requireGuild(ctx.guildId);
	const { deps } = ctx;
	const quiz = await deps.repos.liveQuizzes.get(guildId, quizId);
	const early = closedReason(quiz, index, deps.clock.now());
	if (early || !quiz) return { content: early ?? '', ephemeral: true };
	const question = questionAt(deps, quiz, index);
	const state = quiz.questions[index]!;
	const verdict = judge(quiz, question, state);
	const durationMs = quiz.seconds * 1000;
	const outcome = await deps.repos.liveQuizzes.answer(
		guildId,
		quizId,
		index,
		ctx.user.id,
		() => closedReason(quiz, index, deps.clock.now()),
		(): LiveAnswer => {
			const at = deps.clock.now();
			const responseMs = Math.max(0, at.getTime() - Date.parse(state.openedAt));
			return {
				userId: ctx.user.id,
				name: ctx.user.name,
				roles: [...ctx.user.roles],
				permissions: ctx.user.permissions.toString(),
				...(verdict.choice !== undefined ? { choice: verdict.choice } : {}),
				...(verdict.value !== undefined ? { value: verdict.value } : {}),
				correct: verdict.correct,
				points: livePoints(verdict.correct, responseMs, durationMs),
				responseMs,
				at: at.toISOString(),
			};
		},
	);
	if (outcome.status === 'refused') return { content: outcome.reason, ephemeral: true };
	const saved = outcome.answer;
	const closes = discordTime(new Date(state.closesAt));
	if (outcome.status === 'duplicate') {
		const first = saved ? describeGiven(quiz, question, saved) : t('quiz.live.anAnswer');
		return {
			content: t('quiz.live.duplicate', { first, closes }),
			ephemeral: true,
		};
	}
	// Nothing is graded yet: a neutral mark, so a tick is not read as "right".
	const host = ctx.user.id === quiz.hostId ? t('quiz.live.hostNote') : '';
	return {
		content: t('quiz.live.isIn', {
			shown: verdict.shown,
			seconds: (saved!.responseMs / 1000).toFixed(1),
			host,
			closes,
		}),
		ephemeral: true,
	};
}

function describeGiven(quiz: LiveQuiz, question: BankQuestion, answer: LiveAnswer): string {
	if (question.kind === 'multiple-choice' && answer.choice !== undefined) {
		return t('quiz.live.youChose', {
			letter: letter(optionOrder(quiz.seed, question.id, question.options.length).indexOf(answer.choice)),
		});
	}
	return answer.value !== undefined ? t('quiz.live.youTyped', { value: answer.value }) : t('quiz.live.anAnswer');
}

/** A live multiple-choice button. */
export function answerLiveChoice(ctx: BaseContext, quizId: string, index: number, shown: number): Promise<Reply> {
	return answerLive(ctx, quizId, index, (quiz, question) => {
		if (question.kind !== 'multiple-choice') throw new UserError(t('quiz.errors.noChoice'), 'quiz.kind');
		const original = optionOrder(quiz.seed, question.id, question.options.length)[shown];
		if (original === undefined) throw new UserError(t('quiz.errors.noOption'), 'quiz.option');
		return { correct: question.options[original]!.correct === true, choice: original, shown: letter(shown) };
	});
}

/** The "type the number" button of a live numeric question: the form, while the question is open. */
export async function openLiveForm(ctx: BaseContext, quizId: string, index: number): Promise<HandlerResponse> {
	const guildId = requireGuild(ctx.guildId);
	const quiz = await ctx.deps.repos.liveQuizzes.get(guildId, quizId);
	const closed = closedReason(quiz, index, ctx.deps.clock.now());
	if (closed || !quiz) return { content: closed ?? '', ephemeral: true };
	if (await ctx.deps.repos.liveQuizzes.answerOf(guildId, quizId, index, ctx.user.id)) {
		return { content: t('quiz.live.alreadyOne'), ephemeral: true };
	}
	return answerModal(
		customId('quiz', 'lnum', quizId, index),
		t('quiz.practice.formTitle', { number: index + 1 }),
		questionAt(ctx.deps, quiz, index),
		40,
	);
}

/** A submitted live numeric answer. */
export function answerLiveNumber(ctx: BaseContext, quizId: string, index: number, text: string): Promise<Reply> {
	return answerLive(ctx, quizId, index, (_quiz, question, state) => {
		if (question.kind !== 'numeric' || !state.computed) throw new UserError(t('quiz.errors.noNumber'), 'quiz.kind');
		const verdict = judgeNumeric(text, question, { ...state.computed });
		return {
			correct: isWithinTolerance(state.computed.value, verdict.given, question.tolerance),
			value: verdict.given,
			shown: String(verdict.given),
		};
	});
}
