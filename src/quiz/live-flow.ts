import type { Logger } from 'pino';
import { toBuffer } from '../compute/compute.js';
import type { BaseContext } from '../core/context.js';
import type { Deps } from '../core/deps.js';
import { UserError } from '../core/errors.js';
import type { HandlerResponse, Reply } from '../core/reply.js';
import { requireGuild, requirePresenter } from '../core/roles.js';
import { isWithinTolerance, type BankQuestion } from '../curriculum/index.js';
import type { LiveAnswer, LiveQuestionState, LiveQuiz } from '../storage/repositories/live-quizzes.js';
import { liveLeaderboardCard, spreadChart } from './charts.js';
import { computeAnswer, judgeNumeric } from './numeric.js';
import { recordAnswer } from './record.js';
import { livePoints, liveStandings } from './scoring.js';
import { letter, newSeed, optionOrder, shuffled } from './shuffle.js';
import { answerModal, discordTime } from './view-parts.js';
import { choiceSpread, closedQuestionMessage, finalMessage, liveQuestionMessage, numericSpread, resultsMessage, rightOption } from './live-view.js';
import { customId } from '../core/custom-id.js';

export const LIVE_DEFAULT_SECONDS = 20;
export const LIVE_BREAK_SECONDS = 5;
export const LIVE_MAX_QUESTIONS = 10;
/**
 * After this many failed steps in a row the quiz is abandoned (its channel is gone, or posting is refused). With
 * the back-off below that is about four minutes: long enough to outlast a gateway login after a restart.
 */
const MAX_FAILURES = 8;

type StepDeps = Pick<Deps, 'repos' | 'poster' | 'clock' | 'compute' | 'curriculum'>;

function questionOf(deps: Pick<Deps, 'curriculum'>, quiz: LiveQuiz, index: number): BankQuestion {
	const question = deps.curriculum.question(quiz.questionIds[index] ?? '');
	if (!question) throw new Error(`live quiz ${quiz.id}: question ${quiz.questionIds[index]} is not in the bank`);
	return question;
}

/** Nonces make a retried post (after a crash) return the first message; Discord allows 25 characters. */
const nonce = (quiz: LiveQuiz, what: string): string => `lq${quiz.id}${what}`.slice(0, 25);

/**
 * Starts a live quiz in the channel (presenters only): picks the week's multiple-choice questions (and numeric ones
 * when asked), saves the quiz, and posts the first question. The runner does the rest from storage.
 */
export async function startLive(ctx: BaseContext, options: { week: number; seconds?: number; count?: number; numeric?: boolean }): Promise<Reply> {
	const guildId = requireGuild(ctx.guildId);
	const { deps } = ctx;
	requirePresenter(ctx.user, await deps.repos.settings.get(guildId), 'run a live quiz');
	const week = deps.curriculum.week(options.week);
	if (!week) throw new UserError(`There is no week ${options.week}.`, 'quiz.week');
	const check = await deps.poster.canPost(ctx.channelId);
	if (!check.ok) throw new UserError(`I cannot run a live quiz here: ${check.reason}`, 'quiz.cannot-post');
	const pool = deps.curriculum.questionsFor(week.number).filter((q) => q.kind === 'multiple-choice' || (options.numeric === true && q.kind === 'numeric'));
	if (pool.length === 0) throw new UserError(`Week ${week.number} has no questions for a live quiz.`, 'quiz.empty');
	const seed = newSeed();
	const questionIds = shuffled(pool.map((q) => q.id), seed).slice(0, options.count ?? LIVE_MAX_QUESTIONS);
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
	});
	await stepQuiz(deps, ctx.log, guildId, quiz.id);
	return {
		content: `▶️ Live quiz on week ${week.number} (${week.title}) started: ${questionIds.length} question${questionIds.length === 1 ? '' : 's'}, ${quiz.seconds} s each. The bot posts each question, its results and the final standings.`,
		ephemeral: true,
	};
}

/**
 * Does whatever is due for a quiz, under its lock: posts the next question, or closes the open one (results, then
 * the break or the final standings). Safe to call at any time and from a restarted process: it acts only when
 * `dueAt` has passed, every post carries a nonce, and the state is saved after each step.
 */
export async function stepQuiz(deps: StepDeps, log: Logger, guildId: string, quizId: string): Promise<void> {
	await deps.repos.liveQuizzes.update(guildId, quizId, async (quiz) => {
		if (!quiz || quiz.phase === 'finished') {
			await deps.repos.liveQuizzes.stopRunning(guildId, quizId);
			return { next: null, result: undefined };
		}
		const now = deps.clock.now();
		if (quiz.dueAt === null || Date.parse(quiz.dueAt) > now.getTime()) return { next: null, result: undefined };
		try {
			const next = quiz.phase === 'break' ? await openQuestion(deps, quiz, now) : await closeQuestion(deps, quiz, now);
			if (next.phase === 'finished') await deps.repos.liveQuizzes.stopRunning(guildId, quizId);
			return { next: { ...next, failures: 0 }, result: undefined };
		} catch (error) {
			const failures = quiz.failures + 1;
			log.warn({ err: error, quiz: quiz.id, failures }, 'live quiz step failed');
			if (failures >= MAX_FAILURES) {
				await deps.repos.liveQuizzes.stopRunning(guildId, quizId);
				return { next: { ...quiz, failures, phase: 'finished', dueAt: null, finishedAt: now.toISOString() }, result: undefined };
			}
			// Back off 1, 2, 4, … 64 s before trying again.
			return { next: { ...quiz, failures, dueAt: new Date(now.getTime() + 1000 * 2 ** (failures - 1)).toISOString() }, result: undefined };
		}
	});
}

