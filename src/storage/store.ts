import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import Keyv, { type KeyvStoreAdapter } from 'keyv';
import { StoreUnavailableError } from './errors.js';
import { KeyedMutex } from './mutex.js';

export type StoreKind = 'sqlite' | 'redis' | 'postgres';

/**
 * The bot's key-value storage. Every repository sits on this; errors and time-outs become
 * {@link StoreUnavailableError} so a member is told plainly instead of waiting or losing data silently.
 */
export interface Store {
	readonly kind: StoreKind;
	get<T>(key: string): Promise<T | undefined>;
	getMany<T>(keys: readonly string[]): Promise<(T | undefined)[]>;
	/** Resolves only once the backend acknowledged the write. */
	set<T>(key: string, value: T, ttlMs?: number): Promise<void>;
	delete(key: string): Promise<boolean>;
	/** Runs `fn` with exclusive access to `key` within this process (for read-modify-write). */
	exclusive<T>(key: string, fn: () => Promise<T>): Promise<T>;
	/** Throws {@link StoreUnavailableError} when the backend does not answer. */
	ping(): Promise<void>;
	/** Deletes every key in this store's namespace (tests, and an organizer's reset). */
	clear(): Promise<void>;
	close(): Promise<void>;
}

export interface StoreOptions {
	/** How long one operation may take before it counts as unavailable. */
	timeoutMs?: number;
	/** Key namespace, so tests and several bots can share one server. */
	namespace?: string;
}

/** The kind of store a STORE_URL selects. */
export function storeKindOf(url: string): StoreKind {
	if (url.startsWith('sqlite://')) return 'sqlite';
	if (url.startsWith('redis://') || url.startsWith('rediss://')) return 'redis';
	if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return 'postgres';
	throw new Error(`Unsupported STORE_URL: ${url.split(':')[0]}://…`);
}

async function adapterFor(url: string, kind: StoreKind): Promise<KeyvStoreAdapter> {
	switch (kind) {
		case 'sqlite': {
			const file = url.slice('sqlite://'.length);
			if (file !== ':memory:') await mkdir(path.dirname(path.resolve(file)), { recursive: true });
			const { default: KeyvSqlite } = await import('@keyv/sqlite');
			const adapter = new KeyvSqlite({ uri: url, busyTimeout: 5000 });
			if (file !== ':memory:') {
				// WAL: one fsync per write instead of several, and readers never wait for a writer. synchronous=FULL keeps
				// every acknowledged write on disk even through a power cut, not only through a crash of the bot.
				await adapter.query('PRAGMA journal_mode=WAL');
				await adapter.query('PRAGMA synchronous=FULL');
			}
			return adapter;
		}
		case 'redis': {
			const { default: KeyvRedis } = await import('@keyv/redis');
			return new KeyvRedis(
				{
					url,
					// Fail fast while Redis is down instead of queueing commands that a member is waiting on.
					disableOfflineQueue: true,
					socket: { connectTimeout: 2000, reconnectStrategy: (retries: number) => Math.min(200 * 2 ** retries, 5000) },
				},
				{ throwOnConnectError: true, throwOnErrors: true, connectionTimeout: 2000 },
			);
		}
		case 'postgres': {
			const { ResilientPostgres } = await import('./postgres-adapter.js');
			return new ResilientPostgres({ uri: url, connectionTimeoutMillis: 2000, max: 10 });
		}
	}
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`store operation timed out after ${ms} ms`)), ms);
	});
	return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Opens the store a STORE_URL names: `sqlite://path`, `redis://…` or `postgres://…`. */
export async function openStore(url: string, options: StoreOptions = {}): Promise<Store> {
	const kind = storeKindOf(url);
	const timeoutMs = options.timeoutMs ?? 5000;
	const adapter = await adapterFor(url, kind);
	const keyv = new Keyv({ store: adapter, namespace: options.namespace ?? 'bot', throwOnErrors: true });
	// Errors are also thrown to the caller (throwOnErrors); without a listener an emitted 'error' would crash the process.
	keyv.on('error', () => {});
	(adapter as { on?: (event: string, fn: () => void) => void }).on?.('error', () => {});
	const mutex = new KeyedMutex();

	const guard = async <T>(operation: () => Promise<T>): Promise<T> => {
		try {
			return await withTimeout(operation(), timeoutMs);
		} catch (error) {
			throw new StoreUnavailableError(error);
		}
	};

	return {
		kind,
		get: <T>(key: string) => guard(async () => (await keyv.get<T>(key)) ?? undefined),
		getMany: <T>(keys: readonly string[]) =>
			guard(async () =>
				keys.length === 0 ? [] : ((await keyv.get<T>([...keys])) as (T | undefined)[]).map((v) => v ?? undefined),
			),
		set: <T>(key: string, value: T, ttlMs?: number) =>
			guard(async () => {
				const ok = await keyv.set(key, value, ttlMs);
				if (!ok) throw new Error(`write of ${key} was not acknowledged`);
			}),
		delete: (key: string) => guard(() => keyv.delete(key)),
		exclusive: (key, fn) => mutex.run(key, fn),
		ping: () =>
			guard(async () => {
				await keyv.get('__ping__');
			}),
		clear: () => guard(() => keyv.clear()),
		close: async () => {
			await keyv.disconnect().catch(() => undefined);
		},
	};
}
