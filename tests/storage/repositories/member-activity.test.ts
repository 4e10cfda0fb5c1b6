import { describe, expect, it } from 'vitest';
import { repositoriesFor, STORE_KINDS } from '../../helpers/stores.js';
import { G1, G2, user } from './quiz-fixtures.js';

describe.each(STORE_KINDS)('MemberActivityRepository on %s', (kind) => {
	const suite = repositoriesFor(kind);

	it('GIVEN member activity THEN demo runs are counted, the profile follows name changes, and the index lists each member once', async () => {
		const actor = { id: user(1), name: 'Mina', roles: ['r1'], permissions: 32n };
		const now = new Date('2026-03-04T12:00:00Z');
		await Promise.all([
			suite.repos.memberActivity.recordDemo(G1, actor, 'tokenize', now),
			suite.repos.memberActivity.recordDemo(G1, actor, 'tokenize', now),
			suite.repos.memberActivity.recordDemo(G1, actor, 'similarity', now),
		]);
		await suite.repos.memberActivity.touch(G1, { ...actor, name: 'Mina K' }, now);
		const activity = await suite.repos.memberActivity.get(G1, user(1));
		expect(activity?.demos).toEqual({ tokenize: 2, similarity: 1 });
		expect(activity?.profile).toEqual({
			userId: user(1),
			name: 'Mina K',
			roles: ['r1'],
			permissions: '32',
			seenAt: now.toISOString(),
		});
		expect(await suite.repos.memberActivity.members(G1)).toEqual([user(1)]);
		expect(await suite.repos.memberActivity.get(G2, user(1))).toBeUndefined();
	});
});
