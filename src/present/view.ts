import {
	ButtonStyle,
	ComponentType,
	type APIActionRowComponent,
	type APIComponentInMessageActionRow,
	type APIEmbed,
	type APIEmbedField,
} from 'discord-api-types/v10';
import { customId } from '../core/custom-id.js';
import { LIMITS } from '../core/limits.js';
import type { Reply } from '../core/reply.js';
import { TUTOR_COMMANDS, type SessionFormat, type Tier, type Week } from '../curriculum/index.js';
import { demoCommandLine, fitLines, inlineCode, WEEK_COLOR, weekHeading } from '../jobs/weekly-post.js';
import type { Presentation } from '../storage/repositories/presentations.js';
import type { Step } from './steps.js';
import { t } from '../i18n/index.js';

/** The command whose handlers the step buttons reach. */
export const PRESENT = 'present';

/** What came of a step's live demo: the command's own reply, or why it could not run (shown in its place). */
export type DemoOutcome = { ok: true; reply: Reply } | { ok: false; note: string };

type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

const list = (items: readonly string[], more: string): string =>
	fitLines(items, LIMITS.fieldValue, (n) => t('present.step.more', { count: n, what: more }));

function tierName(format: SessionFormat, tier: Tier): string {
	return format.tiers.find((t) => t.id === tier)?.name ?? tier;
}

/** The embed that explains a step: the introduction, a knowledge point at the session's tier, or the wrap-up. */
export function stepEmbed(
	week: Week,
	steps: readonly Step[],
	index: number,
	presentation: Pick<Presentation, 'tier'>,
	format: SessionFormat,
	/** False on a bot without the AI tutor: the wrap-up does not suggest the commands that need it. */
	tutor = true,
): APIEmbed {
	const step = steps[index]!;
	const footer = {
		text: t('present.step.footer', {
			heading: weekHeading(week, 80),
			number: index + 1,
			total: steps.length,
			tier: tierName(format, presentation.tier),
		}),
	};
	switch (step.kind) {
		case 'intro': {
			const fields: APIEmbedField[] = [
				{
					name: t('present.step.objectives'),
					value: list(
						week.objectives.map((o) => `• ${o}`),
						t('present.step.objectivesMore'),
					),
				},
			];
			const points = steps.length - 2;
			const demos = steps.filter((s) => s.kind === 'point' && s.demo !== null).length;
			const withDemos =
				demos === 0
					? ''
					: demos === points
						? t('present.step.eachWithDemo')
						: t('present.step.someWithDemo', { count: demos });
			fields.push({
				name: t('present.step.howItRuns'),
				value: `${t('present.step.runs', { count: points, withDemos })}${demos > 0 ? t('present.step.rerunHint') : ''}`,
			});
			return {
				title: `🎤 ${weekHeading(week)}`,
				color: WEEK_COLOR,
				description: `**${week.topic}**\n\n${week.summary}`,
				fields,
				footer,
			};
		}
		case 'point': {
			const kp = week.knowledgePoints[step.point]!;
			const fields: APIEmbedField[] = [];
			if (step.demo !== null) {
				const demo = week.demos[step.demo]!;
				fields.push({ name: t('present.step.liveDemo'), value: `${inlineCode(demoCommandLine(demo))}\n${demo.try}` });
			}
			const number = `${step.point + 1}/${week.knowledgePoints.length}`;
			return {
				title: `${number} · ${kp.title}${step.continued ? t('present.step.continued') : ''}`,
				color: WEEK_COLOR,
				description: kp[presentation.tier],
				fields,
				footer,
			};
		}
		case 'wrap': {
			const fields: APIEmbedField[] = [
				{
					name: t('present.step.keyQuestions'),
					value: list(
						week.keyQuestions.map((q, i) => `${i + 1}. ${q}`),
						t('present.step.questionsMore'),
					),
				},
				{
					name: t('present.step.reflection'),
					value: list(
						week.reflection.map((r) => `• ${r.prompt}`),
						t('present.step.promptsMore'),
					),
				},
				{
					name: t('present.step.tryOnYourOwn'),
					value: list(
						week.demos
							.filter((d) => tutor || !TUTOR_COMMANDS.has(d.command))
							.map((d) => `• ${inlineCode(demoCommandLine(d))}`),
						t('present.step.demosMore'),
					),
				},
			];
			return {
				title: t('present.step.wrapUp', { heading: weekHeading(week) }),
				color: WEEK_COLOR,
				description: t('present.step.discuss'),
				fields,
				footer,
			};
		}
	}
}

