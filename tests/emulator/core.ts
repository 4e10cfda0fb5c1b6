import type { Gateway } from './gateway.js';
import type { Interactions, RouteResult } from './interactions.js';
import type { UploadedFile } from './messages.js';
import type { World } from './world.js';

/** Settings of one emulator run, all with defaults (see `startEmulator`). */
export interface ResolvedOptions {
	token: string;
	heartbeatIntervalMs: number;
	/** `shards` that `GET /gateway/bot` recommends. */
	shards: number;
	/** `session_start_limit.max_concurrency` (Discord gives 1 to most bots). */
	maxConcurrency: number;
	responseWindowMs: number;
	tokenLifetimeMs: number;
	/** How long a channel-message nonce deduplicates (Discord: "a few minutes"). */
	nonceWindowMs: number;
	/** Per-bucket limit and window the emulator enforces and reports in `X-RateLimit-*`. */
	rateLimit: { limit: number; windowMs: number };
	/** Answer spec-invalid bodies with 400 50035 as Discord would (true), or only record them (false). */
	rejectInvalidBodies: boolean;
	uploadLimitBytes: number;
}

/** What route handlers reach: the state, the gateway, and a way to emit gateway events. */
export interface EmulatorCore {
	world: World;
	interactions: Interactions;
	gateway: Gateway;
	options: ResolvedOptions;
	/** `http://127.0.0.1:<port>` */
	baseUrl(): string;
	/** Sends a dispatch to the session that holds the guild, if its intents ask for it. */
	emitToGuild(guildId: string, event: string, data: unknown, intent: number): void;
}

export interface RouteContext {
	core: EmulatorCore;
	method: string;
	/** The spec's path template, e.g. `/channels/{channel_id}/messages`. */
	template: string;
	params: Record<string, string>;
	query: URLSearchParams;
	/** Parsed JSON body or multipart `payload_json`. */
	json: unknown;
	files: UploadedFile[];
	/** When the request arrived (Date.now()); Discord's deadlines count to this, not to when it was handled. */
	receivedAt: number;
}

export type RouteHandler = (context: RouteContext) => RouteResult | Promise<RouteResult>;

/** Handlers keyed `METHOD template`. */
export type RouteTable = Record<string, RouteHandler>;

export type { RouteResult } from './interactions.js';
