import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../../src/storage/errors.js';
import { openStore, storeKindOf, type Store } from '../../src/storage/store.js';
import { openTestStore, STORE_KINDS } from '../helpers/stores.js';

describe.each(STORE_KINDS)('Store on %s', (kind) => {
	let store: Store;
	beforeAll(async () => {
		store = await openTestStore(kind);
	});
	afterAll(async () => {
		await store.clear();
		await store.close();
	});

	it('GIVEN a value is set THEN it reads back equal, including nested objects and unicode', async () => {
		const value = { name: '안녕 🙂', scores: [1, 2.5, -3], nested: { ok: true } };
		await store.set('a', value);
		expect(await store.get('a')).toEqual(value);
	});

	it('GIVEN a missing key THEN get answers undefined', async () => {
		expect(await store.get('missing')).toBeUndefined();
	});

	it('GIVEN several keys THEN getMany answers them in order, undefined for missing ones', async () => {
		await store.set('m1', 1);
		await store.set('m3', 3);
		expect(await store.getMany(['m1', 'm2', 'm3'])).toEqual([1, undefined, 3]);
	});

	it('GIVEN a key is deleted THEN it is gone', async () => {
		await store.set('d', 'x');
		expect(await store.delete('d')).toBe(true);
		expect(await store.get('d')).toBeUndefined();
	});

	it('GIVEN 50 concurrent read-modify-writes under exclusive THEN none is lost', async () => {
		await store.set('counter', 0);
		await Promise.all(
			Array.from({ length: 50 }, () =>
				store.exclusive('counter', async () => {
					const n = (await store.get<number>('counter')) ?? 0;
					await store.set('counter', n + 1);
				}),
			),
		);
		expect(await store.get('counter')).toBe(50);
	});

	it('GIVEN a reachable backend THEN ping succeeds', async () => {
		await expect(store.ping()).resolves.toBeUndefined();
	});
});

describe('Store URLs', () => {
	it('GIVEN each scheme THEN the right kind is chosen, and an unknown scheme is refused', () => {
		expect(storeKindOf('sqlite://data/bot.sqlite')).toBe('sqlite');
		expect(storeKindOf('redis://127.0.0.1:6379')).toBe('redis');
		expect(storeKindOf('postgresql://u@h/db')).toBe('postgres');
		expect(() => storeKindOf('mysql://x')).toThrow(/Unsupported STORE_URL/);
	});

	it('GIVEN an unreachable Redis THEN operations fail fast with StoreUnavailableError', async () => {
		const store = await openStore('redis://127.0.0.1:1', { timeoutMs: 1500 });
		const started = Date.now();
		await expect(store.set('k', 1)).rejects.toBeInstanceOf(StoreUnavailableError);
		expect(Date.now() - started).toBeLessThan(5000);
		await store.close();
	});

	it('GIVEN an unreachable PostgreSQL THEN operations fail with StoreUnavailableError', async () => {
		const store = await openStore('postgres://postgres@127.0.0.1:1/test', { timeoutMs: 1500 });
		await expect(store.get('k')).rejects.toBeInstanceOf(StoreUnavailableError);
		await store.close();
	});
});
