import { ButtonStyle } from 'discord-api-types/v10';
import type { Reply } from '../core/reply.js';
import { customId } from '../core/custom-id.js';
import type { BankQuestion } from '../curriculum/index.js';
import type { FreeTextGrade } from '../llm/grading.js';
import type { PracticeSession } from '../storage/repositories/practice-sessions.js';
import type { ComputedAnswer } from './numeric.js';
import { letter, optionOrder } from './shuffle.js';
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

/** The three self-assessment levels and the credit each records. */
export const SELF_LEVELS = [
	{ level: 2, label: 'I made every point', credit: 1, style: ButtonStyle.Success },
	{ level: 1, label: 'Some of them', credit: 0.5, style: ButtonStyle.Primary },
	{ level: 0, label: 'Not really', credit: 0, style: ButtonStyle.Secondary },
] as const;

function heading(session: PracticeSession, position: number, question: BankQuestion): string {
	const what = session.mode === 'review' ? '🔁 Review' : '📝 Practice';
	return `${what} · question ${position + 1} of ${session.questionIds.length} · week ${question.week}`;
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
							question.kind === 'numeric' ? 'Type the number' : 'Write your answer',
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
				footer: { text: `Tier: ${question.tier} · ${answerHint(question)}` },
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
			last ? 'See my results' : 'Next question',
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
		const yours = original === chosen ? ' *(your answer)*' : '';
		return `${mark} **${letter(shown)}.** ${option.text}${yours}\n> ${option.explanation}`;
	});
	return {
		embeds: [
			{
				title: clip(`${right ? '✅ Right!' : '❌ Not quite'} · ${heading(session, position, question)}`, 256),
				description: `**Q:** ${question.prompt}\n\n${lines.join('\n')}`,
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
		`**Q:** ${question.prompt}`,
		'',
		`Your answer: **${given}** · The answer: **${answer.shown}** (right within ±${question.tolerance})`,
		'',
		'**How it is computed**',
		...answer.working.map((line) => `• ${line}`),
		'',
		`**Why:** ${question.explanation}`,
	].join('\n');
	return {
		embeds: [
			{
				title: clip(`${right ? '✅ Right!' : '❌ Not quite'} · ${heading(session, position, question)}`, 256),
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
		`**Q:** ${question.prompt}`,
		'',
		'**Your answer**',
		quoted(text),
		'',
		'**Rubric**',
		...grade.points.map((p) => `${VERDICT_MARK[p.verdict]} ${p.point}\n> ${p.reason}`),
		...(grade.feedback ? ['', `**Feedback:** ${grade.feedback}`] : []),
		'',
		`**Model answer:** ${question.answer}`,
	].join('\n');
	return {
		embeds: [
			{
				title: clip(
					`${score >= 75 ? '✅' : score >= 50 ? '🟡' : '❌'} ${score}% of the rubric · ${heading(session, position, question)}`,
					256,
				),
				description,
				color,
				footer: {
					text: `Graded by ${grade.model}: met 1, partly ½, missed 0 per point (${grade.earned}/${grade.total}).`,
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
		`**Q:** ${question.prompt}`,
		'',
		'**Your answer**',
		quoted(text),
		'',
		`**Model answer:** ${question.answer}`,
		'',
		'**A good answer makes these points**',
		...question.rubric.map((point) => `• ${point}`),
		'',
		'How many of the points did your answer make?',
	].join('\n');
	return {
		embeds: [
			{
				title: clip(`✍️ Compare with the model answer · ${heading(session, position, question)}`, 256),
				description,
				color: COLORS.neutral,
				footer: { text: `${why} Your mark is recorded as self-assessed.` },
			},
		],
		components: [
			buttonRow(
				SELF_LEVELS.map((l) => button(customId('quiz', 'self', session.id, position, l.level), l.label, l.style)),
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
				title: clip(`📝 Self-assessed: ${level.label.toLowerCase()} · ${heading(session, position, question)}`, 256),
				description: `**Q:** ${question.prompt}\n\n**Model answer:** ${question.answer}\n\nRecorded as ${credit === 1 ? 'right' : credit === 0.5 ? 'half right' : 'not yet right'} (self-assessed).`,
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
		return `${mark} ${i + 1}. ${q ? `(week ${q.week}) ${clip(q.prompt, 90)}` : r.questionId}`;
	});
	const review = nextReview
		? `\n\nQuestions you missed come back in /review, spaced out: the next one ${discordTime(nextReview)}.`
		: '';
	return {
		embeds: [
			{
				title: `🏁 ${session.mode === 'review' ? 'Review' : 'Practice'} finished: ${right} of ${total} right (${total > 0 ? Math.round((right / total) * 100) : 0}%)`,
				description: `${lines.join('\n')}${review}`,
				color: total > 0 && right / total >= 0.8 ? COLORS.right : COLORS.neutral,
				footer: { text: 'Your progress card: /progress' },
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
					session.mode === 'review' ? 'Review more' : 'Practise again',
					ButtonStyle.Secondary,
					'🔄',
				),
			]),
		],
		ephemeral: true,
		update: true,
	};
}
