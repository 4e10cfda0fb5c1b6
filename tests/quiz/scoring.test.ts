import { describe, expect, it } from 'vitest';
import { livePoints, liveStandings, PRACTICE_POINTS, rankStandings, standingOf } from '../../src/quiz/scoring.js';
import type { AnswerRecord } from '../../src/storage/repositories/quiz-answers.js';

const a = (over: Partial<AnswerRecord>): AnswerRecord => ({
	id: String(Math.random()),
	guildId: 'g',
	userId: 'u',
	questionId: 'q1',
	week: 1,
	kind: 'multiple-choice',
	tier: 'core',
	mode: 'practice',
	correct: true,
	credit: 1,
	points: 0,
	grading: 'auto',
	at: '2026-03-04T12:00:00.000Z',
	...over,
});

describe('live points: round(1000 × (1 − t / 2T))', () => {
	it('GIVEN right answers at 0, T/4, T/2, T and after T THEN 1000, 875, 750, 500 and 500; a wrong answer 0', () => {
		const T = 20_000;
		expect([0, 5000, 10_000, 20_000, 25_000].map((t) => livePoints(true, t, T))).toEqual([1000, 875, 750, 500, 500]);
		expect(livePoints(false, 0, T)).toBe(0);
		expect(livePoints(true, 3333, T)).toBe(Math.round(1000 * (1 - 3333 / 40_000)));
	});
});

describe('leaderboard standings', () => {
	it('GIVEN practice repeats and live answers THEN practice counts the best credit per question once, live sums its points', () => {
		const s = standingOf('u', [
			a({ questionId: 'q1', correct: false, credit: 0 }),
			a({ questionId: 'q1', credit: 1 }),
			a({ questionId: 'q1', credit: 1 }),
			a({ questionId: 'q2', kind: 'free-text', credit: 0.5, grading: 'self' }),
			a({ questionId: 'q3', mode: 'live', points: 925 }),
			a({ questionId: 'q4', mode: 'live', correct: false, credit: 0, points: 0 }),
		]);
		expect(s).toEqual({
			userId: 'u',
			points: 925 + 1.5 * PRACTICE_POINTS,
			live: 925,
			practice: 150,
			answers: 6,
			correct: 4,
		});
	});

	it('GIVEN tied points THEN the tied members share a rank and the next rank skips ("1, 2, 2, 4"), ties broken by accuracy for the order', () => {
		const ranked = rankStandings([
			{ userId: 'c', points: 500, live: 0, practice: 500, answers: 10, correct: 5 },
			{ userId: 'a', points: 900, live: 900, practice: 0, answers: 1, correct: 1 },
			{ userId: 'b', points: 500, live: 0, practice: 500, answers: 5, correct: 5 },
			{ userId: 'd', points: 100, live: 0, practice: 100, answers: 1, correct: 1 },
		]);
		expect(ranked.map((r) => [r.userId, r.rank])).toEqual([
			['a', 1],
			['b', 2],
			['c', 2],
			['d', 4],
		]);
	});

	it('GIVEN live answers per question THEN the final standings sum points and rank by points, then right answers, then mean time', () => {
		const q1 = [
			{ userId: 'x', name: 'X', points: 900, correct: true, responseMs: 4000 },
			{ userId: 'y', name: 'Y', points: 0, correct: false, responseMs: 1000 },
			{ userId: 'z', name: 'Z', points: 950, correct: true, responseMs: 2000 },
		];
		const q2 = [
			{ userId: 'x', name: 'X', points: 950, correct: true, responseMs: 2000 },
			{ userId: 'y', name: 'Y', points: 900, correct: true, responseMs: 4000 },
		];
		expect(liveStandings([q1, q2])).toEqual([
			{ userId: 'x', name: 'X', points: 1850, right: 2, answered: 2, meanMs: 3000, rank: 1 },
			{ userId: 'z', name: 'Z', points: 950, right: 1, answered: 1, meanMs: 2000, rank: 2 },
			{ userId: 'y', name: 'Y', points: 900, right: 1, answered: 2, meanMs: 2500, rank: 3 },
		]);
	});
});
