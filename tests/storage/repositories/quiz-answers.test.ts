import { describe, expect, it } from 'vitest';
import { repositoriesFor, STORE_KINDS } from '../../helpers/stores.js';
import { G1, G2, answer, user } from './quiz-fixtures.js';

describe.each(STORE_KINDS)('AnswerRepository on %s', (kind) => {
	const suite = repositoriesFor(kind);

	it('GIVEN the same answer recorded twice THEN the member’s log keeps it once, and the server lists the member once', async () => {
		expect(await suite.repos.answers.record(answer())).toEqual({ recorded: true });
		expect(await suite.repos.answers.record(answer())).toEqual({ recorded: false });
		await suite.repos.answers.record(answer({ id: 'p:s1:1', questionId: 'w05-r', correct: false, credit: 0 }));
		expect((await suite.repos.answers.list(G1, user(1))).map((a) => a.id)).toEqual(['p:s1:0', 'p:s1:1']);
		expect(await suite.repos.answers.members(G1)).toEqual([user(1)]);
	});

	it('GIVEN answers in two servers THEN each server sees only its own', async () => {
		await suite.repos.answers.record(answer());
		await suite.repos.answers.record(answer({ guildId: G2, id: 'p:s2:0' }));
		expect((await suite.repos.answers.list(G1, user(1))).map((a) => a.guildId)).toEqual([G1]);
		expect((await suite.repos.answers.list(G2, user(1))).map((a) => a.guildId)).toEqual([G2]);
		expect(await suite.repos.answers.members(G2)).toEqual([user(1)]);
		expect((await suite.repos.answers.listMany(G1, [user(1), user(2)])).get(user(2))).toEqual([]);
	});
});
