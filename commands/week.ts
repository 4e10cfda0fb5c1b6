import {
	ApplicationCommandOptionType as T,
	ButtonStyle,
	ComponentType,
	type APIActionRowComponent,
	type APIComponentInMessageActionRow,
	type APIEmbed,
	type APIEmbedField,
} from 'discord-api-types/v10';
import { defineCommand } from '../src/core/command.js';
import type { Curriculum } from '../src/curriculum/index.js';
import { currentLanguage, t } from '../src/i18n/index.js';
import type { BaseContext } from '../src/core/context.js';
import { customId } from '../src/core/custom-id.js';
import { UserError } from '../src/core/errors.js';
import { LIMITS } from '../src/core/limits.js';
import type { Reply } from '../src/core/reply.js';
import type { Week } from '../src/curriculum/index.js';
import { planStatus } from '../src/jobs/plan.js';
import { nextMeetingLine } from '../src/jobs/schedule-view.js';
import { demoCommandLine, discordTime, fitLines, WEEK_COLOR, weekHeading } from '../src/jobs/weekly-post.js';

// Labels and descriptions are written in the member's language: see info.week.sections in the catalogue.
const SECTIONS = [
	{ value: 'overview', emoji: '📖' },
	{ value: 'knowledge', emoji: '🧠' },
	{ value: 'demos', emoji: '🧪' },
	{ value: 'questions', emoji: '❓' },
] as const;
type Section = (typeof SECTIONS)[number]['value'];

function sectionOf(value: string | undefined): Section {
	return SECTIONS.find((s) => s.value === value)?.value ?? 'overview';
}

const list = (items: readonly string[], more: 'objectives' | 'parts' | 'readings' | 'questions' | 'prompts') =>
	fitLines(items, LIMITS.fieldValue, (n) => t(`info.week.more.${more}`, { n }));

/** The curriculum in the language being written (Korean pages where they exist, English otherwise). */
const curriculumOf = (deps: BaseContext['deps']): Curriculum => deps.curriculum.in(currentLanguage());

function sectionBody(
	week: Week,
	section: Section,
	format: Curriculum['format'],
): Pick<APIEmbed, 'description' | 'fields'> {
	switch (section) {
		case 'overview': {
			const fields: APIEmbedField[] = [
				{
					name: t('info.week.fields.objectives'),
					value: list(
						week.objectives.map((o) => `• ${o}`),
						'objectives',
					),
				},
			];
			if (week.parts)
				fields.push({
					name: t('info.week.fields.parts'),
					value: list(
						week.parts.map((p) => `**${p.title}:** ${p.objective}`),
						'parts',
					),
				});
			const reading = week.reading.map(
				(r) => `• *${r.title}*, ${r.authors}${r.year ? ` (${r.year})` : ''}${r.note ? `: ${r.note}` : ''}`,
			);
			fields.push({ name: t('info.week.fields.reading'), value: list(reading, 'readings') });
			return { description: `**${week.topic}**\n\n${week.summary}`, fields };
		}
		case 'knowledge': {
			const parts = new Map((week.parts ?? []).map((p) => [p.id, p.title]));
			const fields = week.knowledgePoints.slice(0, LIMITS.embedFields).map((kp, i) => ({
				name: `${i + 1}. ${kp.title}${kp.part ? ` (${parts.get(kp.part) ?? kp.part})` : ''}`,
				value: kp.core,
			}));
			return {
				description: [
					t('info.week.knowledge'),
					t('info.week.tiers', { tiers: format.tiers.map((tier) => `**${tier.name}**`).join(' → ') }),
				].join('\n'),
				fields,
			};
		}
		case 'demos':
			return {
				description: t('info.week.demos'),
				fields: week.demos.slice(0, LIMITS.embedFields).map((demo) => ({
					name: `🧪 /${demo.command}${demo.subcommand ? ` ${demo.subcommand}` : ''}`,
					value: `\`\`\`\n${demoCommandLine(demo)}\n\`\`\`${demo.try}`,
				})),
			};
		case 'questions':
			return {
				description: format.reflection,
				fields: [
					{
						name: t('info.week.fields.keyQuestions'),
						value: list(
							week.keyQuestions.map((q, i) => `${i + 1}. ${q}`),
							'questions',
						),
					},
					{
						name: t('info.week.fields.reflection'),
						value: list(
							week.reflection.map((r) => `• ${r.prompt}`),
							'prompts',
						),
					},
				],
			};
	}
}

