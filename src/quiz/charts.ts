import type { BarChartInput, StatTile } from '../charts/index.js';
import { niceDomain } from '../charts/ticks.js';
import type { QuizCardInput } from '../compute/tasks/quiz-charts.js';
import type { SessionFormat } from '../curriculum/index.js';
import { currentLanguage, t } from '../i18n/index.js';
import { COMPLETED_MASTERY, type ProgressSummary, type TopicMastery } from './progress.js';
import { grouped, percent } from './card-format.js';

/**
 * The pure half of the quiz charts (the leaderboards' are in leaderboard-cards.ts): domain data in, chart input out
 * (tested exactly). The compute tasks in src/compute/tasks/quiz-charts.ts draw them.
 */

/** One bar of an answer spread: an option (or a range of numeric answers) and how many chose it. */
export interface SpreadRow {
	label: string;
	count: number;
	right: boolean;
}

/** A live question's answer spread: how many members chose each option, the right one outlined. */
export function spreadChart(input: {
	title: string;
	rows: readonly SpreadRow[];
	rightLabel: string;
	footer?: string;
}): BarChartInput {
	const answered = input.rows.reduce((sum, r) => sum + r.count, 0);
	const right = input.rows.filter((r) => r.right).reduce((sum, r) => sum + r.count, 0);
	const rightIndex = input.rows.findIndex((r) => r.right);
	const max = Math.max(0, ...input.rows.map((r) => r.count));
	return {
		title: input.title,
		subtitle: t('quiz.chart.spreadSubtitle', {
			count: answered,
			right,
			share: answered > 0 ? ` (${percent(right / answered)})` : '',
			label: input.rightLabel,
		}),
		categories: input.rows.map((r) => r.label),
		series: [{ name: t('quiz.chart.members'), values: input.rows.map((r) => r.count) }],
		orientation: 'horizontal',
		...(rightIndex >= 0 ? { highlight: { index: rightIndex, label: t('quiz.chart.rightAnswer') } } : {}),
		valueAxis: { title: t('quiz.chart.chose'), domain: niceDomain(0, Math.max(5, max)) },
		showValues: true,
		width: 1000,
		height: 230 + 62 * input.rows.length,
		...(input.footer ? { footer: input.footer } : {}),
	};
}

function topicFigure(topics: readonly TopicMastery[], title: string): BarChartInput {
	return {
		title,
		categories: topics.map((topic) => t('progress.card.weekShort', { week: topic.week })),
		series: [
			{ name: t('progress.card.figure.mastery'), values: topics.map((topic) => topic.mastery) },
			{ name: t('progress.card.figure.accuracy'), values: topics.map((topic) => topic.accuracy ?? 0) },
		],
		threshold: {
			value: COMPLETED_MASTERY,
			label: t('progress.card.figure.completed', { percent: percent(COMPLETED_MASTERY) }),
		},
		valueAxis: { format: 'percent', domain: [0, 1] },
		showValues: false,
		width: 840,
		height: 380,
	};
}

/** A mastery band's label without its explanation in brackets: "Proficient understanding". */
export function shortBand(label: string): string {
	return label.split(' (')[0] ?? label;
}

function demoNote(demos: Readonly<Record<string, number>>): string | undefined {
	const top = Object.entries(demos)
		.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
		.slice(0, 2);
	return top.length > 0 ? top.map(([name, n]) => `/${name} ×${n}`).join(', ') : undefined;
}

/**
 * A tutor evaluation's mastery band in the language of `format` (the session format of the language being written),
 * found by its total; the stored English label when the format has no band for it.
 */
function bandOf(evaluation: { total: number; mastery: string }, format: SessionFormat | undefined): string {
	return (
		format?.mastery.find((b) => b.min <= evaluation.total && evaluation.total <= b.max)?.label ?? evaluation.mastery
	);
}

