import { niceDomain, type BarChartInput, type StatTile } from '../charts/index.js';
import type { QuizCardInput } from '../compute/tasks/quiz-charts.js';
import { COMPLETED_MASTERY, type ProgressSummary, type TopicMastery } from './progress.js';
import type { LivePlayer, RankedStanding } from './scoring.js';
import { t } from '../i18n/index.js';

/**
 * The pure half of every quiz chart: domain data in, chart input out (tested exactly). The compute tasks in
 * src/compute/tasks/quiz-charts.ts draw them.
 */

const percent = (x: number | null): string => (x === null ? '–' : `${Math.round(x * 100)}%`);
const grouped = (n: number): string => n.toLocaleString('en-US');

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

/** A ranking table row as the leaderboard cards print it. */
function rankingRow(s: RankedStanding, name: string): string[] {
	return [
		String(s.rank),
		name,
		grouped(s.points),
		grouped(s.live),
		grouped(s.practice),
		s.answers > 0 ? `${s.correct}/${s.answers}` : '–',
	];
}

/** Rows shown on a leaderboard: the top ones, plus the asking member's row when it is further down. */
export const LEADERBOARD_ROWS = 15;

/** The /leaderboard card: a ranking with points split into live and practice, the asking member outlined. */
export function leaderboardCard(input: {
	title: string;
	subtitle: string;
	standings: readonly RankedStanding[];
	names: ReadonlyMap<string, string>;
	viewerId: string;
	footer: string;
}): QuizCardInput {
	const top = input.standings.slice(0, LEADERBOARD_ROWS);
	const viewer = input.standings.findIndex((s) => s.userId === input.viewerId);
	const shown = viewer >= LEADERBOARD_ROWS ? [...top, input.standings[viewer]!] : top;
	const highlight = shown.findIndex((s) => s.userId === input.viewerId);
	return {
		card: {
			title: input.title,
			subtitle: input.subtitle,
			table: {
				columns: [
					{ title: '#', align: 'right' },
					{ title: 'Member' },
					{ title: 'Points', align: 'right' },
					{ title: 'Live', align: 'right' },
					{ title: 'Practice', align: 'right' },
					{ title: 'Right', align: 'right' },
				],
				rows: shown.map((s) => rankingRow(s, input.names.get(s.userId) ?? `member ${s.userId.slice(-4)}`)),
				...(highlight >= 0 ? { highlightRow: highlight } : {}),
			},
			footer: input.footer,
			width: 900,
		},
	};
}

/** The final standings of a live quiz. */
export function liveLeaderboardCard(input: {
	title: string;
	subtitle: string;
	standings: readonly LivePlayer[];
	questions: number;
}): QuizCardInput {
	const players = input.standings.length;
	const answers = input.standings.reduce((s, p) => s + p.answered, 0);
	const right = input.standings.reduce((s, p) => s + p.right, 0);
	return {
		card: {
			title: input.title,
			subtitle: input.subtitle,
			tiles: [
				{ label: t('quiz.chart.players'), value: String(players) },
				{ label: t('quiz.chart.questions'), value: String(input.questions) },
				{
					label: t('quiz.chart.rightAnswers'),
					value: percent(answers > 0 ? right / answers : null),
					note: t('quiz.chart.ofAnswers', { right, answers }),
				},
				{
					label: t('quiz.chart.topScore'),
					value: players > 0 ? grouped(input.standings[0]!.points) : '–',
					note: players > 0 ? input.standings[0]!.name : undefined,
				},
			],
			table: {
				columns: [
					{ title: '#', align: 'right' },
					{ title: t('quiz.chart.member') },
					{ title: t('quiz.chart.pointsColumn'), align: 'right' },
					{ title: t('quiz.chart.rightColumn'), align: 'right' },
					{ title: t('quiz.chart.meanTime'), align: 'right' },
				],
				rows: input.standings
					.slice(0, 10)
					.map((p) => [
						String(p.rank),
						p.name,
						grouped(p.points),
						`${p.right}/${input.questions}`,
						t('quiz.chart.seconds', { seconds: (p.meanMs / 1000).toFixed(1) }),
					]),
			},
			footer: t('quiz.chart.pointsRule'),
			width: 900,
		},
	};
}