async function openQuestion(deps: StepDeps, quiz: LiveQuiz, now: Date): Promise<LiveQuiz> {
	const index = quiz.index + 1;
	const question = questionOf(deps, quiz, index);
	// A retry after a crash reuses the state saved before posting, so the countdown shown stays the one recorded.
	const planned = quiz.questions[index];
	const state: LiveQuestionState = planned ?? {
		questionId: question.id,
		messageId: null,
		openedAt: now.toISOString(),
		closesAt: new Date(now.getTime() + quiz.seconds * 1000).toISOString(),
		resultsMessageId: null,
		...(question.kind === 'numeric' ? { computed: await computeAnswer(question, deps.compute) } : {}),
	};
	const opened: LiveQuiz = { ...quiz, phase: 'question', index, dueAt: state.closesAt, questions: [...quiz.questions.slice(0, index), state] };
	// Saved before posting (we hold the quiz's lock here), so a retry posts the same countdown with the same nonce.
	if (!planned) await deps.repos.liveQuizzes.write(opened);
	const posted = await deps.poster.send(quiz.channelId, liveQuestionMessage(quiz, index, question, state), { nonce: nonce(quiz, `q${index}`) });
	return { ...opened, questions: [...opened.questions.slice(0, index), { ...state, messageId: posted.id }] };
}

function rightLineOf(quiz: LiveQuiz, question: BankQuestion, state: LiveQuestionState): { rightLine: string; why: string; rightLabel: string } {
	if (question.kind === 'multiple-choice') {
		const right = rightOption(quiz, question);
		return { rightLine: `✅ Right answer: **${right.letter}.** ${right.text}`, why: right.explanation, rightLabel: right.letter };
	}
	const shown = state.computed?.shown ?? '?';
	const working = (state.computed?.working ?? []).map((line) => `• ${line}`).join('\n');
	return { rightLine: `✅ Right answer: **${shown}**\n${working}`, why: question.kind === 'numeric' ? question.explanation : '', rightLabel: shown };
}

async function closeQuestion(deps: StepDeps, quiz: LiveQuiz, now: Date): Promise<LiveQuiz> {
	const index = quiz.index;
	const question = questionOf(deps, quiz, index);
	const state = quiz.questions[index]!;
	// Read under the question's lock: every answer acknowledged before the close is in.
	const answers = await deps.repos.liveQuizzes.answers(quiz.guildId, quiz.id, index);
	if (state.messageId) await deps.poster.edit(quiz.channelId, state.messageId, closedQuestionMessage(quiz, index, question, answers.length)).catch(() => undefined);
	const rows =
		question.kind === 'multiple-choice'
			? choiceSpread(quiz, question, answers.map((a) => a.choice))
			: numericSpread(question as Extract<BankQuestion, { kind: 'numeric' }>, state.computed?.value ?? Number.NaN, answers);
	const { rightLine, why, rightLabel } = rightLineOf(quiz, question, state);
	const chart = spreadChart({ title: `Question ${index + 1}: ${question.prompt}`, rows, rightLabel });
	const png = toBuffer(await deps.compute.run('quizBarChart', chart));
	const last = index + 1 >= quiz.questionIds.length;
	const nextAt = last ? null : new Date(now.getTime() + quiz.breakSeconds * 1000);
	const alt = `Answers to question ${index + 1}: ${rows.map((r) => `${r.label.slice(0, 40)} ${r.count}`).join(', ')}; right: ${rightLabel}.`;
	const results = await deps.poster.send(quiz.channelId, resultsMessage({ quiz, index, rightLine, why, png, alt, nextAt }), { nonce: nonce(quiz, `r${index}`) });
	await copyToProgress(deps, quiz, index, question, answers);
	const questions = quiz.questions.map((q, i) => (i === index ? { ...q, resultsMessageId: results.id } : q));
	if (!last) return { ...quiz, questions, phase: 'break', dueAt: nextAt!.toISOString() };
	return finish(deps, { ...quiz, questions }, now);
}

/**
 * Adds a closed question's answers to each member's progress (answer log, review schedule, profile). Idempotent by
 * answer id, and run before the quiz moves on, so a crash in between is completed by the retried step.
 */
