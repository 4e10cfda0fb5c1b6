/** One Server-Sent Event. */
export interface SseEvent {
	event: string;
	data: unknown;
}

/** Reads a Server-Sent Events stream with fetch, for tests: `next(match)` waits for the first matching event. */
export async function openEvents(url: string): Promise<{
	next(match: (e: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>;
	seen: SseEvent[];
	close(): void;
}> {
	const abort = new AbortController();
	const response = await fetch(url, { signal: abort.signal });
	if (!response.ok || !response.body) throw new Error(`event stream: ${response.status}`);
	const seen: SseEvent[] = [];
	const waiters = new Set<() => void>();
	const decoder = new TextDecoder();
	let buffer = '';
	void (async () => {
		try {
			for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
				buffer += decoder.decode(chunk, { stream: true });
				let end: number;
				while ((end = buffer.indexOf('\n\n')) >= 0) {
					const block = buffer.slice(0, end);
					buffer = buffer.slice(end + 2);
					const event = /^event: (.*)$/m.exec(block)?.[1];
					const data = /^data: (.*)$/m.exec(block)?.[1];
					if (event && data !== undefined) seen.push({ event, data: JSON.parse(data) });
					for (const wake of waiters) wake();
				}
			}
		} catch {
			// aborted by close()
		}
	})();
	return {
		seen,
		next(match, timeoutMs = 5000) {
			return new Promise((resolve, reject) => {
				const check = () => {
					const found = seen.find(match);
					if (!found) return false;
					waiters.delete(check);
					clearTimeout(timer);
					resolve(found);
					return true;
				};
				const timer = setTimeout(() => {
					waiters.delete(check);
					reject(
						new Error(
							`no matching event within ${timeoutMs} ms; saw ${seen.map((e) => e.event).join(', ') || 'nothing'}`,
						),
					);
				}, timeoutMs);
				if (!check()) waiters.add(check);
			});
		},
		close: () => abort.abort(),
	};
}
