import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
	GatewayDispatchEvents,
	InteractionType,
	type APIApplicationCommand,
	type APIGuildScheduledEvent,
	type APIInteraction,
	type APIThreadChannel,
} from 'discord-api-types/v10';
import type { EmulatorCore, ResolvedOptions } from './core.js';
import { discordSpec } from '../spec/openapi.js';
import { EmulatorRoutes, FaultPlan } from './faults.js';
import { Gateway, type GatewayEvent, type GatewaySession } from './gateway.js';
import { HttpPipeline, type RecordedRequest, type SpecViolation } from './http-pipeline.js';
import { buildInteraction, type DispatchInput } from './interaction-payloads.js';
import { makeHandle, type InteractionHandle } from './interaction-handle.js';
import type { InteractionKind, InteractionRecord } from './interaction-record.js';
import { Interactions } from './interactions.js';
import type { StoredMessage } from './stored-message.js';
import { appRoutes } from './routes-app.js';
import { channelRoutes } from './routes-channels.js';
import { guildRoutes } from './routes-guilds.js';
import { shardOf } from './snowflake.js';
import { Waiters } from './waiters.js';
import { DEFAULT_GUILD_SEED, World, type GuildSeed } from './world.js';

export type { InteractionHandle } from './interaction-handle.js';

export interface EmulatorOptions extends Partial<ResolvedOptions> {
	/** Guilds to create (default: one study-group guild with #general, #study-lab, #announcements, a voice channel, ada and alan). */
	guilds?: GuildSeed[];
	botName?: string;
}

const DEFAULTS: ResolvedOptions = {
	token: 'emulator.bot.token',
	heartbeatIntervalMs: 41_250,
	shards: 1,
	maxConcurrency: 1,
	responseWindowMs: 3_000,
	tokenLifetimeMs: 15 * 60_000,
	nonceWindowMs: 5 * 60_000,
	rateLimit: { limit: 50, windowMs: 1_000 },
	rejectInvalidBodies: true,
	uploadLimitBytes: 10 * 1024 * 1024,
};

const HOT_ROUTES = [
	EmulatorRoutes.interactionCallback,
	EmulatorRoutes.editOriginal,
	EmulatorRoutes.followUp,
	EmulatorRoutes.editFollowUp,
	EmulatorRoutes.createMessage,
	'PATCH /channels/{channel_id}/messages/{message_id}',
];

function kindOf(payload: APIInteraction): InteractionKind {
	switch (payload.type) {
		case InteractionType.ApplicationCommandAutocomplete:
			return 'autocomplete';
		case InteractionType.MessageComponent:
			return 'component';
		case InteractionType.ModalSubmit:
			return 'modal';
		default:
			return 'command';
	}
}

/**
 * A local Discord: REST under `/api/v10`, a gateway on `/gateway`, state a test can inspect, and faults it can
 * inject. Start it with {@link startEmulator}; point a discord.js Client at it with {@link DiscordEmulator.clientOptions}.
 */
export class DiscordEmulator {
	readonly world: World;
	readonly faults = new FaultPlan();
	readonly options: ResolvedOptions;
	readonly gateway: Gateway;
	readonly interactions: Interactions;
	private readonly http: HttpPipeline;
	private readonly server: Server;
	private readonly waiters = new Waiters();
	private readonly sentEvents = new Map<GatewayEvent, InteractionRecord>();
	private readonly recordSessions = new Map<string, GatewaySession>();
	private port = 0;

