import type { ReviewCard } from '../storage/repositories/quiz-reviews.js';

/**
 * The review schedule is a Leitner system with five boxes. A question answered wrong anywhere (practice, live or
 * review) goes to box 1; answered right in /review it moves up one box; answered right in box 5 it is retired.
 * A card in box b is due INTERVAL_DAYS[b − 1] days after it was placed there:
 *
 *     box       1  2  3  4   5
 *     due in    1  3  7  14  30 days
 *
 * Right answers outside /review leave the schedule alone: only a spaced recall moves a card up. Each change names
 * the answer that made it, so replaying an answer (a retry after a crash) changes nothing.
 */
export const INTERVAL_DAYS = [1, 3, 7, 14, 30] as const;
export const BOXES = INTERVAL_DAYS.length;
/** The box of a retired card: kept (not deleted) so that a replayed answer can see it was applied. */
export const RETIRED_BOX = BOXES + 1;
const DAY_MS = 86_400_000;

function dueAfter(box: number, now: Date): string {
	return new Date(now.getTime() + (INTERVAL_DAYS[box - 1] ?? 0) * DAY_MS).toISOString();
}

/** The card after a wrong answer: box 1, due in a day, one more lapse. */
export function afterWrong(card: ReviewCard | undefined, questionId: string, answerId: string, now: Date): ReviewCard {
	if (card?.lastAnswerId === answerId) return card;
	return {
		questionId,
		box: 1,
		dueAt: dueAfter(1, now),
		lapses: (card?.lapses ?? 0) + 1,
		updatedAt: now.toISOString(),
		lastAnswerId: answerId,
	};
}

/** The card after a review: up one box when right (retired after box 5), back to box 1 when wrong. */
export function afterReview(
	card: ReviewCard | undefined,
	questionId: string,
	correct: boolean,
	answerId: string,
	now: Date,
): ReviewCard {
	if (card?.lastAnswerId === answerId) return card;
	if (!correct) return afterWrong(card, questionId, answerId, now);
	const box = Math.min(RETIRED_BOX, (card?.box ?? 0) + 1);
	return {
		questionId,
		box,
		dueAt: dueAfter(box, now),
		lapses: card?.lapses ?? 0,
		updatedAt: now.toISOString(),
		lastAnswerId: answerId,
	};
}

/** The cards still in the schedule (not retired). */
export function scheduledCards(cards: Readonly<Record<string, ReviewCard>>): ReviewCard[] {
	return Object.values(cards).filter((c) => c.box <= BOXES);
}

/** The cards due at `now`, longest overdue first (ties: lower box first, then id). */
export function dueCards(cards: Readonly<Record<string, ReviewCard>>, now: Date): ReviewCard[] {
	const t = now.getTime();
	return scheduledCards(cards)
		.filter((c) => Date.parse(c.dueAt) <= t)
		.sort(
			(a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || a.box - b.box || a.questionId.localeCompare(b.questionId),
		);
}

/** When the next scheduled card not yet due becomes due, or null when none is waiting. */
export function nextDue(cards: Readonly<Record<string, ReviewCard>>, now: Date): Date | null {
	const t = now.getTime();
	const later = scheduledCards(cards)
		.map((c) => Date.parse(c.dueAt))
		.filter((d) => d > t);
	return later.length > 0 ? new Date(Math.min(...later)) : null;
}