/** Back and Next: each button carries the step it goes to, so two presenters clicking at once agree on the result. */
export function navigationRow(presentation: Pick<Presentation, 'id'>, index: number, count: number): Row {
	return {
		type: ComponentType.ActionRow,
		components: [
			{
				type: ComponentType.Button,
				style: ButtonStyle.Secondary,
				label: t('present.step.back'),
				emoji: { name: '◀️' },
				custom_id: customId(PRESENT, 'go', presentation.id, Math.max(0, index - 1)),
				disabled: index === 0,
			},
			{
				type: ComponentType.Button,
				style: ButtonStyle.Primary,
				label: t('present.step.next'),
				emoji: { name: '▶️' },
				custom_id: customId(PRESENT, 'go', presentation.id, Math.min(count - 1, index + 1)),
				disabled: index >= count - 1,
			},
		],
	};
}

/** The menu that switches every explanation to another tier (core, implementation, theory). */
export function tierRow(presentation: Pick<Presentation, 'id' | 'tier'>, format: SessionFormat): Row {
	return {
		type: ComponentType.ActionRow,
		components: [
			{
				type: ComponentType.StringSelect,
				custom_id: customId(PRESENT, 'tier', presentation.id),
				placeholder: t('present.step.depth'),
				options: format.tiers.map((t) => ({
					label: t.name.slice(0, 100),
					value: t.id,
					description: t.audience.slice(0, 100),
					default: t.id === presentation.tier,
				})),
			},
		],
	};
}

/** The wrap-up's button that starts the week's live quiz in the session's thread (presenters). */
export function liveQuizRow(presentation: Pick<Presentation, 'id'>, week: Pick<Week, 'number'>): Row {
	return {
		type: ComponentType.ActionRow,
		components: [
			{
				type: ComponentType.Button,
				style: ButtonStyle.Success,
				label: t('present.step.startQuiz', { week: week.number }),
				emoji: { name: '🏁' },
				custom_id: customId(PRESENT, 'quiz', presentation.id),
			},
		],
	};
}

/**
 * The step message: the explanation, then the live demo's reply as the command gives it (its embeds, charts and its
 * 🔁 button), or a note in its place; navigation and the tier menu first, so they stay where the presenter expects.
 * The wrap-up adds a button to start the week's live quiz when the week has questions for one (`liveQuiz`).
 */
export function stepReply(
	week: Week,
	steps: readonly Step[],
	index: number,
	presentation: Pick<Presentation, 'id' | 'tier'>,
	format: SessionFormat,
	demo: DemoOutcome | null,
	options: { liveQuiz?: boolean; tutor?: boolean } = {},
): Reply {
	const embed = stepEmbed(week, steps, index, presentation, format, options.tutor);
	const rows: Row[] = [navigationRow(presentation, index, steps.length), tierRow(presentation, format)];
	if (steps[index]!.kind === 'wrap' && options.liveQuiz) rows.push(liveQuizRow(presentation, week));
	if (!demo) return { embeds: [embed], components: rows };
	if (!demo.ok)
		return {
			embeds: [
				{ ...embed, fields: [...(embed.fields ?? []), { name: t('present.step.demoDidNotRun'), value: demo.note }] },
			],
			components: rows,
		};
	const { reply } = demo;
	return {
		...(reply.content ? { content: reply.content } : {}),
		embeds: [embed, ...(reply.embeds ?? [])].slice(0, LIMITS.embeds),
		files: reply.files ?? [],
		components: [...rows, ...(reply.components ?? [])].slice(0, LIMITS.actionRows),
	};
}
