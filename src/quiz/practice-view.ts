import { ButtonStyle } from 'discord-api-types/v10';
import type { Reply } from '../core/reply.js';
import { customId } from '../core/custom-id.js';
import type { BankQuestion } from '../curriculum/index.js';
import type { FreeTextGrade } from '../llm/grading.js';
import type { PracticeSession } from '../storage/repositories/practice-sessions.js';
import type { ComputedAnswer } from './numeric.js';
import { letter, optionOrder } from './shuffle.js';
import { t } from '../i18n/index.js';
import {
	answerHint,
	button,
	buttonRow,
	clip,
	COLORS,
	discordTime,
	optionLines,
	type ChoiceQuestion,
	type NumberQuestion,
	type TextQuestion,
} from './view-parts.js';

/** The three self-assessment levels and the credit each records (`key`: the label's message). */
export const SELF_LEVELS = [
	{ level: 2, key: 'quiz.self.all', credit: 1, style: ButtonStyle.Success },
	{ level: 1, key: 'quiz.self.some', credit: 0.5, style: ButtonStyle.Primary },
	{ level: 0, key: 'quiz.self.none', credit: 0, style: ButtonStyle.Secondary },
] as const;

function heading(session: PracticeSession, position: number, question: BankQuestion): string {
	const what = session.mode === 'review' ? t('quiz.practice.review') : t('quiz.practice.practice');
	return t('quiz.practice.heading', {
		what,
		number: position + 1,
		total: session.questionIds.length,
		week: question.week,
	});
}

function quoted(text: string, max = 600): string {
	return clip(text.trim(), max)
		.split('\n')
		.map((line) => `> ${line}`)
		.join('\n');
}

/** A question of a practice or review session, with its answer buttons. */
export function questionMessage(session: PracticeSession, position: number, question: BankQuestion): Reply {
	const id = session.id;
	const order =
		question.kind === 'multiple-choice' ? optionOrder(session.seed, question.id, question.options.length) : [];
	const description =
		question.kind === 'multiple-choice' ? `${question.prompt}\n\n${optionLines(question, order)}` : question.prompt;
	const components =
		question.kind === 'multiple-choice'
			? [
					buttonRow(
						order.map((_, shown) =>
							button(customId('quiz', 'pick', id, position, shown), letter(shown), ButtonStyle.Primary),
						),
					),
				]
			: [
					buttonRow([
						button(
							customId('quiz', 'answer', id, position),
							question.kind === 'numeric' ? t('quiz.practice.typeNumber') : t('quiz.practice.writeAnswer'),
							ButtonStyle.Primary,
							'✍️',
						),
					]),
				];
	return {
		embeds: [
			{
				title: clip(heading(session, position, question), 256),
				description,
				color: COLORS.neutral,
				footer: {
					text: t('quiz.practice.footer', { tier: t(`quiz.tier.${question.tier}`), hint: answerHint(question) }),
				},
			},
		],
		components,
		ephemeral: true,
		update: true,
	};
}

function nextRow(session: PracticeSession, position: number) {
	const last = position + 1 >= session.questionIds.length;
	return buttonRow([
		button(
			customId('quiz', 'next', session.id),
			last ? t('quiz.practice.seeResults') : t('quiz.practice.nextQuestion'),
			ButtonStyle.Primary,
			last ? '🏁' : '▶️',
		),
	]);
}

/** Feedback on a multiple-choice answer: every option with its explanation, the right one and the member's marked. */
export function choiceFeedback(
	session: PracticeSession,
	position: number,
	question: ChoiceQuestion,
	chosen: number,
): Reply {
	const order = optionOrder(session.seed, question.id, question.options.length);
	const right = question.options[chosen]?.correct === true;
	const lines = order.map((original, shown) => {
		const option = question.options[original]!;
		const mark = option.correct ? '✅' : original === chosen ? '❌' : '▫️';
		const yours = original === chosen ? t('quiz.practice.yourAnswerMark') : '';
		return `${mark} **${letter(shown)}.** ${option.text}${yours}\n> ${option.explanation}`;
	});
	return {
		embeds: [
			{
				title: clip(
					`${right ? t('quiz.practice.right') : t('quiz.practice.notQuite')} · ${heading(session, position, question)}`,
					256,
				),
				description: `${t('quiz.practice.q', { prompt: question.prompt })}\n\n${lines.join('\n')}`,
				color: right ? COLORS.right : COLORS.wrong,
			},
		],
		components: [nextRow(session, position)],
		ephemeral: true,
		update: true,
	};
}

/** Feedback on a numeric answer: the member's number, the computed one, and how it was computed. */
export function numericFeedback(
	session: PracticeSession,
	position: number,
	question: NumberQuestion,
	given: number,
	answer: ComputedAnswer,
	right: boolean,
): Reply {
	const description = [
		t('quiz.practice.q', { prompt: question.prompt }),
		'',
		t('quiz.practice.numericLine', { given, answer: answer.shown, tolerance: question.tolerance }),
		'',
		t('quiz.practice.howComputed'),
		...answer.working.map((line) => `• ${line}`),
		'',
		t('quiz.practice.why', { why: question.explanation }),
	].join('\n');
	return {
		embeds: [
			{
				title: clip(
					`${right ? t('quiz.practice.right') : t('quiz.practice.notQuite')} · ${heading(session, position, question)}`,
					256,
				),
				description,
				color: right ? COLORS.right : COLORS.wrong,
			},
		],
		components: [nextRow(session, position)],
		ephemeral: true,
		update: true,
	};
}

