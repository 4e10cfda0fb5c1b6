import type { BaseContext } from '../core/context.js';
import { UserError } from '../core/errors.js';
import type { HandlerResponse, Reply } from '../core/reply.js';
import { requireGuild } from '../core/roles.js';
import type { BankQuestion } from '../curriculum/index.js';
import { ANSWER_MAX, gradeFreeText, type FreeTextGrade } from '../llm/grading.js';
import { languageOfLocale } from '../llm/language.js';
import { spend } from '../llm/service.js';
import type { PracticeSession } from '../storage/repositories/practice-sessions.js';
import type { AnswerRecord } from '../storage/repositories/quiz-answers.js';
import { currentLanguage, t } from '../i18n/index.js';
import type { Curriculum } from '../curriculum/index.js';
import { guildCalendar } from './guild-calendar.js';
import { dueCards, nextDue } from './leitner.js';
import { computeAnswer, judgeNumeric } from './numeric.js';
import {
	choiceFeedback,
	gradedFeedback,
	numericFeedback,
	questionMessage,
	SELF_LEVELS,
	selfAssessedFeedback,
	selfAssessMessage,
	summaryMessage,
} from './practice-view.js';
import { recordAnswer } from './record.js';
import { newSeed, optionOrder, shuffled } from './shuffle.js';
import { answerModal, discordTime } from './view-parts.js';
import { customId } from '../core/custom-id.js';

export const PRACTICE_DEFAULT_COUNT = 5;
export const PRACTICE_MAX_COUNT = 20;

/** Starts a private practice run: `count` questions of a week (or of every week posted so far), shuffled. */
export async function startPractice(ctx: BaseContext, options: { week?: number; count?: number }): Promise<Reply> {
	const guildId = requireGuild(ctx.guildId);
	const { deps } = ctx;
	const curriculum = curriculumOf(ctx);
	const now = deps.clock.now();
	let pool: readonly BankQuestion[];
	if (options.week !== undefined) {
		if (!curriculum.week(options.week))
			throw new UserError(t('quiz.errors.noWeek', { week: options.week }), 'quiz.week');
		pool = curriculum.questionsFor(options.week);
	} else {
		// Without a week: everything the schedule has posted so far, or the whole bank without a schedule.
		const { currentWeek } = await guildCalendar(deps, guildId, now);
		pool = curriculum.questions.filter((q) => currentWeek === null || q.week <= currentWeek);
	}
	if (pool.length === 0) throw new UserError(t('quiz.errors.nothingToPractise'), 'quiz.empty');
	const seed = newSeed();
	const questionIds = shuffled(
		pool.map((q) => q.id),
		seed,
	).slice(0, options.count ?? PRACTICE_DEFAULT_COUNT);
	const session = await deps.repos.practiceSessions.create({
		guildId,
		userId: ctx.user.id,
		mode: 'practice',
		week: options.week ?? null,
		questionIds,
		seed,
		results: [],
		pending: null,
		createdAt: now.toISOString(),
	});
	return questionMessage(session, 0, questionOf(ctx, session, 0));
}

/** Starts a review run over the questions due in the member's schedule (see leitner.ts). */
export async function startReview(ctx: BaseContext, count = 10): Promise<Reply> {
	const guildId = requireGuild(ctx.guildId);
	const { deps } = ctx;
	const now = deps.clock.now();
	const cards = await deps.repos.reviews.cards(guildId, ctx.user.id);
	// A question an organizer removed from the bank cannot be asked any more.
	const due = dueCards(cards, now).filter((c) => curriculumOf(ctx).question(c.questionId));
	if (due.length === 0) {
		const next = nextDue(cards, now);
		const waiting = Object.values(cards).filter((c) => c.box <= 5).length;
		const content =
			waiting === 0
				? t('quiz.review.empty')
				: t('quiz.review.notDue', { count: waiting, next: next ? discordTime(next) : t('quiz.review.later') });
		return { content, ephemeral: true, update: true, embeds: [], components: [] };
	}
	const seed = newSeed();
	const session = await deps.repos.practiceSessions.create({
		guildId,
		userId: ctx.user.id,
		mode: 'review',
		week: null,
		questionIds: due.slice(0, count).map((c) => c.questionId),
		seed,
		results: [],
		pending: null,
		createdAt: now.toISOString(),
	});
	return questionMessage(session, 0, questionOf(ctx, session, 0));
}

/** The curriculum in the member's language: questions are asked and explained in it (ids are shared). */
function curriculumOf(ctx: BaseContext): Curriculum {
	return ctx.deps.curriculum.in(currentLanguage());
}

