import { ButtonStyle } from 'discord-api-types/v10';
import { customId } from '../core/custom-id.js';
import type { Reply } from '../core/reply.js';
import type { BankQuestion, MultipleChoiceQuestion, NumericQuestion } from '../curriculum/index.js';
import type { LiveQuestionState, LiveQuiz } from '../storage/repositories/live-quizzes.js';
import type { SpreadRow } from './charts.js';
import { letter, optionOrder } from './shuffle.js';
import { button, buttonRow, COLORS, discordTime, optionLines } from './view-parts.js';
import { formatNumber, t } from '../i18n/index.js';

/**
 * The countdown is a Discord timestamp (`<t:…:R>`, "in 20 seconds") that every client renders and updates by itself,
 * in its own time zone. Editing the message every second instead would cost 30 edits per question against a
 * channel's rate limit of about 5 edits per 5 seconds, flicker for every reader, and drift with network delays.
 */
function countdown(closesAt: Date): string {
	return t('quiz.live.closes', { when: discordTime(closesAt) });
}

function header(quiz: LiveQuiz, index: number): string {
	return t('quiz.live.header', { week: quiz.week, number: index + 1, total: quiz.questionIds.length });
}

function answerButtons(quiz: LiveQuiz, index: number, question: BankQuestion, disabled: boolean) {
	if (question.kind === 'multiple-choice') {
		const order = optionOrder(quiz.seed, question.id, question.options.length);
		return [
			buttonRow(
				order.map((_, shown) =>
					button(
						customId('quiz', 'live', quiz.id, index, shown),
						letter(shown),
						ButtonStyle.Primary,
						undefined,
						disabled,
					),
				),
			),
		];
	}
	return [
		buttonRow([
			button(customId('quiz', 'lans', quiz.id, index), t('quiz.live.typeNumber'), ButtonStyle.Primary, '✍️', disabled),
		]),
	];
}

function questionBody(quiz: LiveQuiz, question: BankQuestion): string {
	if (question.kind === 'multiple-choice')
		return `${question.prompt}\n\n${optionLines(question, optionOrder(quiz.seed, question.id, question.options.length))}`;
	return `${question.prompt}${question.kind === 'numeric' ? `\n\n${t('quiz.live.rightWithin', { tolerance: question.tolerance, unit: question.unit ? ` ${question.unit}` : '' })}` : ''}`;
}

/** A live question as posted in the channel: the prompt, the options, the countdown and the answer buttons. */
export function liveQuestionMessage(
	quiz: LiveQuiz,
	index: number,
	question: BankQuestion,
	state: LiveQuestionState,
): Reply {
	return {
		embeds: [
			{
				title: header(quiz, index),
				description: `${questionBody(quiz, question)}\n\n${countdown(new Date(state.closesAt))}`,
				color: COLORS.neutral,
				footer: { text: t('quiz.live.scoring') },
			},
		],
		components: answerButtons(quiz, index, question, false),
	};
}

/** The same question once closed: the buttons disabled, the countdown replaced. */
export function closedQuestionMessage(quiz: LiveQuiz, index: number, question: BankQuestion, answered: number): Reply {
	return {
		embeds: [
			{
				title: header(quiz, index),
				description: `${questionBody(quiz, question)}\n\n${t('quiz.live.closed', { count: answered })}`,
				color: COLORS.neutral,
			},
		],
		components: answerButtons(quiz, index, question, true),
	};
}

/** The right option's letter and text, in the quiz's display order. */
export function rightOption(
	quiz: LiveQuiz,
	question: MultipleChoiceQuestion,
): { letter: string; text: string; explanation: string } {
	const order = optionOrder(quiz.seed, question.id, question.options.length);
	const shown = order.findIndex((original) => question.options[original]!.correct === true);
	const option = question.options[order[shown]!]!;
	return { letter: letter(shown), text: option.text, explanation: option.explanation };
}

/** The bars of a multiple-choice spread: one per option in display order, with the count of members who chose it. */
export function choiceSpread(
	quiz: LiveQuiz,
	question: MultipleChoiceQuestion,
	choices: readonly (number | undefined)[],
): SpreadRow[] {
	const order = optionOrder(quiz.seed, question.id, question.options.length);
	return order.map((original, shown) => ({
		label: `${letter(shown)}. ${question.options[original]!.text}`,
		count: choices.filter((c) => c === original).length,
		right: question.options[original]!.correct === true,
	}));
}

/** The bars of a numeric spread: too low, right (within tolerance), too high. */
export function numericSpread(
	question: NumericQuestion,
	value: number,
	given: readonly { value?: number; correct: boolean }[],
): SpreadRow[] {
	const wrong = given.filter((g) => !g.correct && g.value !== undefined);
	return [
		{ label: t('quiz.live.tooLow'), count: wrong.filter((g) => g.value! < value).length, right: false },
		{
			label: t('quiz.live.within', { tolerance: question.tolerance }),
			count: given.filter((g) => g.correct).length,
			right: true,
		},
		{ label: t('quiz.live.tooHigh'), count: wrong.filter((g) => g.value! > value).length, right: false },
	];
}

/** The results post of a question: the right answer, why, and the spread chart; when the next question comes. */
export function resultsMessage(input: {
	quiz: LiveQuiz;
	index: number;
	rightLine: string;
	why: string;
	png: Buffer;
	alt: string;
	nextAt: Date | null;
}): Reply {
	const { quiz, index } = input;
	const next = input.nextAt ? t('quiz.live.nextAt', { when: discordTime(input.nextAt) }) : t('quiz.live.last');
	return {
		embeds: [
			{
				title: t('quiz.live.resultsTitle', { number: index + 1, total: quiz.questionIds.length }),
				description: `${input.rightLine}\n\n${t('quiz.live.why', { why: input.why })}\n\n${next}`,
				color: COLORS.right,
				image: { url: 'attachment://spread.png' },
			},
		],
		files: [{ name: 'spread.png', data: input.png, description: input.alt.slice(0, 1000) }],
	};
}

/** The final post: the podium in words (mentions that do not ping) and the standings card. */
export function finalMessage(
	quiz: LiveQuiz,
	podium: readonly { userId: string; points: number }[],
	png: Buffer,
	alt: string,
): Reply {
	const medals = ['🥇', '🥈', '🥉'];
	const lines = podium
		.slice(0, 3)
		.map((p, i) => t('quiz.live.points', { medal: medals[i], user: p.userId, points: formatNumber(p.points) }));
	return {
		content: `${t('quiz.live.finished', { week: quiz.week })}${quiz.stoppedBy ? t('quiz.live.endedEarly') : ''}\n${lines.length > 0 ? lines.join('\n') : t('quiz.live.nobody')}\n${t('quiz.live.whatNext')}`,
		files: [{ name: 'standings.png', data: png, description: alt.slice(0, 1000) }],
	};
}
