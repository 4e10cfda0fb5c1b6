import {
	ButtonStyle,
	ComponentType,
	TextInputStyle,
	type APIActionRowComponent,
	type APIButtonComponent,
	type APIComponentInMessageActionRow,
} from 'discord-api-types/v10';
import type { ModalReply } from '../core/reply.js';
import type { BankQuestion, MultipleChoiceQuestion } from '../curriculum/index.js';
import { letter } from './shuffle.js';
import { t } from '../i18n/index.js';

/** Embed colours: right, partly right, wrong, neutral (Okabe–Ito green, orange, vermillion; Discord blurple). */
export const COLORS = { right: 0x009e73, partly: 0xe69f00, wrong: 0xd55e00, neutral: 0x5865f2 } as const;

/** Bank questions of one kind (with their week). */
export type ChoiceQuestion = Extract<BankQuestion, { kind: 'multiple-choice' }>;
export type NumberQuestion = Extract<BankQuestion, { kind: 'numeric' }>;
export type TextQuestion = Extract<BankQuestion, { kind: 'free-text' }>;

/** The text field of the answer forms. */
export const ANSWER_FIELD = 'answer';

type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

/** One row of buttons. */
export function buttonRow(buttons: APIButtonComponent[]): Row {
	return { type: ComponentType.ActionRow, components: buttons };
}

export type ActionStyle = ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success | ButtonStyle.Danger;

export function button(
	customId: string,
	label: string,
	style: ActionStyle = ButtonStyle.Secondary,
	emoji?: string,
	disabled = false,
): APIButtonComponent {
	return {
		type: ComponentType.Button,
		style,
		custom_id: customId,
		label,
		...(emoji ? { emoji: { name: emoji } } : {}),
		...(disabled ? { disabled: true } : {}),
	};
}

/** The options of a multiple-choice question in display order: "**A.** text" lines. */
export function optionLines(question: MultipleChoiceQuestion, order: readonly number[]): string {
	return order.map((original, shown) => `**${letter(shown)}.** ${question.options[original]!.text}`).join('\n');
}

/** What kind of answer a question wants, for the embed's footer. */
export function answerHint(question: BankQuestion): string {
	switch (question.kind) {
		case 'multiple-choice':
			return t('quiz.hint.choice');
		case 'numeric':
			return question.unit
				? t('quiz.hint.numberIn', { unit: question.unit, tolerance: question.tolerance })
				: t('quiz.hint.number', { tolerance: question.tolerance });
		case 'free-text':
			return t('quiz.hint.text');
	}
}

/** The form for a typed answer: a short field for a number, a paragraph for free text. */
export function answerModal(customId: string, title: string, question: BankQuestion, maxLength: number): ModalReply {
	const numeric = question.kind === 'numeric';
	return {
		modal: {
			custom_id: customId,
			title: title.slice(0, 45),
			components: [
				{
					type: ComponentType.ActionRow,
					components: [
						{
							type: ComponentType.TextInput,
							custom_id: ANSWER_FIELD,
							label: numeric ? t('quiz.form.numberLabel') : t('quiz.form.textLabel'),
							style: numeric ? TextInputStyle.Short : TextInputStyle.Paragraph,
							min_length: 1,
							max_length: numeric ? 40 : maxLength,
							required: true,
							placeholder: numeric ? t('quiz.form.numberPlaceholder') : t('quiz.form.textPlaceholder'),
						},
					],
				},
			],
		},
	};
}

/** A Discord timestamp that every client renders in its own time zone (`R`: "in 20 seconds", live). */
export function discordTime(at: Date, style: 'R' | 'F' | 'f' | 't' | 'D' = 'R'): string {
	return `<t:${Math.floor(at.getTime() / 1000)}:${style}>`;
}

/** Cuts text for a place with a hard limit (embed titles: 256). */
export function clip(text: string, max: number): string {
	return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
