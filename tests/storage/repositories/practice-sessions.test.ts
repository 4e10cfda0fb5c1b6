import { describe, expect, it } from 'vitest';
import { repositoriesFor, STORE_KINDS } from '../../helpers/stores.js';
import { G1, G2, user } from './quiz-fixtures.js';

describe.each(STORE_KINDS)('PracticeSessionRepository on %s', (kind) => {
	const suite = repositoriesFor(kind);

	it('GIVEN a practice session THEN it reads back, updates under its lock, and belongs to its server', async () => {
		const session = await suite.repos.practiceSessions.create({
			guildId: G1,
			userId: user(1),
			mode: 'practice',
			week: 5,
			questionIds: ['a', 'b'],
			seed: 9,
			results: [],
			pending: null,
			createdAt: '2026-03-04T12:00:00.000Z',
		});
		expect(session.id).toMatch(/^[A-Za-z0-9_-]{8}$/);
		await Promise.all(
			Array.from({ length: 10 }, () =>
				suite.repos.practiceSessions.update(G1, session.id, async (s) => ({
					next: { ...s!, results: [...s!.results, { questionId: 'a', credit: 1, correct: true, answerId: 'x' }] },
					result: undefined,
				})),
			),
		);
		expect((await suite.repos.practiceSessions.get(G1, session.id))?.results).toHaveLength(10);
		expect(await suite.repos.practiceSessions.get(G2, session.id)).toBeUndefined();
	});
});