function questionOf(ctx: BaseContext, session: PracticeSession, position: number): BankQuestion {
	const id = session.questionIds[position];
	const question = id === undefined ? undefined : curriculumOf(ctx).question(id);
	if (!question) throw new UserError(t('quiz.errors.questionGone'), 'quiz.question-gone');
	return question;
}

function checkOwner(ctx: BaseContext, session: PracticeSession | undefined): PracticeSession {
	if (!session) throw new UserError(t('quiz.errors.sessionGone'), 'quiz.session-gone');
	if (session.userId !== ctx.user.id) throw new UserError(t('quiz.errors.notYours'), 'quiz.not-yours');
	return session;
}

/** Said to a second click on an answered question (a function: it is written in the member's language). */
const ALREADY = (): Reply => ({ content: t('quiz.practice.already'), ephemeral: true });

/** The answer record every mode shares. */
function answerRecord(
	ctx: BaseContext,
	session: PracticeSession,
	position: number,
	question: BankQuestion,
	fields: Pick<AnswerRecord, 'correct' | 'credit' | 'grading'> & Partial<AnswerRecord>,
): AnswerRecord {
	return {
		id: `p:${session.id}:${position}`,
		guildId: session.guildId,
		userId: session.userId,
		questionId: question.id,
		week: question.week,
		kind: question.kind,
		tier: question.tier,
		mode: session.mode,
		points: 0,
		at: ctx.deps.clock.now().toISOString(),
		...fields,
	};
}

/**
 * Records the answer to the current question and saves the session, under the session's lock (a double click
 * records once), then returns the feedback. Refuses an answer to any other position.
 */
async function answer(
	ctx: BaseContext,
	sessionId: string,
	position: number,
	judge: (session: PracticeSession, question: BankQuestion) => Promise<{ record: AnswerRecord; feedback: Reply }>,
): Promise<Reply> {
	const guildId = requireGuild(ctx.guildId);
	return ctx.deps.repos.practiceSessions.update(guildId, sessionId, async (current) => {
		const session = checkOwner(ctx, current);
		if (position !== session.results.length) return { next: null, result: ALREADY() };
		const question = questionOf(ctx, session, position);
		const { record, feedback } = await judge(session, question);
		await recordAnswer(ctx.deps, ctx.user, record);
		const next: PracticeSession = {
			...session,
			results: [
				...session.results,
				{ questionId: question.id, credit: record.credit, correct: record.correct, answerId: record.id },
			],
			pending: null,
		};
		return { next, result: feedback };
	});
}

/** A multiple-choice button: `shown` is the displayed position, mapped back through the session's stored order. */
export function pickOption(ctx: BaseContext, sessionId: string, position: number, shown: number): Promise<Reply> {
	return answer(ctx, sessionId, position, async (session, question) => {
		if (question.kind !== 'multiple-choice') throw new UserError(t('quiz.errors.noChoice'), 'quiz.kind');
		const original = optionOrder(session.seed, question.id, question.options.length)[shown];
		if (original === undefined) throw new UserError(t('quiz.errors.noOption'), 'quiz.option');
		const correct = question.options[original]!.correct === true;
		const record = answerRecord(ctx, session, position, question, {
			correct,
			credit: correct ? 1 : 0,
			grading: 'auto',
			choice: original,
		});
		return { record, feedback: choiceFeedback(session, position, question, original) };
	});
}

/** The "answer" button of a numeric or free-text question opens the form. */
export async function openAnswerForm(ctx: BaseContext, sessionId: string, position: number): Promise<HandlerResponse> {
	const guildId = requireGuild(ctx.guildId);
	const session = checkOwner(ctx, await ctx.deps.repos.practiceSessions.get(guildId, sessionId));
	if (position !== session.results.length) return ALREADY();
	const question = questionOf(ctx, session, position);
	return answerModal(
		customId('quiz', 'submit', sessionId, position),
		t('quiz.practice.formTitle', { number: position + 1 }),
		question,
		ANSWER_MAX,
	);
}

/** Why the LLM grader is not used; null when it can be. */
async function graderUnavailable(ctx: BaseContext, guildId: string): Promise<string | null> {
	if (!ctx.deps.llm.configured) return t('quiz.practice.noGrader');
	if (!(await ctx.deps.repos.tutorSettings.get(guildId)).enabled) return t('quiz.practice.tutorOff');
	return null;
}