	constructor(options: EmulatorOptions = {}) {
		this.options = { ...DEFAULTS, ...options, rateLimit: { ...DEFAULTS.rateLimit, ...options.rateLimit } };
		this.world = new World(options.botName);
		for (const seed of options.guilds ?? [DEFAULT_GUILD_SEED]) this.world.addGuild(seed);
		const changed = (): void => this.changed();
		this.gateway = new Gateway({
			world: this.world,
			token: this.options.token,
			heartbeatIntervalMs: this.options.heartbeatIntervalMs,
			baseUrl: () => this.baseUrl.replace(/^http/, 'ws'),
			onChange: changed,
			onSent: (event) => {
				const record = this.sentEvents.get(event);
				if (record) record.deliveredAt = Date.now();
			},
		});
		this.interactions = new Interactions(this.world, this.options, () => this.baseUrl, changed);
		const core: EmulatorCore = {
			world: this.world,
			interactions: this.interactions,
			gateway: this.gateway,
			options: this.options,
			baseUrl: () => this.baseUrl,
			emitToGuild: (guildId, event, data, intent) => {
				const session = this.gateway.sessionForGuild(guildId);
				if (session && (session.intents & intent) !== 0) this.gateway.dispatch(session, event, data);
			},
		};
		this.http = new HttpPipeline(core, { ...appRoutes, ...channelRoutes, ...guildRoutes }, this.faults, changed);
		this.server = createServer((request, response) => {
			this.http.handle(request, response).catch((error: unknown) => {
				response
					.writeHead(500, { 'content-type': 'application/json' })
					.end(JSON.stringify({ message: String(error), code: 0 }));
			});
		});
		this.server.on('upgrade', (request, socket, head) => {
			if (request.url?.startsWith('/gateway')) this.gateway.handleUpgrade(request, socket, head);
			else socket.destroy();
		});
	}

	/**
	 * Listens on 127.0.0.1 on a free port. Compiles the validators of the hot routes first: compiling one takes
	 * 0.1–1 s of CPU, which would otherwise stall the event loop the client shares in the middle of a test.
	 */
	async listen(): Promise<this> {
		discordSpec().warm(HOT_ROUTES);
		await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
		this.port = (this.server.address() as AddressInfo).port;
		return this;
	}

