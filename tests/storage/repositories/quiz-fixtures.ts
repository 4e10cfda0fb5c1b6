/** Shared fixtures for the quiz repositories' tests. */
import type { LiveAnswer, LiveQuiz } from '../../../src/storage/repositories/live-quizzes.js';
import type { AnswerRecord } from '../../../src/storage/repositories/quiz-answers.js';

export const G1 = '200000000000000001';
export const G2 = '200000000000000002';
export const user = (i: number) => String(110_000_000_000_000_000n + BigInt(i));

export function answer(over: Partial<AnswerRecord> = {}): AnswerRecord {
	return {
		id: 'p:s1:0',
		guildId: G1,
		userId: user(1),
		questionId: 'w05-q',
		week: 5,
		kind: 'multiple-choice',
		tier: 'core',
		mode: 'practice',
		correct: true,
		credit: 1,
		points: 0,
		grading: 'auto',
		at: '2026-03-04T12:00:00.000Z',
		...over,
	};
}

export function quiz(over: Partial<Omit<LiveQuiz, 'id'>> = {}): Omit<LiveQuiz, 'id'> {
	return {
		guildId: G1,
		channelId: '300000000000000001',
		hostId: user(0),
		week: 5,
		seconds: 20,
		breakSeconds: 5,
		questionIds: ['a', 'b'],
		seed: 1,
		phase: 'question',
		index: 0,
		dueAt: '2026-03-04T12:00:20.000Z',
		questions: [
			{
				questionId: 'a',
				messageId: '1',
				openedAt: '2026-03-04T12:00:00.000Z',
				closesAt: '2026-03-04T12:00:20.000Z',
				resultsMessageId: null,
			},
		],
		startedAt: '2026-03-04T12:00:00.000Z',
		finishedAt: null,
		stoppedBy: null,
		leaderboardMessageId: null,
		failures: 0,
		...over,
	};
}

export const liveAnswer = (i: number, choice: number): LiveAnswer => ({
	userId: user(i),
	name: `m${i}`,
	roles: [],
	permissions: '0',
	choice,
	correct: choice === 0,
	points: choice === 0 ? 900 : 0,
	responseMs: 4000,
	at: '2026-03-04T12:00:04.000Z',
});
