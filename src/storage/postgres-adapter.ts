import KeyvPostgres from '@keyv/postgres';
import pg from 'pg';

interface SharedPool {
	pool: pg.Pool;
	users: number;
}

/** One pool per connection string in this process, shared by every store on it, ended when the last one closes. */
const pools = new Map<string, SharedPool>();
const owned = new WeakMap<KeyvPostgres, string>();

/**
 * @keyv/postgres with pools that survive the server going away. Its own pool has no 'error' listener, so when
 * PostgreSQL restarts or cuts connections, an idle client's error is emitted on the pool unheard and the process
 * crashes (found by tests/faults/store-outage.e2e.test.ts); and its one module-wide pool is ended by the first store
 * that closes, under the others still using it. Here a broken idle client is dropped (pg replaces it on the next
 * query) and each store releases its share.
 */
export class ResilientPostgres extends KeyvPostgres {
	// Called by the base constructor, before this class's fields exist: state lives in the maps above.
	override async connect(): Promise<(sql: string, values?: unknown[]) => Promise<unknown[]>> {
		const { uri, ...options } = this.opts as { uri: string } & pg.PoolConfig;
		let shared = pools.get(uri);
		if (!shared) {
			const pool = new pg.Pool({ ...options, connectionString: uri });
			// A query in flight gets its own rejection (a StoreUnavailableError for the member); this one is only the idle client's.
			pool.on('error', () => {});
			shared = { pool, users: 0 };
			pools.set(uri, shared);
		}
		if (!owned.has(this)) {
			shared.users += 1;
			owned.set(this, uri);
		}
		const pool = shared.pool;
		return async (sql, values) => (await pool.query(sql, values)).rows as unknown[];
	}

	override async disconnect(): Promise<void> {
		const uri = owned.get(this);
		if (uri === undefined) return;
		owned.delete(this);
		const shared = pools.get(uri);
		if (!shared) return;
		shared.users -= 1;
		if (shared.users <= 0) {
			pools.delete(uri);
			await shared.pool.end();
		}
	}
}
