import {
	ButtonStyle,
	ComponentType,
	TextInputStyle,
	type APIActionRowComponent,
	type APIButtonComponentWithCustomId,
	type APIComponentInMessageActionRow,
	type APIEmbed,
} from 'discord-api-types/v10';
import { customId } from '../../core/custom-id.js';
import type { ModalReply, Reply } from '../../core/reply.js';
import type { SessionFormat, Week } from '../../curriculum/schema.js';
import type { SessionEvaluation } from '../../storage/repositories/session-evaluations.js';
import type { TutorSession } from '../../storage/repositories/tutor-sessions.js';
import { findLanguage, languageLabel } from '../language.js';
import { tierName } from '../prompts/context.js';

type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

export const ANSWER_FIELD = 'answer';
export const ANSWER_MAX = 1500;

type ActionStyle = ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success;

function button(style: ActionStyle, label: string, emoji: string, custom_id: string): APIButtonComponentWithCustomId {
	return { type: ComponentType.Button, style, label, emoji: { name: emoji }, custom_id };
}

/** The controls under every tutor message of a session (the bot reads no message content: all input is here). */
export function sessionRows(session: TutorSession, week: Week, format: SessionFormat, start = false): Row[] {
	const id = session.id;
	return [
		{
			type: ComponentType.ActionRow,
			components: [
				...(start ? [] : [button(ButtonStyle.Primary, 'Answer or ask', '✍️', customId('session', 'answer', id))]),
				button(
					start ? ButtonStyle.Primary : ButtonStyle.Secondary,
					start ? 'Start' : 'Next point',
					'▶️',
					customId('session', 'next', id),
				),
				button(ButtonStyle.Secondary, 'Progress', '📊', customId('session', 'progress', id)),
				button(ButtonStyle.Success, 'Finish', '🏁', customId('session', 'finish', id)),
			],
		},
		{
			type: ComponentType.ActionRow,
			components: [
				{
					type: ComponentType.StringSelect,
					custom_id: customId('session', 'goto', id),
					placeholder: 'Go to a knowledge point…',
					options: week.knowledgePoints
						.slice(0, 25)
						.map((kp, i) => ({ label: `${i + 1}. ${kp.title}`.slice(0, 100), value: String(i) })),
				},
			],
		},
		{
			type: ComponentType.ActionRow,
			components: [
				{
					type: ComponentType.StringSelect,
					custom_id: customId('session', 'tier', id),
					placeholder: `Tier: ${tierName(format, session.tier)}`,
					options: format.tiers.map((t) => ({
						label: t.name.slice(0, 100),
						description: t.audience.slice(0, 100),
						value: t.id,
						default: t.id === session.tier,
					})),
				},
			],
		},
	];
}

/** The first message of the session thread: the week's points and how to move around. */
export function welcomeMessage(session: TutorSession, week: Week, format: SessionFormat): Reply {
	const language = findLanguage(session.language);
	const points = week.knowledgePoints.map((kp, i) => `${i + 1}. ${kp.title}`).join('\n');
	return {
		content: [
			`📚 **Week ${week.number}: ${week.title}** — a session for <@${session.userId}>`,
			`Tier: ${tierName(format, session.tier)} · Language: ${language ? languageLabel(language) : session.language}`,
			'',
			`**Knowledge points**\n${points}`,
			'',
			'Press **▶️ Start**. Each point ends with a question: answer it (or ask your own) with **✍️ Answer or ask** — I cannot read messages typed in this thread, so answers go through a form. Jump with the menu, change tier any time, see **📊 Progress**, and press **🏁 Finish** for your five-dimension evaluation.',
		].join('\n'),
		allowedUserMentions: [session.userId],
		components: sessionRows(session, week, format, true),
	};
}

/** The form for the member's answer to the current point. */
export function answerModal(session: TutorSession, week: Week, kp: number): ModalReply {
	return {
		modal: {
			custom_id: customId('session', 'reply', session.id, kp),
			title: `Point ${kp + 1}: ${week.knowledgePoints[kp]?.title ?? ''}`.slice(0, 45),
			components: [
				{
					type: ComponentType.ActionRow,
					components: [
						{
							type: ComponentType.TextInput,
							custom_id: ANSWER_FIELD,
							label: 'Your answer or question',
							style: TextInputStyle.Paragraph,
							min_length: 1,
							max_length: ANSWER_MAX,
							required: true,
						},
					],
				},
			],
		},
	};
}

/** Which points were opened and answered, as the "What's my progress?" button shows it. */
export function progressMessage(session: TutorSession, week: Week, format: SessionFormat, quota: string): Reply {
	const answered = new Set(session.turns.filter((t) => t.role === 'member').map((t) => t.kp));
	const lines = week.knowledgePoints.map((kp, i) => {
		const mark = answered.has(i) ? '✍️' : session.visited.includes(i) ? '👀' : '⬜';
		const here = session.current === i ? ' ← you are here' : '';
		return `${mark} ${i + 1}. ${kp.title}${here}`;
	});
	return {
		ephemeral: true,
		content: [
			`**Your progress in week ${week.number}: ${week.title}**`,
			`${session.visited.length} of ${week.knowledgePoints.length} points opened, ${answered.size} answered · tier: ${tierName(format, session.tier)}`,
			...lines,
			'-# ✍️ answered · 👀 opened · ⬜ not yet' + (quota ? ` · ${quota}` : ''),
		].join('\n'),
	};
}

/** The evaluation as members see it: the total, the band, one field per dimension with its evidence. */
export function evaluationEmbed(
	evaluation: SessionEvaluation,
	week: Week,
	format: SessionFormat,
	memberName: string,
): APIEmbed {
	const k = evaluation.knowledgePoints;
	const list = (title: string, items: string[]) =>
		items.length
			? [
					{
						name: title,
						value: items
							.map((s) => `• ${s}`)
							.join('\n')
							.slice(0, 1024),
					},
				]
			: [];
	return {
		title: `Week ${week.number} session evaluation — ${memberName}`.slice(0, 256),
		description: [
			`**Total: ${evaluation.total}/${format.dimensions.length * format.scale.max}** · ${evaluation.mastery}`,
			`Knowledge points: ${k.visited.length} of ${k.total} opened, ${k.answered.length} answered`,
		].join('\n'),
		fields: [
			...format.dimensions.map((d) => {
				const s = evaluation.dimensions[d.id];
				return { name: `${d.name} — ${s.score}/${format.scale.max}`, value: s.evidence.slice(0, 1024) };
			}),
			...list('Strengths', evaluation.strengths),
			...list('To improve', evaluation.improvements),
			...list('Next steps', evaluation.nextSteps),
		],
		footer: {
			text: `Recorded in your progress · LLM4LLM five-dimension evaluation, ${format.scale.min}–${format.scale.max} each · ${evaluation.model}`,
		},
	};
}
