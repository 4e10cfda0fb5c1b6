import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import {
	GatewayCloseCodes,
	GatewayDispatchEvents,
	GatewayIntentBits,
	GatewayOpcodes,
	type GatewayReadyDispatchData,
} from 'discord-api-types/v10';
import { WebSocketServer, type WebSocket } from 'ws';
import { guildCreate, type IdentifyData, type MemberRequest } from './gateway-payloads.js';
import { shardOf } from './snowflake.js';
import type { World } from './world.js';

/** One dispatch the gateway sent (or holds for a disconnected session), with its sequence number. */
export interface GatewayEvent {
	s: number;
	t: string;
	d: unknown;
}

/** A gateway session: survives disconnections until it is invalidated, and replays missed events on RESUME. */
export interface GatewaySession {
	id: string;
	shard: [number, number];
	intents: number;
	seq: number;
	/** Every dispatch of the session, for RESUME replays. */
	events: GatewayEvent[];
	connection: GatewayConnection | null;
	invalid: boolean;
	resumes: number;
}

/** One WebSocket connection; over its life it may identify, resume, or neither. */
export interface GatewayConnection {
	id: number;
	/** Path and query the client connected with, e.g. `/gateway?v=10&encoding=json`. */
	url: string;
	socket: WebSocket;
	session: GatewaySession | null;
	heartbeats: number;
	/** Close code and who closed, once closed. */
	closed: { code: number; by: 'client' | 'server' } | null;
	/** Every payload the client sent, in order. */
	received: { op: number; d: unknown }[];
}

export interface GatewayOptions {
	world: World;
	token: string;
	heartbeatIntervalMs: number;
	/** ws:// URL of the emulator's HTTP server, without path. */
	baseUrl: () => string;
	onChange: () => void;
	/** Called whenever a dispatch is actually written to a socket (live, or replayed on RESUME). */
	onSent: (event: GatewayEvent) => void;
}

// Close codes after which Discord will not accept a RESUME of the session.
const SESSION_ENDING_CODES = new Set<number>([
	1000,
	1001,
	GatewayCloseCodes.AuthenticationFailed,
	GatewayCloseCodes.InvalidSeq,
	GatewayCloseCodes.SessionTimedOut,
	GatewayCloseCodes.InvalidShard,
	GatewayCloseCodes.ShardingRequired,
	GatewayCloseCodes.InvalidAPIVersion,
	GatewayCloseCodes.InvalidIntents,
	GatewayCloseCodes.DisallowedIntents,
]);

/** The emulated gateway: HELLO, IDENTIFY/READY/GUILD_CREATE, heartbeats, sequence numbers, RESUME with replay. */
export class Gateway {
	readonly sessions = new Map<string, GatewaySession>();
	readonly connections: GatewayConnection[] = [];
	private readonly wss = new WebSocketServer({ noServer: true });
	private nextConnectionId = 1;

	constructor(private readonly options: GatewayOptions) {}

