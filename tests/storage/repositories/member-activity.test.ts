import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRepositories, type Repositories } from '../../../src/storage/repositories/index.js';
import type { Store } from '../../../src/storage/store.js';
import { openTestStore, STORE_KINDS } from '../../helpers/stores.js';
import { G1, G2, user } from './quiz-fixtures.js';

describe.each(STORE_KINDS)('MemberActivityRepository on %s', (kind) => {
	let store: Store;
	let repos: Repositories;
	beforeAll(async () => {
		store = await openTestStore(kind);
		repos = createRepositories(store);
	});
	beforeEach(() => store.clear());
	afterAll(async () => {
		await store.clear();
		await store.close();
	});

	it('GIVEN member activity THEN demo runs are counted, the profile follows name changes, and the index lists each member once', async () => {
		const actor = { id: user(1), name: 'Mina', roles: ['r1'], permissions: 32n };
		const now = new Date('2026-03-04T12:00:00Z');
		await Promise.all([repos.memberActivity.recordDemo(G1, actor, 'tokenize', now), repos.memberActivity.recordDemo(G1, actor, 'tokenize', now), repos.memberActivity.recordDemo(G1, actor, 'similarity', now)]);
		await repos.memberActivity.touch(G1, { ...actor, name: 'Mina K' }, now);
		const activity = await repos.memberActivity.get(G1, user(1));
		expect(activity?.demos).toEqual({ tokenize: 2, similarity: 1 });
		expect(activity?.profile).toEqual({ userId: user(1), name: 'Mina K', roles: ['r1'], permissions: '32', seenAt: now.toISOString() });
		expect(await repos.memberActivity.members(G1)).toEqual([user(1)]);
		expect(await repos.memberActivity.get(G2, user(1))).toBeUndefined();
	});
});
