import type { Store, StoreKind } from './store.js';

/** The store's part of /healthz: its kind, and whether it answers a ping (with the error when it does not). */
export interface StoreHealth {
	kind: StoreKind;
	ok: boolean;
	error?: string;
}

export function storeHealth(store: Store): Promise<StoreHealth> {
	return store.ping().then(
		() => ({ kind: store.kind, ok: true }),
		(error: unknown) => ({
			kind: store.kind,
			ok: false,
			error: error instanceof Error ? error.message : String(error),
		}),
	);
}
