import type { Logger } from 'pino';
import { toBuffer } from '../compute/compute.js';
import type { Deps } from '../core/deps.js';
import type { BankQuestion } from '../curriculum/index.js';
import type { LiveAnswer, LiveQuestionState, LiveQuiz } from '../storage/repositories/live-quizzes.js';
import { spreadChart } from './charts.js';
import { liveLeaderboardCard } from './leaderboard-cards.js';
import {
	choiceSpread,
	closedQuestionMessage,
	finalMessage,
	liveQuestionMessage,
	numericSpread,
	resultsMessage,
	rightOption,
} from './live-view.js';
import { computeAnswer } from './numeric.js';
import { recordAnswer } from './record.js';
import { liveStandings } from './scoring.js';
import { currentLanguage, t, withLanguage, type Language } from '../i18n/index.js';
import { publicLanguage } from '../storage/repositories/guild-settings.js';

/**
 * After this many failed steps in a row the quiz is abandoned (its channel is gone, or posting is refused). With
 * the back-off below that is about four minutes: long enough to outlast a gateway login after a restart.
 */
const MAX_FAILURES = 8;

export type StepDeps = Pick<Deps, 'repos' | 'poster' | 'clock' | 'compute' | 'curriculum'>;

/**
 * The bank question at a position of the quiz, in the language being written (an organizer's edit of the bank
 * mid-quiz makes this throw).
 */
export function questionAt(deps: Pick<Deps, 'curriculum'>, quiz: LiveQuiz, index: number): BankQuestion {
	const question = deps.curriculum.in(currentLanguage()).question(quiz.questionIds[index] ?? '');
	if (!question) throw new Error(`live quiz ${quiz.id}: question ${quiz.questionIds[index]} is not in the bank`);
	return question;
}

/** Nonces make a retried post (after a crash) return the first message; Discord allows 25 characters. */
const nonce = (quiz: LiveQuiz, what: string): string => `lq${quiz.id}${what}`.slice(0, 25);

/**
 * Does whatever is due for a quiz, under its lock: posts the next question, or closes the open one (results, then
 * the break or the final standings). Safe to call at any time and from a restarted process: it acts only when
 * `dueAt` has passed, every post carries a nonce, and the state is saved after each step.
 */
export async function stepQuiz(deps: StepDeps, log: Logger, guildId: string, quizId: string): Promise<void> {
	await deps.repos.liveQuizzes.update(guildId, quizId, async (quiz) =>
		// A public post: in the language the quiz started with (the server's), whoever's click or tick runs it.
		withLanguage(await quizLanguage(deps, guildId, quiz), async () => {
			if (!quiz || quiz.phase === 'finished') {
				await deps.repos.liveQuizzes.stopRunning(guildId, quizId);
				return { next: null, result: undefined };
			}
			const now = deps.clock.now();
			if (quiz.dueAt === null || Date.parse(quiz.dueAt) > now.getTime()) return { next: null, result: undefined };
			try {
				const next =
					quiz.phase === 'question'
						? await closeQuestion(deps, quiz, now)
						: quiz.stoppedBy !== null
							? await finish(deps, quiz, now)
							: await openQuestion(deps, quiz, now);
				if (next.phase === 'finished') await deps.repos.liveQuizzes.stopRunning(guildId, quizId);
				return { next: { ...next, failures: 0 }, result: undefined };
			} catch (error) {
				const failures = quiz.failures + 1;
				log.warn({ err: error, quiz: quiz.id, failures }, 'live quiz step failed');
				if (failures >= MAX_FAILURES) {
					await deps.repos.liveQuizzes.stopRunning(guildId, quizId);
					return {
						next: { ...quiz, failures, phase: 'finished', dueAt: null, finishedAt: now.toISOString() },
						result: undefined,
					};
				}
				// Back off 1, 2, 4, … 64 s before trying again.
				return {
					next: { ...quiz, failures, dueAt: new Date(now.getTime() + 1000 * 2 ** (failures - 1)).toISOString() },
					result: undefined,
				};
			}
		}),
	);
}

/** The language of a quiz's posts: the one saved when it started, else the server's. */
async function quizLanguage(deps: StepDeps, guildId: string, quiz: LiveQuiz | undefined): Promise<Language> {
	if (quiz?.language) return quiz.language;
	return publicLanguage(await deps.repos.settings.get(guildId));
}

async function openQuestion(deps: StepDeps, quiz: LiveQuiz, now: Date): Promise<LiveQuiz> {
	const index = quiz.index + 1;
	const question = questionAt(deps, quiz, index);
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
	const opened: LiveQuiz = {
		...quiz,
		phase: 'question',
		index,
		dueAt: state.closesAt,
		questions: [...quiz.questions.slice(0, index), state],
	};
	// Saved before posting (we hold the quiz's lock here), so a retry posts the same countdown with the same nonce.
	if (!planned) await deps.repos.liveQuizzes.write(opened);
	const posted = await deps.poster.send(quiz.channelId, liveQuestionMessage(quiz, index, question, state), {
		nonce: nonce(quiz, `q${index}`),
	});
	return { ...opened, questions: [...opened.questions.slice(0, index), { ...state, messageId: posted.id }] };
}