/** One section of a week's page, with a menu to switch sections and buttons to the neighbouring weeks. */
export function weekPage(
	week: Week,
	section: Section,
	lastWeek: number,
	note: string,
	format: Curriculum['format'],
): Reply {
	const current = SECTIONS.find((s) => s.value === section)!;
	const embed: APIEmbed = {
		title: `${current.emoji} ${weekHeading(week)}`,
		color: WEEK_COLOR,
		...sectionBody(week, section, format),
		footer: {
			text: t('info.week.footer', {
				number: week.number,
				last: lastWeek,
				section: t(`info.week.sections.${current.value}.label`),
			}),
		},
	};
	const menu: APIActionRowComponent<APIComponentInMessageActionRow> = {
		type: ComponentType.ActionRow,
		components: [
			{
				type: ComponentType.StringSelect,
				custom_id: customId('week', 'section', week.number),
				placeholder: t('info.week.menu'),
				options: SECTIONS.map((s) => ({
					label: t(`info.week.sections.${s.value}.label`),
					value: s.value,
					description: t(`info.week.sections.${s.value}.description`),
					emoji: { name: s.emoji },
					default: s.value === section,
				})),
			},
		],
	};
	const button = (n: number, direction: 'prev' | 'next') => {
		const exists = n >= 1 && n <= lastWeek;
		return {
			type: ComponentType.Button as const,
			style: ButtonStyle.Secondary as const,
			label:
				direction === 'prev'
					? `◀ ${exists ? t('info.week.weekButton', { number: n }) : t('info.week.previous')}`
					: `${exists ? t('info.week.weekButton', { number: n }) : t('info.week.next')} ▶`,
			// The direction keeps the two ids distinct when one is clamped at the first or last week.
			custom_id: customId('week', 'go', Math.min(Math.max(n, 1), lastWeek), section, direction),
			disabled: !exists,
		};
	};
	const nav: APIActionRowComponent<APIComponentInMessageActionRow> = {
		type: ComponentType.ActionRow,
		components: [button(week.number - 1, 'prev'), button(week.number + 1, 'next')],
	};
	return { content: note, embeds: [embed], components: [menu, nav] };
}

/**
 * Where the shown week stands in the server's plan (nothing when it is not this or next week), and when the group
 * meets next, as lines above the page.
 */
async function planNote(ctx: Pick<BaseContext, 'deps' | 'guildId'>, shown: number): Promise<string> {
	const schedule = ctx.guildId ? await ctx.deps.repos.schedules.get(ctx.guildId) : undefined;
	const now = ctx.deps.clock.now();
	const meeting = ctx.guildId ? nextMeetingLine(schedule, now) : '';
	if (!schedule?.plan) return meeting;
	const lastWeek = ctx.deps.curriculum.weeks.at(-1)?.number ?? 0;
	const status = planStatus(schedule, now, lastWeek);
	const { current, next } = status;
	let where = '';
	if (current && current.week === shown)
		where = `${t('info.week.thisWeek')}${status.paused ? t('info.week.paused') : ''}`;
	else if (next && next.week === shown)
		where = t('info.week.comingNext', { at: discordTime(next.at, 'F'), relative: discordTime(next.at, 'R') });
	return [where, meeting].filter(Boolean).join('\n');
}

/** The week a member means by leaving `number` out: the current week of the plan, else what comes next, else 1. */
async function defaultWeek(ctx: Pick<BaseContext, 'deps' | 'guildId'>): Promise<{ number: number; explain: string }> {
	const lastWeek = ctx.deps.curriculum.weeks.at(-1)?.number ?? 1;
	const schedule = ctx.guildId ? await ctx.deps.repos.schedules.get(ctx.guildId) : undefined;
	if (!schedule?.plan) {
		return {
			number: 1,
			explain: t('info.week.noSchedule'),
		};
	}
	const status = planStatus(schedule, ctx.deps.clock.now(), lastWeek);
	if (status.current)
		return {
			number: status.current.week,
			explain: status.finished ? t('info.week.over', { last: lastWeek }) : '',
		};
	if (status.next)
		return {
			number: status.next.week,
			explain: t('info.week.notStarted', { number: status.next.week }),
		};
	return { number: schedule.plan.startWeek, explain: '' };
}

function findWeek(ctx: Pick<BaseContext, 'deps'>, n: number): Week {
	const week = curriculumOf(ctx.deps).week(n);
	if (!week)
		throw new UserError(
			t('info.week.unknown', { number: n, last: ctx.deps.curriculum.weeks.at(-1)?.number ?? 0 }),
			'week.unknown',
		);
	return week;
}

async function page(
	ctx: Pick<BaseContext, 'deps' | 'guildId'>,
	n: number,
	section: Section,
	explain = '',
): Promise<Reply> {
	const week = findWeek(ctx, n);
	const note = await planNote(ctx, n);
	return weekPage(
		week,
		section,
		ctx.deps.curriculum.weeks.at(-1)?.number ?? n,
		[explain, note].filter(Boolean).join('\n'),
		curriculumOf(ctx.deps).format,
	);
}

export default defineCommand({
	data: {
		name: 'week',
		description: "A week's page: objectives, knowledge points, demos to try, questions",
		options: [
			{
				type: T.Integer,
				name: 'number',
				description: 'Which week (default: this week); type a number or words of the title',
				min_value: 1,
				max_value: 99,
				autocomplete: true,
			},
			{ type: T.Boolean, name: 'share', description: 'Show it to everyone in the channel (default: only you)' },
		],
	},
	audience: 'member',
	lateDefer: (args) => (args.share === true ? 'public' : 'ephemeral'),
	async run(ctx) {
		const chosen = ctx.args.number === undefined ? await defaultWeek(ctx) : { number: ctx.args.number, explain: '' };
		return { ...(await page(ctx, chosen.number, 'overview', chosen.explain)), ephemeral: ctx.args.share !== true };
	},
	autocomplete({ focused, deps }) {
		return curriculumOf(deps)
			.search(focused.value)
			.map((w) => ({
				name: t('info.week.choice', { number: w.number, title: w.title }).slice(0, LIMITS.choiceName),
				value: w.number,
			}));
	},
	components: {
		section: {
			run: async (ctx) => ({ ...(await page(ctx, Number(ctx.args[0]), sectionOf(ctx.values[0]))), update: true }),
		},
		go: { run: async (ctx) => ({ ...(await page(ctx, Number(ctx.args[0]), sectionOf(ctx.args[1]))), update: true }) },
	},
});
