import { describe, expect, it } from 'vitest';
import { repositoriesFor, STORE_KINDS } from '../../helpers/stores.js';
import { G1, G2, liveAnswer, quiz, user } from './quiz-fixtures.js';

describe.each(STORE_KINDS)('LiveQuizRepository on %s', (kind) => {
	const suite = repositoriesFor(kind);

	it('GIVEN 50 members answering the same live question at once THEN all 50 are counted exactly once, and a second click of each is a duplicate', async () => {
		const created = await suite.repos.liveQuizzes.create(quiz());
		const results = await Promise.all(
			Array.from({ length: 100 }, (_, k) => {
				const i = k % 50;
				return suite.repos.liveQuizzes.answer(
					G1,
					created.id,
					0,
					user(i),
					() => null,
					() => liveAnswer(i, k < 50 ? i % 4 : 3),
				);
			}),
		);
		expect(results.filter((r) => r.status === 'recorded')).toHaveLength(50);
		expect(results.filter((r) => r.status === 'duplicate')).toHaveLength(50);
		const answers = await suite.repos.liveQuizzes.answers(G1, created.id, 0);
		expect(answers).toHaveLength(50);
		expect(new Set(answers.map((a) => a.userId)).size).toBe(50);
		// The first click of each member is the one kept.
		expect(answers.map((a) => a.choice).filter((c) => c === 0)).toHaveLength(13);
		expect(await suite.repos.liveQuizzes.answerOf(G1, created.id, 0, user(5))).toMatchObject({ choice: 1 });
	});

	it('GIVEN a question that has closed THEN an answer is refused and not stored; the quiz is isolated per server', async () => {
		const created = await suite.repos.liveQuizzes.create(quiz());
		const refused = await suite.repos.liveQuizzes.answer(
			G1,
			created.id,
			0,
			user(1),
			() => 'time is up',
			() => liveAnswer(1, 0),
		);
		expect(refused).toEqual({ status: 'refused', reason: 'time is up' });
		expect(await suite.repos.liveQuizzes.answers(G1, created.id, 0)).toEqual([]);
		expect(await suite.repos.liveQuizzes.get(G2, created.id)).toBeUndefined();
	});

	it('GIVEN running quizzes THEN the runner’s list holds them until each stops', async () => {
		const a = await suite.repos.liveQuizzes.create(quiz());
		const b = await suite.repos.liveQuizzes.create(quiz({ guildId: G2 }));
		expect(await suite.repos.liveQuizzes.running()).toEqual([
			{ guildId: G1, quizId: a.id },
			{ guildId: G2, quizId: b.id },
		]);
		await suite.repos.liveQuizzes.stopRunning(G1, a.id);
		expect(await suite.repos.liveQuizzes.running()).toEqual([{ guildId: G2, quizId: b.id }]);
		const next = await suite.repos.liveQuizzes.update(G2, b.id, async (q) => ({
			next: { ...q!, phase: 'break' as const },
			result: q!.phase,
		}));
		expect(next).toBe('question');
		expect((await suite.repos.liveQuizzes.get(G2, b.id))?.phase).toBe('break');
	});
});
