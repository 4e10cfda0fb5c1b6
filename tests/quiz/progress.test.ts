import { describe, expect, it } from 'vitest';
import type { BankQuestion, Curriculum, Week } from '../../src/curriculum/index.js';
import { summarizeProgress, topicMastery } from '../../src/quiz/progress.js';
import type { AnswerRecord } from '../../src/storage/repositories/quiz-answers.js';

/** Two weeks of four and two questions: enough to check every number by hand. */
const weeks = [
	{ number: 1, title: 'One' },
	{ number: 2, title: 'Two' },
] as unknown as Week[];
const bank: Record<number, BankQuestion[]> = {
	1: ['a', 'b', 'c', 'd'].map((id) => ({ id, week: 1 }) as BankQuestion),
	2: ['e', 'f'].map((id) => ({ id, week: 2 }) as BankQuestion),
};
const curriculum: Pick<Curriculum, 'weeks' | 'questionsFor'> = { weeks, questionsFor: (n) => bank[n] ?? [] };

let n = 0;
const answer = (
	questionId: string,
	week: number,
	credit: number,
	at = '2026-03-04T12:00:00.000Z',
	mode: AnswerRecord['mode'] = 'practice',
	points = 0,
): AnswerRecord => ({
	id: `x${n++}`,
	guildId: 'g',
	userId: 'u',
	questionId,
	week,
	kind: 'multiple-choice',
	tier: 'core',
	mode,
	correct: credit >= 0.5,
	credit,
	points,
	grading: 'auto',
	at,
});

describe('mastery per week', () => {
	it('GIVEN repeated attempts THEN mastery takes each question’s latest credit over the whole bank, accuracy every attempt', () => {
		const answers = [answer('a', 1, 0), answer('a', 1, 1), answer('b', 1, 1), answer('c', 1, 0.5), answer('e', 2, 0)];
		const [w1, w2] = topicMastery(answers, curriculum);
		expect(w1).toEqual({
			week: 1,
			title: 'One',
			bank: 4,
			answered: 3,
			answers: 4,
			correct: 3,
			accuracy: 0.75,
			mastery: (1 + 1 + 0.5 + 0) / 4,
			completed: false,
		});
		expect(w2).toMatchObject({ answered: 1, answers: 1, correct: 0, accuracy: 0, mastery: 0, completed: false });
		const done = topicMastery([...answers, answer('d', 1, 1), answer('c', 1, 1)], curriculum)[0]!;
		expect(done).toMatchObject({ mastery: 1, completed: true });
		const eighty = topicMastery(
			[answer('a', 1, 1), answer('b', 1, 1), answer('c', 1, 1), answer('d', 1, 0.2)],
			curriculum,
		)[0]!;
		expect(eighty).toMatchObject({ mastery: 0.8, completed: true });
	});
});

describe('a member’s progress', () => {
	it('GIVEN answers, meetings, demos, reviews and an evaluation THEN every figure and the suggestions follow from them', () => {
		const now = new Date('2026-03-04T12:00:00Z');
		const lastWeek = '2026-02-25T12:00:00.000Z';
		const summary = summarizeProgress({
			userId: 'u',
			name: 'Mina',
			answers: [answer('a', 1, 1, lastWeek), answer('b', 1, 0, lastWeek), answer('e', 2, 1, lastWeek, 'live', 925)],
			activity: {
				profile: { userId: 'u', name: 'Mina', roles: [], permissions: '0', seenAt: lastWeek },
				demos: { tokenize: 3, sample: 2 },
				demoTimes: [now.toISOString()],
			},
			meetings: [
				{ meetingId: '2026-02-25', week: 1, startsAt: lastWeek, attendeeIds: ['u', 'v'] },
				{ meetingId: '2026-03-04', week: 2, startsAt: now.toISOString(), attendeeIds: ['v'] },
			],
			evaluations: [],
			cards: {
				b: {
					questionId: 'b',
					box: 1,
					dueAt: '2026-02-26T12:00:00.000Z',
					lapses: 1,
					updatedAt: lastWeek,
					lastAnswerId: 'x',
				},
			},
			curriculum,
			now,
			timeZone: 'Asia/Seoul',
			currentWeek: 2,
		});
		expect(summary).toMatchObject({
			meetingsHeld: 2,
			attended: 1,
			attendedWeeks: [1],
			answers: 3,
			correct: 2,
			accuracy: 2 / 3,
			livePoints: 925,
			demoRuns: 5,
			streakWeeks: 2,
			completedWeeks: [],
			review: { due: 1, scheduled: 1, nextDueAt: null },
		});
		expect(summary.suggestions).toEqual([
			'1 question due for review: run /review',
			'Week 1 (One): mastery 25%, practise with /quiz practice week:1',
		]);
	});
});
