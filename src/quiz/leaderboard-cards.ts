import type { QuizCardInput } from '../compute/tasks/quiz-charts.js';
import { t } from '../i18n/index.js';
import { grouped, percent } from './card-format.js';
import type { LivePlayer, RankedStanding } from './scoring.js';

/* The leaderboard cards' pure half: standings in, card input out (the compute tasks draw them). */

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
					{ title: t('progress.leaderboard.columns.member') },
					{ title: t('progress.leaderboard.columns.points'), align: 'right' },
					{ title: t('progress.leaderboard.columns.live'), align: 'right' },
					{ title: t('progress.leaderboard.columns.practice'), align: 'right' },
					{ title: t('progress.leaderboard.columns.right'), align: 'right' },
				],
				rows: shown.map((s) =>
					rankingRow(s, input.names.get(s.userId) ?? t('progress.leaderboard.unnamed', { id: s.userId.slice(-4) })),
				),
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