async function copyToProgress(deps: StepDeps, quiz: LiveQuiz, index: number, question: BankQuestion, answers: readonly LiveAnswer[]): Promise<void> {
	await Promise.all(
		answers.map((a) =>
			recordAnswer(deps, { id: a.userId, name: a.name, roles: a.roles, permissions: BigInt(a.permissions) }, {
				id: `l:${quiz.id}:${index}`,
				guildId: quiz.guildId,
				userId: a.userId,
				questionId: question.id,
				week: question.week,
				kind: question.kind,
				tier: question.tier,
				mode: 'live',
				correct: a.correct,
				credit: a.correct ? 1 : 0,
				points: a.points,
				grading: 'auto',
				at: a.at,
				responseMs: a.responseMs,
				...(a.choice !== undefined ? { choice: a.choice } : {}),
				...(a.value !== undefined ? { value: a.value } : {}),
			}),
		),
	);
}

async function finish(deps: StepDeps, quiz: LiveQuiz, now: Date): Promise<LiveQuiz> {
	const perQuestion = await Promise.all(quiz.questions.map((_, i) => deps.repos.liveQuizzes.answers(quiz.guildId, quiz.id, i)));
	const standings = liveStandings(perQuestion);
	const week = deps.curriculum.week(quiz.week);
	const card = liveLeaderboardCard({
		title: `Live quiz · week ${quiz.week}: final standings`,
		subtitle: `${week?.title ?? ''} · ${quiz.questions.length} question${quiz.questions.length === 1 ? '' : 's'}, ${quiz.seconds} s each`,
		standings,
		questions: quiz.questions.length,
	});
	const png = toBuffer(await deps.compute.run('quizCard', card));
	const alt = `Final standings: ${standings.slice(0, 10).map((s) => `${s.rank}. ${s.name} ${s.points}`).join(', ') || 'no answers'}.`;
	const posted = await deps.poster.send(quiz.channelId, finalMessage(quiz, standings, png, alt), { nonce: nonce(quiz, 'end') });
	return { ...quiz, phase: 'finished', dueAt: null, finishedAt: now.toISOString(), leaderboardMessageId: posted.id };
}

/** Why an answer to question `index` cannot count now, or null when it can. */
function closedReason(quiz: LiveQuiz | undefined, index: number, now: Date): string | null {
	if (!quiz || quiz.phase === 'finished') return 'This live quiz is over. See the standings in the channel, and your missed questions in /review.';
	const state = quiz.questions[index];
	if (!state || quiz.index !== index || quiz.phase !== 'question' || now.getTime() >= Date.parse(state.closesAt)) {
		return `⌛ Time is up for question ${index + 1}: answers closed ${state ? discordTime(new Date(state.closesAt)) : 'already'}. Get ready for the next one!`;
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
async function answerLive(ctx: BaseContext, quizId: string, index: number, judge: (quiz: LiveQuiz, question: BankQuestion, state: LiveQuestionState) => { correct: boolean; choice?: number; value?: number; shown: string }): Promise<Reply> {
	const guildId = requireGuild(ctx.guildId);
	const { deps } = ctx;
	const quiz = await deps.repos.liveQuizzes.get(guildId, quizId);
	const early = closedReason(quiz, index, deps.clock.now());
	if (early || !quiz) return { content: early ?? '', ephemeral: true };
	const question = questionOf(deps, quiz, index);
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
		const first = saved ? describeGiven(quiz, question, saved) : 'an answer';
		return { content: `You already answered this one (${first}): one answer per member. Results ${closes}.`, ephemeral: true };
	}
	return { content: `✅ Your answer **${verdict.shown}** is in, after ${(saved!.responseMs / 1000).toFixed(1)} s. Results ${closes}.`, ephemeral: true };
}

function describeGiven(quiz: LiveQuiz, question: BankQuestion, answer: LiveAnswer): string {
	if (question.kind === 'multiple-choice' && answer.choice !== undefined) {
		return `you chose **${letter(optionOrder(quiz.seed, question.id, question.options.length).indexOf(answer.choice))}**`;
	}
	return answer.value !== undefined ? `you typed **${answer.value}**` : 'an answer';
}

/** A live multiple-choice button. */
export function answerLiveChoice(ctx: BaseContext, quizId: string, index: number, shown: number): Promise<Reply> {
	return answerLive(ctx, quizId, index, (quiz, question) => {
		if (question.kind !== 'multiple-choice') throw new UserError('This question does not take a choice.', 'quiz.kind');
		const original = optionOrder(quiz.seed, question.id, question.options.length)[shown];
		if (original === undefined) throw new UserError('That option does not exist.', 'quiz.option');
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
		return { content: 'You already answered this one: one answer per member.', ephemeral: true };
	}
	return answerModal(customId('quiz', 'lnum', quizId, index), `Question ${index + 1}: your answer`, questionOf(ctx.deps, quiz, index), 40);
}

/** A submitted live numeric answer. */
export function answerLiveNumber(ctx: BaseContext, quizId: string, index: number, text: string): Promise<Reply> {
	return answerLive(ctx, quizId, index, (_quiz, question, state) => {
		if (question.kind !== 'numeric' || !state.computed) throw new UserError('This question does not take a number.', 'quiz.kind');
		const verdict = judgeNumeric(text, question, { ...state.computed });
		return { correct: isWithinTolerance(state.computed.value, verdict.given, question.tolerance), value: verdict.given, shown: String(verdict.given) };
	});
}