	/** Takes over an HTTP upgrade request on `/gateway…`. */
	handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
		this.wss.handleUpgrade(request, socket, head, (ws) => this.onConnection(ws, request.url ?? '/gateway'));
	}

	get resumeUrl(): string {
		return `${this.options.baseUrl()}/gateway/resume`;
	}

	/** The live (not invalidated) session of a shard, if a client identified for it. */
	session(shardId: number): GatewaySession | undefined {
		let found: GatewaySession | undefined;
		for (const session of this.sessions.values()) if (!session.invalid && session.shard[0] === shardId) found = session;
		return found;
	}

	/** The shard count clients identified with (1 before any client identified). */
	get shardCount(): number {
		for (const session of this.sessions.values()) if (!session.invalid) return session.shard[1];
		return 1;
	}

	/** The session that receives a guild's events. */
	sessionForGuild(guildId: string | undefined): GatewaySession | undefined {
		return this.session(guildId ? shardOf(guildId, this.shardCount) : 0);
	}

	/** Sends a dispatch to a session, or keeps it for replay if the session is between connections. */
	dispatch(session: GatewaySession, t: string, d: unknown): GatewayEvent {
		session.seq += 1;
		const event: GatewayEvent = { s: session.seq, t, d };
		session.events.push(event);
		if (session.events.length > 2000) session.events.shift();
		const connection = session.connection;
		if (connection && !connection.closed && connection.socket.readyState === connection.socket.OPEN)
			this.sendEvent(connection, event);
		this.options.onChange();
		return event;
	}

	/** Closes a shard's connection from the server side with `code` (4000 keeps the session resumable). */
	closeShard(shardId: number, code: number = GatewayCloseCodes.UnknownError, reason = 'emulator fault'): void {
		const connection = this.liveConnection(shardId);
		if (SESSION_ENDING_CODES.has(code) && connection.session) connection.session.invalid = true;
		connection.closed = { code, by: 'server' };
		connection.socket.close(code, reason);
	}

	/** Drops a shard's TCP connection without a close frame (the client sees 1006). */
	dropShard(shardId: number): void {
		const connection = this.liveConnection(shardId);
		connection.closed = { code: 1006, by: 'server' };
		connection.socket.terminate();
	}

	/** Sends op 7 RECONNECT: the client should reconnect and RESUME. */
	requestReconnect(shardId: number): void {
		this.send(this.liveConnection(shardId), { op: GatewayOpcodes.Reconnect, d: null });
	}

	/** Sends op 9 INVALID_SESSION; `resumable: false` ends the session, so the client must IDENTIFY again. */
	invalidateSession(shardId: number, resumable: boolean): void {
		const connection = this.liveConnection(shardId);
		if (!resumable && connection.session) connection.session.invalid = true;
		this.send(connection, { op: GatewayOpcodes.InvalidSession, d: resumable });
	}

	close(): void {
		for (const connection of this.connections) {
			if (
				connection.socket.readyState === connection.socket.OPEN ||
				connection.socket.readyState === connection.socket.CONNECTING
			) {
				connection.socket.terminate();
			}
		}
		this.wss.close();
	}

	private liveConnection(shardId: number): GatewayConnection {
		const connection = this.session(shardId)?.connection;
		if (!connection || connection.closed) throw new Error(`shard ${shardId} has no open gateway connection`);
		return connection;
	}

	private send(
		connection: GatewayConnection,
		payload: { op: number; d: unknown; s?: number | null; t?: string | null },
	): void {
		connection.socket.send(JSON.stringify({ s: null, t: null, ...payload }));
	}

	private sendEvent(connection: GatewayConnection, event: GatewayEvent): void {
		this.send(connection, { op: GatewayOpcodes.Dispatch, ...event });
		this.options.onSent(event);
	}

	private onConnection(socket: WebSocket, url: string): void {
		const connection: GatewayConnection = {
			id: this.nextConnectionId++,
			url,
			socket,
			session: null,
			heartbeats: 0,
			closed: null,
			received: [],
		};
		this.connections.push(connection);
		const query = new URL(url, 'ws://emulator').searchParams;
		socket.on('close', (code) => {
			connection.closed ??= { code, by: 'client' };
			const session = connection.session;
			if (session?.connection === connection) {
				session.connection = null;
				// A client closing with 1000/1001 ends its session, as on Discord.
				if (connection.closed.by === 'client' && (code === 1000 || code === 1001)) session.invalid = true;
			}
			this.options.onChange();
		});
		socket.on('message', (raw: Buffer) => this.onMessage(connection, raw.toString('utf8')));
		if (query.get('v') !== '10') return void socket.close(GatewayCloseCodes.InvalidAPIVersion, 'Invalid API version');
		if (query.get('encoding') !== 'json')
			return void socket.close(GatewayCloseCodes.DecodeError, 'the emulator speaks encoding=json only');
		if (query.has('compress'))
			return void socket.close(GatewayCloseCodes.DecodeError, 'the emulator does not compress (zlib-stream)');
		this.send(connection, {
			op: GatewayOpcodes.Hello,
			d: { heartbeat_interval: this.options.heartbeatIntervalMs, _trace: ['emulator'] },
		});
		this.options.onChange();
	}

	private onMessage(connection: GatewayConnection, text: string): void {
		let payload: { op?: unknown; d?: unknown };
		try {
			payload = JSON.parse(text) as { op?: unknown; d?: unknown };
		} catch {
			connection.socket.close(GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
			return;
		}
		connection.received.push({ op: Number(payload.op), d: payload.d });
		switch (payload.op) {
			case GatewayOpcodes.Heartbeat:
				connection.heartbeats += 1;
				this.send(connection, { op: GatewayOpcodes.HeartbeatAck, d: null });
				break;
			case GatewayOpcodes.Identify:
				this.identify(connection, payload.d as IdentifyData);
				break;
			case GatewayOpcodes.Resume:
				this.resume(connection, payload.d as { token?: string; session_id?: string; seq?: number });
				break;
			case GatewayOpcodes.RequestGuildMembers:
				if (!connection.session) connection.socket.close(GatewayCloseCodes.NotAuthenticated, 'Not authenticated.');
				else this.memberChunk(connection.session, payload.d as MemberRequest);
				break;
			case GatewayOpcodes.PresenceUpdate:
			case GatewayOpcodes.VoiceStateUpdate:
				if (!connection.session) connection.socket.close(GatewayCloseCodes.NotAuthenticated, 'Not authenticated.');
				break;
			default:
				connection.socket.close(GatewayCloseCodes.UnknownOpcode, 'Unknown opcode.');
		}
		this.options.onChange();
	}

	private identify(connection: GatewayConnection, data: IdentifyData): void {
		if (connection.session)
			return void connection.socket.close(GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated.');
		if (data?.token !== this.options.token)
			return void connection.socket.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
		const [shardId, shardCount] = data.shard ?? [0, 1];
		if (!(shardCount >= 1 && shardId >= 0 && shardId < shardCount)) {
			return void connection.socket.close(GatewayCloseCodes.InvalidShard, 'Invalid shard.');
		}
		if (typeof data.intents !== 'number')
			return void connection.socket.close(GatewayCloseCodes.InvalidIntents, 'Invalid intent(s).');
		if (typeof data.properties !== 'object' || data.properties === null) {
			return void connection.socket.close(
				GatewayCloseCodes.DecodeError,
				'IDENTIFY needs properties {os, browser, device}.',
			);
		}
		// A new session for a shard supersedes the old one; a new shard count (the bot was resharded) supersedes every
		// session of the old count, whose guild split no longer holds.
		for (const old of this.sessions.values())
			if (old.shard[0] === shardId || old.shard[1] !== shardCount) old.invalid = true;
		const session: GatewaySession = {
			id: randomBytes(16).toString('hex'),
			shard: [shardId, shardCount],
			intents: data.intents,
			seq: 0,
			events: [],
			connection,
			invalid: false,
			resumes: 0,
		};
		this.sessions.set(session.id, session);
		connection.session = session;
		const { world } = this.options;
		const guilds = [...world.guilds.values()].filter((g) => shardOf(g.guild.id, shardCount) === shardId);
		const ready: GatewayReadyDispatchData = {
			v: 10,
			user: world.botUser,
			guilds: guilds.map((g) => ({ id: g.guild.id, unavailable: true })),
			session_id: session.id,
			resume_gateway_url: this.resumeUrl,
			shard: [shardId, shardCount],
			application: {
				id: world.application.id,
				flags: world.application.flags,
				flags_new: String(world.application.flags),
			},
		};
		this.dispatch(session, GatewayDispatchEvents.Ready, ready);
		if ((data.intents & GatewayIntentBits.Guilds) !== 0) {
			for (const guild of guilds) this.dispatch(session, GatewayDispatchEvents.GuildCreate, guildCreate(guild, world));
		}
	}

	/** Answers op 8 with one GUILD_MEMBERS_CHUNK (small guilds fit in one). */
	private memberChunk(session: GatewaySession, request: MemberRequest): void {
		const guild = this.options.world.guild(request?.guild_id ?? '');
		if (!guild) return;
		const all = [...guild.members.values()];
		const wanted = request.user_ids === undefined ? undefined : [request.user_ids].flat();
		const query = (request.query ?? '').toLowerCase();
		const members = wanted
			? all.filter((m) => wanted.includes(m.user.id))
			: all.filter((m) => m.user.username.toLowerCase().startsWith(query)).slice(0, request.limit || undefined);
		this.dispatch(session, GatewayDispatchEvents.GuildMembersChunk, {
			guild_id: guild.guild.id,
			members,
			chunk_index: 0,
			chunk_count: 1,
			...(wanted ? { not_found: wanted.filter((id) => !guild.members.has(id)) } : {}),
			...(request.nonce ? { nonce: request.nonce } : {}),
		});
	}

	private resume(connection: GatewayConnection, data: { token?: string; session_id?: string; seq?: number }): void {
		if (data?.token !== this.options.token)
			return void connection.socket.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
		const session = this.sessions.get(data.session_id ?? '');
		if (!session || session.invalid) {
			this.send(connection, { op: GatewayOpcodes.InvalidSession, d: false });
			return;
		}
		const seq = data.seq ?? 0;
		if (seq > session.seq) return void connection.socket.close(GatewayCloseCodes.InvalidSeq, 'Invalid seq.');
		const previous = session.connection;
		if (previous && previous !== connection && !previous.closed) {
			previous.closed = { code: 4000, by: 'server' };
			previous.socket.close(4000, 'Session resumed elsewhere');
		}
		session.connection = connection;
		connection.session = session;
		session.resumes += 1;
		for (const event of session.events) if (event.s > seq) this.sendEvent(connection, event);
		this.dispatch(session, GatewayDispatchEvents.Resumed, {});
	}
}
