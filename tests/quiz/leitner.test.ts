import { describe, expect, it } from 'vitest';
import { afterReview, afterWrong, dueCards, INTERVAL_DAYS, nextDue, RETIRED_BOX } from '../../src/quiz/leitner.js';
import type { ReviewCard } from '../../src/storage/repositories/quiz-reviews.js';

const DAY = 86_400_000;
const t0 = new Date('2026-03-04T12:00:00Z');
const at = (days: number) => new Date(t0.getTime() + days * DAY);

describe('Leitner schedule', () => {
	it('GIVEN a wrong answer and then right reviews when due THEN the card climbs boxes 1→5 with 1, 3, 7, 14 and 30 days, and retires', () => {
		let card: ReviewCard = afterWrong(undefined, 'q', 'a0', t0);
		expect(card).toMatchObject({ box: 1, dueAt: at(1).toISOString(), lapses: 1 });
		let now: Date;
		const dues: number[] = [];
		for (let i = 1; i <= 5; i++) {
			now = new Date(card.dueAt);
			card = afterReview(card, 'q', true, `a${i}`, now);
			dues.push((Date.parse(card.dueAt) - now.getTime()) / DAY);
		}
		expect(dues.slice(0, 4)).toEqual([...INTERVAL_DAYS.slice(1)]);
		expect(card.box).toBe(RETIRED_BOX);
		expect(dueCards({ q: card }, at(1000))).toEqual([]);
	});

	it('GIVEN a wrong review from box 3 THEN back to box 1 with one more lapse; replaying the same answer changes nothing', () => {
		const box3: ReviewCard = {
			questionId: 'q',
			box: 3,
			dueAt: t0.toISOString(),
			lapses: 1,
			updatedAt: t0.toISOString(),
			lastAnswerId: 'a2',
		};
		const back = afterReview(box3, 'q', false, 'a3', t0);
		expect(back).toMatchObject({ box: 1, lapses: 2, dueAt: at(1).toISOString(), lastAnswerId: 'a3' });
		expect(afterReview(back, 'q', false, 'a3', at(5))).toBe(back);
		expect(afterWrong(back, 'q', 'a3', at(5))).toBe(back);
	});

	it('GIVEN cards THEN due ones come longest overdue first and the next due time is the earliest later one', () => {
		const card = (id: string, dueDays: number, box = 1): ReviewCard => ({
			questionId: id,
			box,
			dueAt: at(dueDays).toISOString(),
			lapses: 1,
			updatedAt: t0.toISOString(),
			lastAnswerId: id,
		});
		const cards = {
			a: card('a', -1),
			b: card('b', -3),
			c: card('c', 2),
			d: card('d', 5),
			e: card('e', -10, RETIRED_BOX),
		};
		expect(dueCards(cards, t0).map((c) => c.questionId)).toEqual(['b', 'a']);
		expect(nextDue(cards, t0)).toEqual(at(2));
		expect(nextDue({}, t0)).toBeNull();
	});
});