/** A submitted form: a number is judged at once; free text goes to the LLM grader, or to self-assessment. */
export async function submitAnswer(
	ctx: BaseContext,
	sessionId: string,
	position: number,
	text: string,
): Promise<Reply> {
	const guildId = requireGuild(ctx.guildId);
	const session = checkOwner(ctx, await ctx.deps.repos.practiceSessions.get(guildId, sessionId));
	if (position !== session.results.length) return ALREADY();
	const question = questionOf(ctx, session, position);
	if (question.kind === 'numeric') {
		const computed = await computeAnswer(question, ctx.deps.compute);
		const verdict = judgeNumeric(text, question, computed);
		return answer(ctx, sessionId, position, async (s) => ({
			record: answerRecord(ctx, s, position, question, {
				correct: verdict.correct,
				credit: verdict.correct ? 1 : 0,
				grading: 'auto',
				value: verdict.given,
			}),
			feedback: numericFeedback(s, position, question, verdict.given, computed, verdict.correct),
		}));
	}
	if (question.kind !== 'free-text') throw new UserError(t('quiz.errors.buttonsOnly'), 'quiz.kind');
	let why = await graderUnavailable(ctx, guildId);
	let grade: FreeTextGrade | null = null;
	if (!why) {
		try {
			const ticket = await ctx.deps.llm.begin({ guildId, userId: ctx.user.id });
			const result = await spend(ticket, (client) =>
				gradeFreeText(client, {
					question: question.prompt,
					modelAnswer: question.answer,
					rubric: question.rubric,
					answer: text,
					language: languageOfLocale(ctx.locale).name,
				}),
			);
			if (result.ok) grade = result.grade;
			else why = t('quiz.practice.unreadable');
		} catch (error) {
			if (!(error instanceof UserError)) throw error;
			// Out of quota, or the model server failed: the member still gets the model answer to compare with.
			why = error.message;
		}
	}
	if (grade) {
		const graded = grade;
		return answer(ctx, sessionId, position, async (s) => ({
			record: answerRecord(ctx, s, position, question, {
				correct: graded.score >= 0.5,
				credit: graded.score,
				grading: 'llm',
			}),
			feedback: gradedFeedback(s, position, question, text, graded),
		}));
	}
	// Keep the text for the self-assessment buttons (a restart in between loses nothing).
	return ctx.deps.repos.practiceSessions.update(guildId, sessionId, async (current) => {
		const s = checkOwner(ctx, current);
		if (position !== s.results.length) return { next: null, result: ALREADY() };
		return {
			next: { ...s, pending: { position, text } },
			result: selfAssessMessage(s, position, question, text, why ?? ''),
		};
	});
}

/** A self-assessment button (level 2, 1 or 0). */
export function selfAssess(ctx: BaseContext, sessionId: string, position: number, level: number): Promise<Reply> {
	const choice = SELF_LEVELS.find((l) => l.level === level);
	if (!choice) throw new UserError(t('quiz.errors.notALevel'), 'quiz.self-level');
	return answer(ctx, sessionId, position, async (session, question) => {
		if (question.kind !== 'free-text' || session.pending?.position !== position)
			throw new UserError(t('quiz.errors.writeFirst'), 'quiz.no-answer');
		return {
			record: answerRecord(ctx, session, position, question, {
				correct: choice.credit >= 0.5,
				credit: choice.credit,
				grading: 'self',
			}),
			feedback: selfAssessedFeedback(session, position, question, choice.credit),
		};
	});
}

/** The "next" button: the next question, the pending self-assessment, or the summary. */
export async function nextStep(ctx: BaseContext, sessionId: string): Promise<Reply> {
	const guildId = requireGuild(ctx.guildId);
	const session = checkOwner(ctx, await ctx.deps.repos.practiceSessions.get(guildId, sessionId));
	const position = session.results.length;
	if (position < session.questionIds.length) {
		const question = questionOf(ctx, session, position);
		if (session.pending?.position === position && question.kind === 'free-text') {
			return selfAssessMessage(session, position, question, session.pending.text, t('quiz.practice.markToGoOn'));
		}
		return questionMessage(session, position, question);
	}
	const prompts = new Map(
		session.questionIds.flatMap((id) => {
			const q = curriculumOf(ctx).question(id);
			return q ? [[id, { prompt: q.prompt, week: q.week }] as const] : [];
		}),
	);
	const cards = await ctx.deps.repos.reviews.cards(guildId, ctx.user.id);
	return summaryMessage(session, prompts, nextDue(cards, ctx.deps.clock.now()));
}
