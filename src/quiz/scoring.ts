import type { AnswerRecord } from '../storage/repositories/quiz-answers.js';

/**
 * Points for a live answer: a right answer earns between 1000 (at once) and 500 (as the time runs out), a wrong
 * or missing one 0:
 *
 *     points = round(1000 × (1 − t / (2T)))   with t the response time clamped to [0, T], T the question's time.
 *
 * Being right always beats being fast (the slowest right answer, 500, beats any wrong one), and speed still
 * separates members who are all right. (Kahoot! uses the same shape.)
 */
export function livePoints(correct: boolean, responseMs: number, durationMs: number): number {
	if (!correct) return 0;
	const t = Math.max(0, Math.min(durationMs, responseMs));
	return Math.round(1000 * (1 - t / (2 * durationMs)));
}

/** Points a fully right practice or review answer adds to a leaderboard (partly right free text: pro rata). */
export const PRACTICE_POINTS = 100;

/** A member's standing over a period. */
export interface Standing {
	userId: string;
	/** live + practice. */
	points: number;
	live: number;
	practice: number;
	answers: number;
	correct: number;
}

/**
 * Leaderboard points from a member's answers in a period:
 * - live: the sum of the live answers' points;
 * - practice: for each question answered in practice or review, {@link PRACTICE_POINTS} × the best credit the
 *   member earned on it in the period, so repeating a question does not farm points.
 */
export function standingOf(userId: string, answers: readonly AnswerRecord[]): Standing {
	let live = 0;
	const best = new Map<string, number>();
	let correct = 0;
	for (const a of answers) {
		if (a.correct) correct++;
		if (a.mode === 'live') live += a.points;
		else best.set(a.questionId, Math.max(best.get(a.questionId) ?? 0, a.credit));
	}
	const practice = Math.round([...best.values()].reduce((sum, credit) => sum + PRACTICE_POINTS * credit, 0));
	return { userId, points: live + practice, live, practice, answers: answers.length, correct };
}

/** A standing with its rank; tied points share a rank ("1, 2, 2, 4"). */
export interface RankedStanding extends Standing {
	rank: number;
}

/** Sorts by points, then accuracy, then id (stable for ties), and numbers the ranks with shared ranks for ties. */
export function rankStandings(standings: readonly Standing[]): RankedStanding[] {
	const accuracy = (s: Standing) => (s.answers > 0 ? s.correct / s.answers : 0);
	const sorted = [...standings].sort(
		(a, b) => b.points - a.points || accuracy(b) - accuracy(a) || a.userId.localeCompare(b.userId),
	);
	return sorted.map((s, i) => {
		let rank = i + 1;
		for (let j = i - 1; j >= 0 && sorted[j]!.points === s.points; j--) rank = j + 1;
		return { ...s, rank };
	});
}

/** One player's total over a live quiz. */
export interface LivePlayer {
	userId: string;
	name: string;
	points: number;
	right: number;
	answered: number;
	/** Mean response time over their answers, ms. */
	meanMs: number;
	rank: number;
}

/**
 * Final standings of a live quiz from each question's answers: points summed, then ranked by points, right
 * answers, and mean response time; tied points share a rank.
 */
export function liveStandings(
	perQuestion: readonly (readonly {
		userId: string;
		name: string;
		points: number;
		correct: boolean;
		responseMs: number;
	}[])[],
): LivePlayer[] {
	const players = new Map<string, Omit<LivePlayer, 'rank' | 'meanMs'> & { totalMs: number }>();
	for (const answers of perQuestion) {
		for (const a of answers) {
			const p = players.get(a.userId) ?? {
				userId: a.userId,
				name: a.name,
				points: 0,
				right: 0,
				answered: 0,
				totalMs: 0,
			};
			p.points += a.points;
			p.right += a.correct ? 1 : 0;
			p.answered += 1;
			p.totalMs += a.responseMs;
			p.name = a.name;
			players.set(a.userId, p);
		}
	}
	const sorted = [...players.values()]
		.map(({ totalMs, ...p }) => ({ ...p, meanMs: p.answered > 0 ? totalMs / p.answered : 0 }))
		.sort(
			(a, b) => b.points - a.points || b.right - a.right || a.meanMs - b.meanMs || a.userId.localeCompare(b.userId),
		);
	return sorted.map((p, i) => {
		let rank = i + 1;
		for (let j = i - 1; j >= 0 && sorted[j]!.points === p.points; j--) rank = j + 1;
		return { ...p, rank };
	});
}
