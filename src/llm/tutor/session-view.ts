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
import { t } from '../../i18n/index.js';
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
				...(start
					? []
					: [button(ButtonStyle.Primary, t('session.view.answer'), '✍️', customId('session', 'answer', id))]),
				button(
					start ? ButtonStyle.Primary : ButtonStyle.Secondary,
					t(start ? 'session.view.start' : 'session.view.next'),
					'▶️',
					customId('session', 'next', id),
				),
				button(ButtonStyle.Secondary, t('session.view.progress'), '📊', customId('session', 'progress', id)),
				button(ButtonStyle.Success, t('session.view.finish'), '🏁', customId('session', 'finish', id)),
			],
		},
		{
			type: ComponentType.ActionRow,
			components: [
				{
					type: ComponentType.StringSelect,
					custom_id: customId('session', 'goto', id),
					placeholder: t('session.view.goto'),
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
					placeholder: t('session.view.tier', { tier: tierName(format, session.tier) }),
					options: format.tiers.map((tier) => ({
						label: tier.name.slice(0, 100),
						description: tier.audience.slice(0, 100),
						value: tier.id,
						default: tier.id === session.tier,
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
			t('session.view.welcome', { week: week.number, title: week.title, member: `<@${session.userId}>` }),
			t('session.view.settings', {
				tier: tierName(format, session.tier),
				language: language ? languageLabel(language) : session.language,
			}),
			'',
			`${t('session.view.points')}\n${points}`,
			'',
			t('session.view.howTo'),
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
			title: t('session.view.modalTitle', { point: kp + 1, title: week.knowledgePoints[kp]?.title ?? '' }).slice(0, 45),
			components: [
				{
					type: ComponentType.ActionRow,
					components: [
						{
							type: ComponentType.TextInput,
							custom_id: ANSWER_FIELD,
							label: t('session.view.answerLabel'),
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
		const here = session.current === i ? t('session.progress.here') : '';
		return `${mark} ${i + 1}. ${kp.title}${here}`;
	});
	return {
		ephemeral: true,
		content: [
			t('session.progress.title', { week: week.number, title: week.title }),
			t('session.progress.summary', {
				visited: session.visited.length,
				total: week.knowledgePoints.length,
				answered: answered.size,
				tier: tierName(format, session.tier),
			}),
			...lines,
			t('session.progress.legend') + (quota ? ` · ${quota}` : ''),
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
		title: t('session.evaluation.title', { week: week.number, member: memberName }).slice(0, 256),
		description: [
			t('session.evaluation.total', {
				total: evaluation.total,
				max: format.dimensions.length * format.scale.max,
				mastery: evaluation.mastery,
			}),
			t('session.evaluation.points', { visited: k.visited.length, total: k.total, answered: k.answered.length }),
		].join('\n'),
		fields: [
			...format.dimensions.map((d) => {
				const s = evaluation.dimensions[d.id];
				return { name: `${d.name} — ${s.score}/${format.scale.max}`, value: s.evidence.slice(0, 1024) };
			}),
			...list(t('session.evaluation.strengths'), evaluation.strengths),
			...list(t('session.evaluation.improvements'), evaluation.improvements),
			...list(t('session.evaluation.nextSteps'), evaluation.nextSteps),
		],
		footer: {
			text: t('session.evaluation.footer', {
				min: format.scale.min,
				max: format.scale.max,
				model: evaluation.model,
			}),
		},
	};
}