function rightLineOf(
	quiz: LiveQuiz,
	question: BankQuestion,
	state: LiveQuestionState,
): { rightLine: string; why: string; rightLabel: string } {
	if (question.kind === 'multiple-choice') {
		const right = rightOption(quiz, question);
		return {
			rightLine: t('quiz.live.rightOption', { letter: right.letter, text: right.text }),
			why: right.explanation,
			rightLabel: right.letter,
		};
	}
	const shown = state.computed?.shown ?? '?';
	const working = (state.computed?.working ?? []).map((line) => `• ${line}`).join('\n');
	return {
		rightLine: `${t('quiz.live.rightAnswer', { answer: shown })}\n${working}`,
		why: question.kind === 'numeric' ? question.explanation : '',
		rightLabel: shown,
	};
}

async function closeQuestion(deps: StepDeps, quiz: LiveQuiz, now: Date): Promise<LiveQuiz> {
	const index = quiz.index;
	const question = questionAt(deps, quiz, index);
	const state = quiz.questions[index]!;
	// Read under the question's lock: every answer acknowledged before the close is in.
	const answers = await deps.repos.liveQuizzes.answers(quiz.guildId, quiz.id, index);
	if (state.messageId)
		await deps.poster
			.edit(quiz.channelId, state.messageId, closedQuestionMessage(quiz, index, question, answers.length))
			.catch(() => undefined);
	const rows =
		question.kind === 'multiple-choice'
			? choiceSpread(
					quiz,
					question,
					answers.map((a) => a.choice),
				)
			: numericSpread(
					question as Extract<BankQuestion, { kind: 'numeric' }>,
					state.computed?.value ?? Number.NaN,
					answers,
				);
	const { rightLine, why, rightLabel } = rightLineOf(quiz, question, state);
	const chart = spreadChart({
		title: t('quiz.live.chartTitle', { number: index + 1, prompt: question.prompt }),
		rows,
		rightLabel,
	});
	const png = toBuffer(await deps.compute.run('quiz.barChart', chart));
	// A quiz the host stopped ends with the question that was open.
	const last = index + 1 >= quiz.questionIds.length || quiz.stoppedBy !== null;
	const nextAt = last ? null : new Date(now.getTime() + quiz.breakSeconds * 1000);
	const alt = t('quiz.live.alt', {
		number: index + 1,
		rows: rows.map((r) => `${r.label.slice(0, 40)} ${r.count}`).join(', '),
		right: rightLabel,
	});
	const results = await deps.poster.send(
		quiz.channelId,
		resultsMessage({ quiz, index, rightLine, why, png, alt, nextAt }),
		{ nonce: nonce(quiz, `r${index}`) },
	);
	await copyToProgress(deps, quiz, index, question, answers);
	const questions = quiz.questions.map((q, i) => (i === index ? { ...q, resultsMessageId: results.id } : q));
	if (!last) return { ...quiz, questions, phase: 'break', dueAt: nextAt!.toISOString() };
	return finish(deps, { ...quiz, questions }, now);
}

/**
 * Adds a closed question's answers to each member's progress (answer log, review schedule, profile). Idempotent by
 * answer id, and run before the quiz moves on, so a crash in between is completed by the retried step.
 */
async function copyToProgress(
	deps: StepDeps,
	quiz: LiveQuiz,
	index: number,
	question: BankQuestion,
	answers: readonly LiveAnswer[],
): Promise<void> {
	await Promise.all(
		answers.map((a) =>
			recordAnswer(
				deps,
				{ id: a.userId, name: a.name, roles: a.roles, permissions: BigInt(a.permissions) },
				{
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
				},
			),
		),
	);
}

async function finish(deps: StepDeps, quiz: LiveQuiz, now: Date): Promise<LiveQuiz> {
	const perQuestion = await Promise.all(
		quiz.questions.map((_, i) => deps.repos.liveQuizzes.answers(quiz.guildId, quiz.id, i)),
	);
	// The host runs the quiz (and may click to show how it works): their answers are not in the standings.
	const standings = liveStandings(perQuestion.map((answers) => answers.filter((a) => a.userId !== quiz.hostId)));
	const week = deps.curriculum.in(currentLanguage()).week(quiz.week);
	const card = liveLeaderboardCard({
		title: t('quiz.live.standingsTitle', { week: quiz.week }),
		subtitle: t('quiz.live.standingsSubtitle', {
			title: week?.title ?? '',
			count: quiz.questions.length,
			seconds: quiz.seconds,
		}),
		standings,
		questions: quiz.questions.length,
	});
	const png = toBuffer(await deps.compute.run('quiz.card', card));
	const alt = t('quiz.live.standingsAlt', {
		list:
			standings
				.slice(0, 10)
				.map((s) => `${s.rank}. ${s.name} ${s.points}`)
				.join(', ') || t('quiz.live.noAnswers'),
	});
	const posted = await deps.poster.send(quiz.channelId, finalMessage(quiz, standings, png, alt), {
		nonce: nonce(quiz, 'end'),
	});
	return { ...quiz, phase: 'finished', dueAt: null, finishedAt: now.toISOString(), leaderboardMessageId: posted.id };
}
