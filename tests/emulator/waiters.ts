interface Waiter {
	check: () => boolean;
	resolve: () => void;
	reject: (error: Error) => void;
	timer: NodeJS.Timeout;
}

/**
 * Pending `waitFor` calls. Each is re-checked when the emulator changes (a request, a gateway event) and every
 * 10 ms, since a test may wait on state outside the emulator (what the client did with an answer).
 */
export class Waiters {
	private readonly pending = new Set<Waiter>();
	private poller: NodeJS.Timeout | undefined;

	/** Resolves with `predicate()`'s first truthy value; rejects after `timeoutMs`. */
	waitFor<T>(predicate: () => T | undefined | null | false, timeoutMs: number, description: string): Promise<T> {
		return new Promise<T>((resolve, reject) => {
			let value: T | undefined | null | false;
			const waiter: Waiter = {
				check: () => {
					value = predicate();
					return Boolean(value);
				},
				resolve: () => resolve(value as T),
				reject,
				timer: setTimeout(() => {
					this.pending.delete(waiter);
					this.notify();
					reject(new Error(`emulator: timed out after ${timeoutMs} ms waiting for ${description}`));
				}, timeoutMs),
			};
			if (waiter.check()) {
				clearTimeout(waiter.timer);
				resolve(value as T);
				return;
			}
			this.pending.add(waiter);
			this.poller ??= setInterval(() => this.notify(), 10);
		});
	}

	/** Re-checks every pending wait. */
	notify(): void {
		for (const waiter of [...this.pending]) {
			if (!waiter.check()) continue;
			clearTimeout(waiter.timer);
			this.pending.delete(waiter);
			waiter.resolve();
		}
		if (this.pending.size === 0 && this.poller) {
			clearInterval(this.poller);
			this.poller = undefined;
		}
	}

	/** Rejects every pending wait (the emulator stops) and clears the timers. */
	rejectAll(reason: string): void {
		for (const waiter of this.pending) {
			clearTimeout(waiter.timer);
			waiter.reject(new Error(reason));
		}
		this.pending.clear();
		clearInterval(this.poller);
		this.poller = undefined;
	}
}
