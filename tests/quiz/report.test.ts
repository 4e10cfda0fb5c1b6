import { describe, expect, it } from 'vitest';
import { reportCsv } from '../../src/quiz/report.js';
import type { ProgressSummary } from '../../src/quiz/progress.js';

describe('the report CSV', () => {
	it('GIVEN two members THEN one header and one row each, sorted by name, with weekly mastery as fractions', () => {
		const member = (userId: string, name: string, mastery: number): ProgressSummary => ({
			userId,
			name,
			meetingsHeld: 3,
			attended: 2,
			attendedWeeks: [1, 2],
			topics: [
				{
					week: 1,
					title: 'One',
					bank: 4,
					answered: 4,
					answers: 5,
					correct: 4,
					accuracy: 0.8,
					mastery,
					completed: mastery >= 0.8,
				},
			],
			completedWeeks: mastery >= 0.8 ? [1] : [],
			answers: 5,
			correct: 4,
			accuracy: 0.8,
			livePoints: 925,
			demos: { tokenize: 2 },
			demoRuns: 2,
			streakWeeks: 2,
			evaluations: [],
			review: { due: 1, scheduled: 2, nextDueAt: null },
			suggestions: [],
		});
		const csv = reportCsv([member('2', 'Zoe', 0.5), member('1', 'Ann, B.', 0.875)], [1]);
		const lines = csv.split('\r\n');
		expect(lines[0]).toBe(
			'member_id,name,meetings_attended,meetings_held,answers,correct,accuracy,live_points,weeks_completed,streak_weeks,demo_runs,review_due,review_scheduled,tutor_sessions,latest_tutor_total_of_25,week_1_mastery',
		);
		expect(lines[1]).toBe('1,"Ann, B.",2,3,5,4,0.8,925,1,2,2,1,2,0,,0.875');
		expect(lines[2]).toBe('2,Zoe,2,3,5,4,0.8,925,0,2,2,1,2,0,,0.5');
		expect(lines[3]).toBe('');
	});
});