const VERDICT_MARK = { met: '✅', partly: '🟡', missed: '❌' } as const;

/** Feedback on a free-text answer graded by the LLM: a verdict per rubric point, the feedback, the model answer. */
export function gradedFeedback(
	session: PracticeSession,
	position: number,
	question: TextQuestion,
	text: string,
	grade: FreeTextGrade,
): Reply {
	const score = Math.round(grade.score * 100);
	const color = grade.score >= 0.75 ? COLORS.right : grade.score >= 0.5 ? COLORS.partly : COLORS.wrong;
	const description = [
		t('quiz.practice.q', { prompt: question.prompt }),
		'',
		t('quiz.practice.yourAnswer'),
		quoted(text),
		'',
		t('quiz.practice.rubric'),
		...grade.points.map((p) => `${VERDICT_MARK[p.verdict]} ${p.point}\n> ${p.reason}`),
		...(grade.feedback ? ['', t('quiz.practice.feedback', { feedback: grade.feedback })] : []),
		'',
		t('quiz.practice.modelAnswer', { answer: question.answer }),
	].join('\n');
	return {
		embeds: [
			{
				title: clip(
					`${score >= 75 ? '✅' : score >= 50 ? '🟡' : '❌'} ${t('quiz.practice.ofRubric', { score })} · ${heading(session, position, question)}`,
					256,
				),
				description,
				color,
				footer: {
					text: t('quiz.practice.gradedBy', { model: grade.model, earned: grade.earned, total: grade.total }),
				},
			},
		],
		components: [nextRow(session, position)],
		ephemeral: true,
		update: true,
	};
}

/** Without an LLM grader: the model answer and rubric, and buttons for the member to mark their own answer. */
export function selfAssessMessage(
	session: PracticeSession,
	position: number,
	question: TextQuestion,
	text: string,
	why: string,
): Reply {
	const description = [
		t('quiz.practice.q', { prompt: question.prompt }),
		'',
		t('quiz.practice.yourAnswer'),
		quoted(text),
		'',
		t('quiz.practice.modelAnswer', { answer: question.answer }),
		'',
		t('quiz.practice.goodAnswer'),
		...question.rubric.map((point) => `• ${point}`),
		'',
		t('quiz.practice.howMany'),
	].join('\n');
	return {
		embeds: [
			{
				title: clip(`${t('quiz.practice.compare')} · ${heading(session, position, question)}`, 256),
				description,
				color: COLORS.neutral,
				footer: { text: t('quiz.practice.selfFooter', { why }) },
			},
		],
		components: [
			buttonRow(
				SELF_LEVELS.map((l) => button(customId('quiz', 'self', session.id, position, l.level), t(l.key), l.style)),
			),
		],
		ephemeral: true,
		update: true,
	};
}

/** Feedback after a self-assessment. */
export function selfAssessedFeedback(
	session: PracticeSession,
	position: number,
	question: TextQuestion,
	credit: number,
): Reply {
	const level = SELF_LEVELS.find((l) => l.credit === credit) ?? SELF_LEVELS[2];
	return {
		embeds: [
			{
				title: clip(
					`${t('quiz.practice.selfAssessed', { level: t(level.key).toLowerCase() })} · ${heading(session, position, question)}`,
					256,
				),
				description: `${t('quiz.practice.q', { prompt: question.prompt })}\n\n${t('quiz.practice.modelAnswer', { answer: question.answer })}\n\n${t('quiz.practice.recordedAs', { what: t(credit === 1 ? 'quiz.practice.recordedRight' : credit === 0.5 ? 'quiz.practice.recordedHalf' : 'quiz.practice.recordedWrong') })}`,
				color: credit === 1 ? COLORS.right : credit === 0.5 ? COLORS.partly : COLORS.wrong,
			},
		],
		components: [nextRow(session, position)],
		ephemeral: true,
		update: true,
	};
}

/** The end of a session: the score, each question's result, and when the wrong ones come back in /review. */
export function summaryMessage(
	session: PracticeSession,
	prompts: ReadonlyMap<string, { prompt: string; week: number }>,
	nextReview: Date | null,
): Reply {
	const right = session.results.filter((r) => r.correct).length;
	const total = session.results.length;
	const lines = session.results.map((r, i) => {
		const q = prompts.get(r.questionId);
		const mark = r.credit >= 1 ? '✅' : r.credit > 0 ? '🟡' : '❌';
		return `${mark} ${i + 1}. ${q ? t('quiz.practice.summaryLine', { week: q.week, prompt: clip(q.prompt, 90) }) : r.questionId}`;
	});
	const review = nextReview ? `\n\n${t('quiz.practice.comesBack', { when: discordTime(nextReview) })}` : '';
	return {
		embeds: [
			{
				title: t(session.mode === 'review' ? 'quiz.practice.finishedReview' : 'quiz.practice.finishedPractice', {
					right,
					total,
					percent: total > 0 ? Math.round((right / total) * 100) : 0,
				}),
				description: `${lines.join('\n')}${review}`,
				color: total > 0 && right / total >= 0.8 ? COLORS.right : COLORS.neutral,
				footer: { text: t('quiz.practice.progressFooter') },
			},
		],
		components: [
			buttonRow([
				button(
					customId(
						'quiz',
						'again',
						session.mode === 'review' ? 'r' : 'p',
						session.week ?? 0,
						session.questionIds.length,
					),
					session.mode === 'review' ? t('quiz.practice.reviewMore') : t('quiz.practice.practiseAgain'),
					ButtonStyle.Secondary,
					'🔄',
				),
			]),
		],
		ephemeral: true,
		update: true,
	};
}
