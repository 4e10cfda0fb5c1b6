/**
 * Serialises async work per key inside this process. Keyv has no transactions, so a read-modify-write of one key
 * (an index, a counter) runs under this lock; each guild is served by exactly one process, so that is enough.
 */
export class KeyedMutex {
	private readonly tails = new Map<string, Promise<unknown>>();

	async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
		const previous = this.tails.get(key) ?? Promise.resolve();
		const result = previous.then(fn, fn);
		const tail = result.then(
			() => undefined,
			() => undefined,
		);
		this.tails.set(key, tail);
		try {
			return await result;
		} finally {
			if (this.tails.get(key) === tail) this.tails.delete(key);
		}
	}
}
