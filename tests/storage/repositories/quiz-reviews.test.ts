import { describe, expect, it } from 'vitest';
import { repositoriesFor, STORE_KINDS } from '../../helpers/stores.js';
import { G1, G2, user } from './quiz-fixtures.js';

describe.each(STORE_KINDS)('ReviewRepository on %s', (kind) => {
	const suite = repositoriesFor(kind);

	it('GIVEN review changes THEN the card is saved, and a change returning null removes it', async () => {
		const card = {
			questionId: 'q1',
			box: 1,
			dueAt: '2026-03-05T12:00:00.000Z',
			lapses: 1,
			updatedAt: '2026-03-04T12:00:00.000Z',
			lastAnswerId: 'a1',
		};
		await suite.repos.reviews.change(G1, user(1), 'q1', () => card);
		expect(await suite.repos.reviews.cards(G1, user(1))).toEqual({ q1: card });
		expect((await suite.repos.reviews.cardsMany(G1, [user(1), user(2)])).get(user(2))).toEqual({});
		await suite.repos.reviews.change(G1, user(1), 'q1', () => null);
		expect(await suite.repos.reviews.cards(G1, user(1))).toEqual({});
		expect(await suite.repos.reviews.cards(G2, user(1))).toEqual({});
	});
});