	/** `http://127.0.0.1:<port>` */
	get baseUrl(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	/** What discord.js's `rest.api` option takes: `http://127.0.0.1:<port>/api`. */
	get apiUrl(): string {
		return `${this.baseUrl}/api`;
	}

	get token(): string {
		return this.options.token;
	}

	get applicationId(): string {
		return this.world.application.id;
	}

	/** Options to spread into `new Client({...})` so it talks to this emulator. */
	clientOptions(): { rest: { api: string } } {
		return { rest: { api: this.apiUrl } };
	}

	/** Every request the bot made, in order. */
	get requests(): readonly RecordedRequest[] {
		return this.http.requests;
	}

	/** Bodies that broke Discord's spec or a documented limit. */
	get violations(): readonly SpecViolation[] {
		return this.http.violations;
	}

	/** Requests to routes Discord does not have (or the emulator does not serve). */
	get unknownRoutes(): readonly RecordedRequest[] {
		return this.http.unknownRoutes;
	}

	/** Forgets recorded requests, violations and unknown routes (after a test that provoked them on purpose). */
	clearRecords(): void {
		this.http.requests.length = 0;
		this.http.violations.length = 0;
		this.http.unknownRoutes.length = 0;
	}

	/** Messages members see in a channel (by id or name), oldest first; ephemeral ones only if asked. */
	channelMessages(
		channel: string,
		options: { includeEphemeral?: boolean; includeDeleted?: boolean } = {},
	): StoredMessage[] {
		const channelId = this.world.channel(channel) ? channel : this.world.channelByName(channel).id;
		return this.world
			.messagesIn(channelId)
			.filter((m) => (options.includeEphemeral || !m.ephemeral) && (options.includeDeleted || !m.deleted));
	}

	threads(guildId?: string): APIThreadChannel[] {
		return [...this.world.guilds.values()]
			.filter((g) => !guildId || g.guild.id === guildId)
			.flatMap((g) => [...g.threads.values()]);
	}

	scheduledEvents(guildId?: string): APIGuildScheduledEvent[] {
		return [...this.world.guilds.values()]
			.filter((g) => !guildId || g.guild.id === guildId)
			.flatMap((g) => [...g.scheduledEvents.values()]);
	}

	/** Registered commands: global ones, or a guild's. */
	commands(guildId?: string): APIApplicationCommand[] {
		return [
			...(guildId ? (this.world.guildCommands.get(guildId)?.values() ?? []) : this.world.globalCommands.values()),
		];
	}

	/**
	 * Delivers an interaction over the gateway to the shard that holds its guild, the way Discord's client would
	 * create it. If the shard is disconnected, the event waits in its session and is replayed on RESUME.
	 */
	dispatchInteraction(input: DispatchInput): InteractionHandle {
		const id = this.world.ids.next();
		const token = `aW50ZXJhY3Rpb246${id}${randomBytes(48).toString('base64url')}`;
		const built = buildInteraction(this.world, input, id, token);
		const session = this.gateway.sessionForGuild(built.guildId);
		const shardId = shardOf(built.guildId, this.gateway.shardCount);
		if (!session && ![...this.gateway.sessions.values()].some((s) => s.shard[0] === shardId)) {
			throw new Error(`no client ever connected shard ${shardId} (guild ${built.guildId}): log a client in first`);
		}
		const record = this.interactions.create(built, kindOf(built.payload), id, token);
		if (!session) {
			// Between an invalidated session and the next READY nobody receives it; on Discord the member sees "interaction failed".
			record.lost = true;
			return this.handle(record);
		}
		this.recordSessions.set(id, session);
		const sent = this.gateway.dispatch(session, GatewayDispatchEvents.InteractionCreate, built.payload);
		// Sent now if the shard is connected; otherwise onSent times the RESUME replay.
		if (session.connection && !session.connection.closed) record.deliveredAt = Date.now();
		this.sentEvents.set(sent, record);
		return this.handle(record);
	}

	/**
	 * Resolves with `predicate()`'s first truthy value, re-checked on every request and gateway event, and every
	 * 10 ms for conditions on state outside the emulator (what the client did with an answer).
	 */
	waitFor<T>(predicate: () => T | undefined | null | false, timeoutMs = 5_000, description = 'condition'): Promise<T> {
		return this.waiters.waitFor(predicate, timeoutMs, description);
	}

	/** Waits until every shard in `0..count-1` has a live session with an open connection. */
	waitForShards(count = this.options.shards, timeoutMs = 5_000): Promise<GatewaySession[]> {
		return this.waitFor(
			() => {
				const sessions = Array.from({ length: count }, (_, i) => this.gateway.session(i));
				return sessions.every((s) => s?.connection && !s.connection.closed)
					? (sessions as GatewaySession[])
					: undefined;
			},
			timeoutMs,
			`${count} shard(s) to be connected`,
		);
	}

	/** Closes a shard's connection with a close code (4000: resumable; 4007/4009/1000: the session ends). */
	closeShard(shardId: number, code?: number): void {
		this.gateway.closeShard(shardId, code);
	}

	/** Drops a shard's connection without a close frame (the client sees 1006 and resumes). */
	dropShard(shardId: number): void {
		this.gateway.dropShard(shardId);
	}

	/** Sends op 7 RECONNECT to a shard. */
	requestReconnect(shardId: number): void {
		this.gateway.requestReconnect(shardId);
	}

	/** Sends op 9 INVALID_SESSION to a shard. */
	invalidateSession(shardId: number, resumable: boolean): void {
		this.gateway.invalidateSession(shardId, resumable);
	}

	/** Closes every socket and the server; pending waits reject. */
	async stop(): Promise<void> {
		this.waiters.rejectAll('emulator stopped');
		this.gateway.close();
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}

	private handle(record: InteractionRecord): InteractionHandle {
		return makeHandle(record, this.waiters, () => this.recordSessions.get(record.id)?.invalid === true);
	}

	private changed(): void {
		this.waiters.notify();
	}
}

/** Starts an emulator on 127.0.0.1 (random free port). Call `stop()` when done. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<DiscordEmulator> {
	return new DiscordEmulator(options).listen();
}
