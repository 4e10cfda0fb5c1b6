import type { ProgressSummary } from './progress.js';

/**
 * A CSV field per RFC 4180: quoted when it holds a comma, quote or line break. Text that a spreadsheet would run as
 * a formula (starting with =, +, -, @, tab or carriage return) gets a leading apostrophe, since member names are
 * chosen by members (OWASP's advice against CSV injection). Numbers are written as they are.
 */
export function csvField(value: string | number | null): string {
	if (value === null) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

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
