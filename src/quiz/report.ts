import { csvField } from '../csv.js';
import type { ProgressSummary } from './progress.js';

const ratio = (x: number | null): number | null => (x === null ? null : Math.round(x * 1000) / 1000);

/** The report's columns: one row per member, weekly mastery last. */
export function reportCsv(members: readonly ProgressSummary[], weeks: readonly number[]): string {
	const header = [
		'member_id',
		'name',
		'meetings_attended',
		'meetings_held',
		'answers',
		'correct',
		'accuracy',
		'live_points',
		'weeks_completed',
		'streak_weeks',
		'demo_runs',
		'review_due',
		'review_scheduled',
		'tutor_sessions',
		'latest_tutor_total_of_25',
		...weeks.map((w) => `week_${w}_mastery`),
	];
	const rows = [...members]
		.sort((a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId))
		.map((m) => [
			m.userId,
			m.name,
			m.attended,
			m.meetingsHeld,
			m.answers,
			m.correct,
			ratio(m.accuracy),
			m.livePoints,
			m.completedWeeks.length,
			m.streakWeeks,
			m.demoRuns,
			m.review.due,
			m.review.scheduled,
			m.evaluations.length,
			m.evaluations[0]?.total ?? null,
			...weeks.map((w) => ratio(m.topics.find((t) => t.week === w)?.mastery ?? 0)),
		]);
	return `${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
