/** Route templates (as Discord's spec writes them) that tests most often aim faults at. */
export const EmulatorRoutes = {
	interactionCallback: 'POST /interactions/{interaction_id}/{interaction_token}/callback',
	editOriginal: 'PATCH /webhooks/{webhook_id}/{webhook_token}/messages/@original',
	followUp: 'POST /webhooks/{webhook_id}/{webhook_token}',
	editFollowUp: 'PATCH /webhooks/{webhook_id}/{webhook_token}/messages/{message_id}',
	createMessage: 'POST /channels/{channel_id}/messages',
	gatewayBot: 'GET /gateway/bot',
	bulkOverwriteGlobalCommands: 'PUT /applications/{application_id}/commands',
	bulkOverwriteGuildCommands: 'PUT /applications/{application_id}/guilds/{guild_id}/commands',
	createScheduledEvent: 'POST /guilds/{guild_id}/scheduled-events',
	startThreadFromMessage: 'POST /channels/{channel_id}/messages/{message_id}/threads',
	startThread: 'POST /channels/{channel_id}/threads',
} as const;

/** Which requests a fault applies to: `'POST /channels/{channel_id}/messages'`, a bare template, or a predicate. */
export type RouteSelector = string | ((request: { method: string; path: string; route: string | null }) => boolean);

export interface HttpFault {
	route: RouteSelector;
	/** 429, or a server error such as 500, 502, 503. */
	status: number;
	/** How many matching requests get it (default 1). */
	count?: number;
	/** For 429: how long the client must wait; sent as `Retry-After` and `retry_after` in seconds (default 1000 ms). */
	retryAfterMs?: number;
	/** For 429: a global limit (`X-RateLimit-Global: true`, scope `global`) rather than a per-route one. */
	global?: boolean;
	/** For 429: `X-RateLimit-Scope` (default `user`, or `global` when global). */
	scope?: 'user' | 'shared' | 'global';
	/**
	 * `before` (default): Discord refuses the request and does nothing.
	 * `after`: Discord does the work, then answers with the error (a gateway time-out after the fact),
	 * so a retry meets the consequences, e.g. 40060 "already acknowledged".
	 */
	when?: 'before' | 'after';
}

export interface DelayFault {
	route: RouteSelector;
	/** Added before the request is handled, as slow network or a slow Discord would. */
	delayMs: number;
	count?: number;
}

interface Armed<T> {
	fault: T;
	remaining: number;
}

function matches(selector: RouteSelector, method: string, path: string, route: string | null): boolean {
	if (typeof selector === 'function') return selector({ method, path, route });
	// `route` is `METHOD template`; a selector may leave the method out.
	return selector.includes(' ') ? selector === route : route?.slice(route.indexOf(' ') + 1) === selector;
}

/** Faults armed by a test; each is used up by the requests it matches. */
export class FaultPlan {
	private readonly http: Armed<HttpFault>[] = [];
	private readonly delays: Armed<DelayFault>[] = [];
	/** Every fault that fired, in order, for assertions. */
	readonly fired: {
		kind: 'http' | 'delay';
		method: string;
		path: string;
		route: string | null;
		status?: number;
		delayMs?: number;
	}[] = [];

	/** Answers the next `count` matching requests with `status` (429 with rate-limit headers, or 5xx). */
	failNext(fault: HttpFault): void {
		this.http.push({ fault, remaining: fault.count ?? 1 });
	}

	/** Holds the next `count` matching requests for `delayMs` before handling them. */
	delayNext(fault: DelayFault): void {
		this.delays.push({ fault, remaining: fault.count ?? 1 });
	}

	clear(): void {
		this.http.length = 0;
		this.delays.length = 0;
	}

	takeHttpFault(method: string, path: string, route: string | null): HttpFault | undefined {
		const armed = this.http.find((a) => a.remaining > 0 && matches(a.fault.route, method, path, route));
		if (!armed) return undefined;
		armed.remaining -= 1;
		this.fired.push({ kind: 'http', method, path, route, status: armed.fault.status });
		return armed.fault;
	}

	takeDelay(method: string, path: string, route: string | null): number {
		const armed = this.delays.find((a) => a.remaining > 0 && matches(a.fault.route, method, path, route));
		if (!armed) return 0;
		armed.remaining -= 1;
		this.fired.push({ kind: 'delay', method, path, route, delayMs: armed.fault.delayMs });
		return armed.fault.delayMs;
	}
}