/** The /progress card: attendance, accuracy, streak, demos, review, tutor evaluations, mastery per week. */
export function progressCard(
	p: ProgressSummary,
	options: { asOf: string; weeks: number; format?: SessionFormat },
): QuizCardInput {
	const latest = p.evaluations[0];
	const weekList = (weeks: readonly number[]) => t('progress.card.weekList', { weeks: weeks.join(', ') });
	// English names a band by its first word ("Proficient"); a Korean band needs its whole short name.
	const latestBand = (label: string) =>
		currentLanguage() === 'en' ? shortBand(label).split(' ')[0] : shortBand(label);
	const tiles: StatTile[] = [
		{
			label: t('progress.card.tiles.attended'),
			value: `${p.attended} / ${p.meetingsHeld}`,
			note: p.attendedWeeks.length > 0 ? weekList(p.attendedWeeks) : t('progress.card.tiles.checkIn'),
		},
		{
			label: t('progress.card.tiles.accuracy'),
			value: percent(p.accuracy),
			note: t('progress.card.tiles.correctOf', { correct: p.correct, answers: p.answers }),
			...(p.accuracy !== null && p.accuracy >= COMPLETED_MASTERY ? { color: '#009e73' } : {}),
		},
		{
			label: t('progress.card.tiles.streak'),
			value: `${p.streakWeeks > 0 ? '🔥 ' : ''}${t('progress.counts.weeks', { count: p.streakWeeks })}`,
			note: t('progress.card.tiles.streakNote'),
		},
		{ label: t('progress.card.tiles.demos'), value: String(p.demoRuns), note: demoNote(p.demos) },
		{
			label: t('progress.card.tiles.completed'),
			value: `${p.completedWeeks.length} / ${options.weeks}`,
			note:
				p.completedWeeks.length > 0
					? weekList(p.completedWeeks)
					: t('progress.card.tiles.masteryAtLeast', { percent: percent(COMPLETED_MASTERY) }),
		},
		{
			label: t('progress.card.tiles.due'),
			value: String(p.review.due),
			note: t('progress.card.tiles.scheduled', { n: p.review.scheduled }),
		},
		{ label: t('progress.card.tiles.livePoints'), value: grouped(p.livePoints) },
		{
			label: t('progress.card.tiles.tutor'),
			value: String(p.evaluations.length),
			note: latest
				? t('progress.card.tiles.latest', {
						total: latest.total,
						band: latestBand(bandOf(latest, options.format)),
					})
				: t('progress.card.tiles.trySession'),
		},
	];
	const tierName = (tier: string) => options.format?.tiers.find((x) => x.id === tier)?.name ?? tier;
	const evaluations = p.evaluations.slice(0, 5);
	return {
		card: {
			title: t('progress.card.title', { name: p.name }),
			subtitle: t('progress.card.asOf', { date: options.asOf }),
			tiles,
			...(evaluations.length > 0
				? {
						table: {
							columns: [
								{ title: t('progress.card.columns.session') },
								{ title: t('progress.card.columns.tier') },
								{ title: t('progress.card.columns.date') },
								{ title: t('progress.card.columns.score'), align: 'right' },
								{ title: t('progress.card.columns.mastery') },
							],
							rows: evaluations.map((e) => [
								t('progress.card.weekLong', { week: e.week }),
								currentLanguage() === 'en' ? e.tier : tierName(e.tier),
								e.finishedAt.slice(0, 10),
								`${e.total}/25`,
								shortBand(bandOf(e, options.format)),
							]),
						},
					}
				: {}),
			text:
				p.suggestions.length > 0
					? [t('progress.card.whatNext'), ...p.suggestions.map((line) => `• ${line}`)].join('\n')
					: t('progress.card.nothingNext'),
			footer: t('progress.card.footer'),
			width: 900,
		},
		figure: topicFigure(p.topics, t('progress.card.figure.member')),
	};
}

/** The /report overview card: the group's totals, attendance per meeting, and mean mastery per week. */
export function reportCard(input: {
	title: string;
	asOf: string;
	members: readonly ProgressSummary[];
	meetings: readonly { meetingId: string; week: number | null; attendees: number }[];
}): QuizCardInput {
	const members = input.members;
	const answers = members.reduce((s, m) => s + m.answers, 0);
	const correct = members.reduce((s, m) => s + m.correct, 0);
	const weeks = members[0]?.topics.map((t) => t.week) ?? [];
	const meanTopics: TopicMastery[] = weeks.map((week, i) => {
		const topics = members.map((m) => m.topics[i]!);
		const attempts = topics.reduce((s, t) => s + t.answers, 0);
		const right = topics.reduce((s, t) => s + t.correct, 0);
		const mastery = topics.length > 0 ? topics.reduce((s, t) => s + t.mastery, 0) / topics.length : 0;
		return {
			...topics[0]!,
			week,
			answers: attempts,
			correct: right,
			accuracy: attempts > 0 ? right / attempts : null,
			mastery,
			completed: mastery >= COMPLETED_MASTERY,
		};
	});
	const meanAttendance =
		input.meetings.length > 0 ? input.meetings.reduce((s, m) => s + m.attendees, 0) / input.meetings.length : 0;
	return {
		card: {
			title: input.title,
			subtitle: t('progress.card.report.subtitle', {
				date: input.asOf,
				members: t('progress.counts.members', { count: members.length }),
			}),
			tiles: [
				{ label: t('progress.card.report.members'), value: String(members.length) },
				{
					label: t('progress.card.report.answers'),
					value: grouped(answers),
					note: t('progress.card.report.right', { percent: percent(answers > 0 ? correct / answers : null) }),
				},
				{
					label: t('progress.card.report.meetings'),
					value: String(input.meetings.length),
					// Without meetings there is no average (and no table): say how meetings get recorded.
					note:
						input.meetings.length > 0
							? t('progress.card.report.meanAttendance', { mean: meanAttendance.toFixed(1) })
							: t('progress.card.report.noMeetings'),
				},
				{ label: t('progress.card.report.demoRuns'), value: grouped(members.reduce((s, m) => s + m.demoRuns, 0)) },
			],
			...(input.meetings.length > 0
				? {
						table: {
							columns: [
								{ title: t('progress.card.report.columns.meeting') },
								{ title: t('progress.card.report.columns.week'), align: 'right' as const },
								{ title: t('progress.card.report.columns.attendees'), align: 'right' as const },
							],
							rows: input.meetings
								.slice(-6)
								.map((m) => [m.meetingId, m.week === null ? '–' : String(m.week), String(m.attendees)]),
						},
					}
				: {}),
			footer: t('progress.card.report.footer'),
			width: 900,
		},
		figure: topicFigure(meanTopics, t('progress.card.figure.group')),
	};
}
