import {
	ButtonStyle,
	ComponentType,
	TextInputStyle,
	type APIActionRowComponent,
	type APIComponentInMessageActionRow,
} from 'discord-api-types/v10';
import type { BaseContext } from '../../core/context.js';
import { customId } from '../../core/custom-id.js';
import type { ModalReply, Reply } from '../../core/reply.js';
import type { Tier } from '../../curriculum/question-schema.js';
import type { Week } from '../../curriculum/schema.js';
import type { TutorConversation } from '../../storage/repositories/tutor-conversations.js';
import { languageLabel, type Language } from '../language.js';
import { buildAskPrompt } from '../prompts/ask.js';
import { tierName } from '../prompts/context.js';
import { leakGuard, withheld } from '../safety.js';
import { remainingLine, type LlmTicket } from '../service.js';
import { streamAnswer } from './stream-answer.js';
import { languageOf, t } from '../../i18n/index.js';
import type { Curriculum } from '../../curriculum/curriculum.js';
import type { WeekSource } from './week.js';

export const QUESTION_MAX = 1000;
export const FOLLOW_UP_FIELD = 'question';

/** A question quoted at the top of the answer (markdown quote, cut to keep the answer's room). */
export function quoteQuestion(who: string, question: string, followUp: boolean): string {
	const short = question.length > 300 ? `${question.slice(0, 300)}…` : question;
	return `${t(followUp ? 'tutor.ask.followedUp' : 'tutor.ask.asked', { who })}\n${short
		.split('\n')
		.map((line) => `> ${line}`)
		.join('\n')}\n`;
}

/** The "Ask a follow-up" button of an answer; its conversation id holds the history up to that answer. */
export function followUpRow(conversationId: string): APIActionRowComponent<APIComponentInMessageActionRow> {
	return {
		type: ComponentType.ActionRow,
		components: [
			{
				type: ComponentType.Button,
				style: ButtonStyle.Secondary,
				label: t('tutor.ask.followUp'),
				emoji: { name: '💬' },
				custom_id: customId('ask', 'follow', conversationId),
			},
		],
	};
}

/** The modal that collects a follow-up question (the bot reads no message content). */
export function followUpModal(conversationId: string): ModalReply {
	return {
		modal: {
			custom_id: customId('ask', 'followup', conversationId),
			title: t('tutor.ask.followUp'),
			components: [
				{
					type: ComponentType.ActionRow,
					components: [
						{
							type: ComponentType.TextInput,
							custom_id: FOLLOW_UP_FIELD,
							label: t('tutor.ask.followUpLabel'),
							style: TextInputStyle.Paragraph,
							min_length: 2,
							max_length: QUESTION_MAX,
							required: true,
						},
					],
				},
			],
		},
	};
}

/**
 * The curriculum the tutor reads for an answer in `language`: the Korean pages for an answer in Korean, else the
 * English ones (the bot has pages in those two; the model translates from English for any other language).
 */
export function tutorCurriculum(curriculum: Curriculum, language: Language): Curriculum {
	return curriculum.in(languageOf(language.code));
}

export interface AskInput {
	ticket: LlmTicket;
	question: string;
	week: Week;
	weekSource: WeekSource;
	tier: Tier;
	language: Language;
	/** The conversation this follows up on, or null for a new one. */
	previous: TutorConversation | null;
}

/**
 * Answers a question (new or follow-up): streams the answer into the reply, withholds it if it leaks the
 * instructions, and saves the conversation so the answer's follow-up button continues from it.
 */
export async function answerQuestion(ctx: BaseContext, input: AskInput): Promise<Reply> {
	const { deps } = ctx;
	const { format } = tutorCurriculum(deps.curriculum, input.language);
	const prompt = buildAskPrompt({
		week: input.week,
		format,
		tier: input.tier,
		language: input.language,
		history: input.previous?.turns ?? [],
		question: input.question,
	});
	const answer = await streamAnswer({
		update: ctx.update,
		log: ctx.log,
		ticket: input.ticket,
		messages: prompt.messages,
		guard: leakGuard({ instructions: prompt.instructions, canary: prompt.canary }),
		header: quoteQuestion(ctx.user.name, input.question, input.previous !== null),
	});
	if (answer.withheld) {
		ctx.log.warn(
			{ reason: answer.withheld.ok ? undefined : answer.withheld.reason },
			'tutor answer withheld by the leak check',
		);
		return answer.view.final(withheld());
	}
	const conversation = await deps.repos.tutorConversations.create({
		guildId: ctx.guildId,
		week: input.week.number,
		tier: input.tier,
		language: input.language.code,
		turns: [...(input.previous?.turns ?? []), { askedBy: ctx.user.id, question: input.question, answer: answer.text }],
		createdAt: deps.clock.now().toISOString(),
	});
	const cut = answer.finishReason === 'length' ? t('tutor.ask.cut') : '';
	const footer = [
		t('tutor.ask.week', {
			week: input.week.number,
			title: input.week.title,
			source: input.weekSource === 'asked' ? '' : t(`tutor.ask.source.${input.weekSource}`),
		}),
		tierName(format, input.tier),
		languageLabel(input.language),
		deps.llm.model,
		remainingLine(input.ticket, deps.llm.dailyQuota),
	]
		.filter(Boolean)
		.join(' · ');
	return answer.view.final(`${answer.text}${cut}`, {
		footer: `-# ${footer}`,
		components: [followUpRow(conversation.id)],
	});
}