function topicFigure(topics: readonly TopicMastery[], title: string): BarChartInput {
	return {
		title,
		categories: topics.map((t) => `W${t.week}`),
		series: [
			{ name: 'Mastery (latest answer per question)', values: topics.map((t) => t.mastery) },
			{ name: 'Accuracy (all attempts)', values: topics.map((t) => t.accuracy ?? 0) },
		],
		threshold: { value: COMPLETED_MASTERY, label: `completed at ${percent(COMPLETED_MASTERY)}` },
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

/** The /progress card: attendance, accuracy, streak, demos, review, tutor evaluations, mastery per week. */
export function progressCard(p: ProgressSummary, options: { asOf: string; weeks: number }): QuizCardInput {
	const latest = p.evaluations[0];
	const tiles: StatTile[] = [
		{
			label: 'Meetings attended',
			value: `${p.attended} / ${p.meetingsHeld}`,
			note: p.attendedWeeks.length > 0 ? `weeks ${p.attendedWeeks.join(', ')}` : 'check in with /checkin',
		},
		{
			label: 'Quiz accuracy',
			value: percent(p.accuracy),
			note: `${p.correct} of ${p.answers} answers`,
			...(p.accuracy !== null && p.accuracy >= COMPLETED_MASTERY ? { color: '#009e73' } : {}),
		},
		{
			label: 'Streak',
			value: `${p.streakWeeks > 0 ? '🔥 ' : ''}${p.streakWeeks} week${p.streakWeeks === 1 ? '' : 's'}`,
			note: 'weeks in a row with activity',
		},
		{ label: 'Demos run', value: String(p.demoRuns), note: demoNote(p.demos) },
		{
			label: 'Weeks completed',
			value: `${p.completedWeeks.length} / ${options.weeks}`,
			note:
				p.completedWeeks.length > 0
					? `weeks ${p.completedWeeks.join(', ')}`
					: `mastery ≥ ${percent(COMPLETED_MASTERY)}`,
		},
		{ label: 'Due for review', value: String(p.review.due), note: `${p.review.scheduled} in the schedule` },
		{ label: 'Live quiz points', value: grouped(p.livePoints) },
		{
			label: 'Tutor sessions',
			value: String(p.evaluations.length),
			note: latest ? `latest: ${latest.total}/25, ${shortBand(latest.mastery).split(' ')[0]}` : 'try /session',
		},
	];
	const evaluations = p.evaluations.slice(0, 5);
	return {
		card: {
			title: `Study progress — ${p.name}`,
			subtitle: `As of ${options.asOf}`,
			tiles,
			...(evaluations.length > 0
				? {
						table: {
							columns: [
								{ title: 'Tutor session' },
								{ title: 'Tier' },
								{ title: 'Date' },
								{ title: 'Score', align: 'right' },
								{ title: 'Mastery' },
							],
							rows: evaluations.map((e) => [
								`Week ${e.week}`,
								e.tier,
								e.finishedAt.slice(0, 10),
								`${e.total}/25`,
								shortBand(e.mastery),
							]),
						},
					}
				: {}),
			text:
				p.suggestions.length > 0
					? ['What next:', ...p.suggestions.map((line) => `• ${line}`)].join('\n')
					: 'What next: nothing pressing. Try /quiz practice on a new week.',
			footer:
				'Mastery: the mean over a week’s questions of your latest answer’s credit (unanswered count 0). A week is completed at 80%.',
			width: 900,
		},
		figure: topicFigure(p.topics, 'Quiz mastery and accuracy by week'),
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
			subtitle: `As of ${input.asOf} · ${members.length} member${members.length === 1 ? '' : 's'} with any activity`,
			tiles: [
				{ label: 'Members', value: String(members.length) },
				{
					label: 'Quiz answers',
					value: grouped(answers),
					note: `${percent(answers > 0 ? correct / answers : null)} right`,
				},
				{
					label: 'Meetings held',
					value: String(input.meetings.length),
					// Without meetings there is no average (and no table): say how meetings get recorded.
					note: input.meetings.length > 0 ? `${meanAttendance.toFixed(1)} attendees on average` : 'none yet (/checkin)',
				},
				{ label: 'Demo runs', value: grouped(members.reduce((s, m) => s + m.demoRuns, 0)) },
			],
			...(input.meetings.length > 0
				? {
						table: {
							columns: [
								{ title: 'Meeting' },
								{ title: 'Week', align: 'right' as const },
								{ title: 'Attendees', align: 'right' as const },
							],
							rows: input.meetings
								.slice(-6)
								.map((m) => [m.meetingId, m.week === null ? '–' : String(m.week), String(m.attendees)]),
						},
					}
				: {}),
			footer: 'Mean over members of their mastery and accuracy per week; the CSV has every member’s numbers.',
			width: 900,
		},
		figure: topicFigure(meanTopics, 'Group mastery and accuracy by week'),
	};
}
