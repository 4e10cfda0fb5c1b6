import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createRepositories, type Repositories } from '../../src/storage/repositories/index.js';
import { openStore, type Store, type StoreKind } from '../../src/storage/store.js';

/** The three backends every repository test runs against, for real (Redis and PostgreSQL run on 127.0.0.1). */
export const STORE_URLS: Record<StoreKind, () => string> = {
	sqlite: () => `sqlite://${path.join(mkdtempSync(path.join(os.tmpdir(), 'bot-store-')), 'test.sqlite')}`,
	redis: () => process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
	postgres: () => process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
};

export const STORE_KINDS = Object.keys(STORE_URLS) as StoreKind[];

/** Opens a store of `kind` in a fresh namespace, so tests never see each other's keys. */
export function openTestStore(kind: StoreKind, options: { timeoutMs?: number } = {}): Promise<Store> {
	return openStore(STORE_URLS[kind](), { namespace: `test-${randomUUID()}`, ...options });
}

/**
 * For a suite on `kind`: a store of its own (fresh namespace) with the repositories over it, emptied before each
 * test and closed after the suite. Read `suite.repos` inside tests: it is set once the suite starts.
 */
export function repositoriesFor(kind: StoreKind): { store: Store; repos: Repositories } {
	const suite = {} as { store: Store; repos: Repositories };
	beforeAll(async () => {
		suite.store = await openTestStore(kind);
		suite.repos = createRepositories(suite.store);
	});
	beforeEach(() => suite.store.clear());
	afterAll(async () => {
		await suite.store.clear();
		await suite.store.close();
	});
	return suite;
}
