import { ChannelType, RESTJSONErrorCodes } from 'discord-api-types/v10';
import { systemClock, type Clock } from '../core/clock.js';
import type { Actor } from '../core/actor.js';
import type { ScheduledEventInput } from '../core/poster.js';
import type { Reply } from '../core/reply.js';
import {
	LOCAL_BOT_NAME,
	LOCAL_GUILD_NAME,
	LOCAL_IDS,
	ROLE_INFO,
	SEED_CHANNELS,
	SEED_MEMBERS,
	actorOf,
	type LocalChannel,
	type LocalMember,
	type LocalRole,
	type LocalRoleInfo,
} from './guild.js';
import { LocalApiError, bodyOf, checkReply, type LocalAuthor, type LocalMessage } from './message.js';
import { SnowflakeFactory } from './snowflake.js';

/** A guild scheduled event, as the poster created it. */
export interface LocalScheduledEvent {
	id: string;
	guildId: string;
	name: string;
	description: string | null;
	startsAt: Date;
	endsAt: Date;
	/** The voice channel of the meeting, or null for an external event at `location`. */
	channelId: string | null;
	location: string | null;
}

/** What changed in the workspace; the local page receives these over Server-Sent Events. */
export type WorkspaceEvent =
	| { type: 'message'; message: LocalMessage }
	| { type: 'delete'; channelId: string; messageId: string; visibleTo: string | null }
	| { type: 'channel'; channel: LocalChannel }
	| { type: 'channel-delete'; channelId: string }
	| { type: 'scheduled-event'; event: LocalScheduledEvent; deleted?: true };

export interface WorkspaceOptions {
	/** Where message times and ids come from; tests pass a fake clock to run scheduled posts in milliseconds. */
	clock?: Clock;
}

/** Discord returns the earlier message for a repeated nonce "within the past few minutes"; it does not say how many. */
export const NONCE_WINDOW_MS = 5 * 60_000;

/**
 * The state of the local mode's in-memory Discord guild: channels, members, messages (with ephemeral ones), threads
 * and scheduled events, with the checks Discord makes. The poster and the responders write through it;
 * {@link LocalWorkspace} (workspace.ts) puts them together.
 *
 * It refuses what Discord would refuse (empty messages, unknown channels, posting where the bot lacks Send
 * Messages) with a {@link LocalApiError} carrying Discord's error code. Returned objects are live: do not mutate them.
 */
export class WorkspaceState {
	/** The fake guild's fixed ids (guild, bot, channels, roles). */
	readonly ids = LOCAL_IDS;
	/** `preferredLocale`: the server's language (Discord's `guild_locale`), which the page's picker sets. */
	readonly guild = { id: LOCAL_IDS.guild, name: LOCAL_GUILD_NAME, preferredLocale: 'en-US' };
	readonly bot: LocalAuthor = { id: LOCAL_IDS.bot, name: LOCAL_BOT_NAME, bot: true };
	readonly roles: readonly LocalRoleInfo[] = ROLE_INFO;

	private readonly clock: Clock;
	private readonly snowflakes: SnowflakeFactory;
	private readonly channelMap = new Map<string, LocalChannel>();
	private readonly memberMap = new Map<string, LocalMember>();
	private readonly messageMap = new Map<string, LocalMessage>();
	private readonly channelMessages = new Map<string, string[]>();
	private readonly events: LocalScheduledEvent[] = [];
	private readonly nonces = new Map<string, { messageId: string; at: number }>();
	private readonly listeners = new Set<(event: WorkspaceEvent) => void>();

	constructor(options: WorkspaceOptions = {}) {
		this.clock = options.clock ?? systemClock;
		this.snowflakes = new SnowflakeFactory(() => this.clock.now().getTime());
		for (const channel of SEED_CHANNELS) this.addChannel({ ...channel });
		for (const member of SEED_MEMBERS) this.memberMap.set(member.id, { ...member });
	}

	/** A new snowflake from the workspace clock. */
	nextId(): string {
		return this.snowflakes.next();
	}

	now(): Date {
		return this.clock.now();
	}

	/** Every channel, threads included, in creation order. */
	channels(): LocalChannel[] {
		return [...this.channelMap.values()];
	}

	/** A channel by id, or by name (`general` or `#general`). */
	channel(idOrName: string): LocalChannel | undefined {
		const byId = this.channelMap.get(idOrName);
		if (byId) return byId;
		const name = idOrName.replace(/^#/, '').toLowerCase();
		return this.channels().find((c) => c.name.toLowerCase() === name);
	}

	members(): LocalMember[] {
		return [...this.memberMap.values()];
	}

	/** A member by id, or by name (case-insensitive, with or without `@`). */
	member(idOrName: string): LocalMember | undefined {
		const byId = this.memberMap.get(idOrName);
		if (byId) return byId;
		const name = idOrName.replace(/^@/, '').trim().toLowerCase();
		return this.members().find((m) => m.name.toLowerCase() === name);
	}

	/**
	 * The member called `name` with role `role` (and Discord language `locale`, when given): an existing one gets the
	 * role, a new name joins the guild.
	 */
	join(name: string, role: LocalRole = 'member', locale?: string): LocalMember {
		const clean = name.trim().replace(/\s+/g, ' ').slice(0, 32);
		if (!clean)
			throw new LocalApiError(
				RESTJSONErrorCodes.InvalidFormBodyOrContentType,
				'Invalid Form Body: a member needs a name',
			);
		const existing = this.member(clean);
		if (existing) {
			existing.role = role;
			if (locale) existing.locale = locale;
			return existing;
		}
		const member: LocalMember = { id: this.nextId(), name: clean, role, ...(locale ? { locale } : {}) };
		this.memberMap.set(member.id, member);
		return member;
	}

	/** Who a member is to a handler: id, name, role ids and permissions. */
	actor(member: LocalMember): Actor {
		return actorOf(member);
	}

	/**
	 * The messages of a channel, oldest first: every public message, plus the ephemeral messages of member `as`.
	 */
	messages(channelId: string, options: { as?: string } = {}): LocalMessage[] {
		const ids = this.channelMessages.get(channelId) ?? [];
		return ids
			.map((id) => this.messageMap.get(id))
			.filter((m): m is LocalMessage => m !== undefined && (m.visibleTo === null || m.visibleTo === options.as));
	}

	message(id: string): LocalMessage | undefined {
		return this.messageMap.get(id);
	}

	scheduledEvents(): LocalScheduledEvent[] {
		return [...this.events];
	}

	/** Calls `listener` on every change; returns the function that stops it. */
	subscribe(listener: (event: WorkspaceEvent) => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	private emit(event: WorkspaceEvent): void {
		for (const listener of this.listeners) listener(event);
	}

	private addChannel(channel: LocalChannel): void {
		this.channelMap.set(channel.id, channel);
		this.channelMessages.set(channel.id, []);
	}

	/** The channel or Discord's 10003 Unknown Channel. */
	requireChannel(channelId: string): LocalChannel {
		const channel = this.channelMap.get(channelId);
		if (!channel) throw new LocalApiError(RESTJSONErrorCodes.UnknownChannel, 'Unknown Channel');
		return channel;
	}

	/** The message or Discord's 10008 Unknown Message. */
	requireMessage(messageId: string, channelId?: string): LocalMessage {
		const message = this.messageMap.get(messageId);
		if (!message || (channelId !== undefined && message.channelId !== channelId))
			throw new LocalApiError(RESTJSONErrorCodes.UnknownMessage, 'Unknown Message');
		return message;
	}

	/** The message an earlier post with this author and nonce created, within {@link NONCE_WINDOW_MS}. */
	findByNonce(authorId: string, nonce: string): LocalMessage | undefined {
		const seen = this.nonces.get(`${authorId}:${nonce}`);
		if (!seen || this.now().getTime() - seen.at > NONCE_WINDOW_MS) return undefined;
		return this.messageMap.get(seen.messageId);
	}

	/**
	 * Adds a message. A null `reply` makes the "thinking…" placeholder of a deferred interaction. Low level: features
	 * post through {@link poster}, interactions through a responder.
	 */
	createMessage(
		channelId: string,
		author: LocalAuthor,
		reply: Reply | null,
		meta: Partial<Pick<LocalMessage, 'visibleTo' | 'interaction' | 'nonce'>> = {},
	): LocalMessage {
		this.requireChannel(channelId);
		if (reply) checkReply(reply);
		const id = this.nextId();
		const body = reply ? bodyOf(reply, () => this.nextId()) : bodyOf({}, () => this.nextId());
		const message: LocalMessage = {
			id,
			channelId,
			author,
			...body,
			visibleTo: meta.visibleTo ?? null,
			thinking: reply === null,
			interaction: meta.interaction ?? null,
			createdAt: this.now(),
			editedAt: null,
			nonce: meta.nonce ?? null,
			thread: null,
		};
		this.messageMap.set(id, message);
		this.channelMessages.get(channelId)!.push(id);
		if (message.nonce)
			this.nonces.set(`${author.id}:${message.nonce}`, { messageId: id, at: message.createdAt.getTime() });
		this.emit({ type: 'message', message });
		return message;
	}

	/** Replaces a message's body, as Discord's edit with a full body does; answering "thinking…" is not an edit. */
	replaceMessage(messageId: string, reply: Reply): LocalMessage {
		const message = this.requireMessage(messageId);
		checkReply(reply);
		Object.assign(
			message,
			bodyOf(reply, () => this.nextId()),
		);
		if (message.thinking) message.thinking = false;
		else message.editedAt = this.now();
		this.emit({ type: 'message', message });
		return message;
	}

	deleteMessage(messageId: string): void {
		const message = this.requireMessage(messageId);
		this.messageMap.delete(messageId);
		const list = this.channelMessages.get(message.channelId)!;
		list.splice(list.indexOf(messageId), 1);
		this.emit({ type: 'delete', channelId: message.channelId, messageId, visibleTo: message.visibleTo });
	}

	/** Starts a public thread on a message; as in Discord, the thread's id is the message's id. */
	startThread(channelId: string, messageId: string, name: string): LocalChannel {
		const parent = this.requireChannel(channelId);
		if (parent.type !== ChannelType.GuildText)
			throw new LocalApiError(
				RESTJSONErrorCodes.CannotExecuteActionOnThisChannelType,
				'Cannot execute action on this channel type',
			);
		const message = this.requireMessage(messageId, channelId);
		if (message.visibleTo) throw new LocalApiError(RESTJSONErrorCodes.UnknownMessage, 'Unknown Message');
		if (message.thread)
			throw new LocalApiError(
				RESTJSONErrorCodes.ThreadAlreadyCreatedForMessage,
				'A thread has already been created for this message',
			);
		const clean = name.trim().slice(0, 100);
		if (!clean)
			throw new LocalApiError(
				RESTJSONErrorCodes.InvalidFormBodyOrContentType,
				'Invalid Form Body: a thread needs a name',
			);
		const thread: LocalChannel = {
			id: message.id,
			name: clean,
			type: ChannelType.PublicThread,
			topic: null,
			parentId: parent.id,
			botCanPost: parent.botCanPost,
		};
		this.addChannel(thread);
		message.thread = { id: thread.id, name: thread.name };
		this.emit({ type: 'channel', channel: thread });
		this.emit({ type: 'message', message });
		return thread;
	}

	/**
	 * Deletes a thread and every message in it, as Discord does; the message it started on stays, without the thread.
	 * Only threads: the seeded channels are the guild's and stay.
	 */
	deleteThread(threadId: string): void {
		const thread = this.requireChannel(threadId);
		if (thread.type !== ChannelType.PublicThread)
			throw new LocalApiError(
				RESTJSONErrorCodes.CannotExecuteActionOnThisChannelType,
				'Cannot execute action on this channel type',
			);
		for (const id of this.channelMessages.get(threadId) ?? []) this.messageMap.delete(id);
		this.channelMessages.delete(threadId);
		this.channelMap.delete(threadId);
		const starter = this.messageMap.get(threadId);
		if (starter?.thread) {
			starter.thread = null;
			this.emit({ type: 'message', message: starter });
		}
		this.emit({ type: 'channel-delete', channelId: threadId });
	}

	/** Deletes a scheduled event, or refuses with Discord's 10070 Unknown Guild Scheduled Event. */
	deleteScheduledEvent(guildId: string, eventId: string): void {
		const index = this.events.findIndex((e) => e.id === eventId && e.guildId === guildId);
		if (index < 0)
			throw new LocalApiError(RESTJSONErrorCodes.UnknownGuildScheduledEvent, 'Unknown Guild Scheduled Event');
		const [event] = this.events.splice(index, 1);
		this.emit({ type: 'scheduled-event', event: event!, deleted: true });
	}

	/** Creates a scheduled event, with the checks Discord makes (future start, end after start, a voice channel). */
	createScheduledEvent(guildId: string, input: ScheduledEventInput): LocalScheduledEvent {
		if (guildId !== this.guild.id) throw new LocalApiError(RESTJSONErrorCodes.UnknownGuild, 'Unknown Guild');
		const name = input.name.trim();
		if (name.length < 1 || name.length > 100)
			throw new LocalApiError(
				RESTJSONErrorCodes.InvalidFormBodyOrContentType,
				'Invalid Form Body: name must be 1–100 characters',
			);
		if (input.startsAt.getTime() <= this.now().getTime())
			throw new LocalApiError(
				RESTJSONErrorCodes.InvalidFormBodyOrContentType,
				'Invalid Form Body: Cannot schedule event in the past',
			);
		if (input.endsAt.getTime() <= input.startsAt.getTime())
			throw new LocalApiError(
				RESTJSONErrorCodes.InvalidFormBodyOrContentType,
				'Invalid Form Body: end time must be after start time',
			);
		if (input.channelId !== undefined && this.requireChannel(input.channelId).type !== ChannelType.GuildVoice)
			throw new LocalApiError(
				RESTJSONErrorCodes.InvalidFormBodyOrContentType,
				'Invalid Form Body: the channel of an event must be a voice channel',
			);
		const event: LocalScheduledEvent = {
			id: this.nextId(),
			guildId,
			name,
			description: input.description?.slice(0, 1000) ?? null,
			startsAt: new Date(input.startsAt),
			endsAt: new Date(input.endsAt),
			channelId: input.channelId ?? null,
			location: input.channelId ? null : (input.location ?? 'Discord').slice(0, 100),
		};
		this.events.push(event);
		this.emit({ type: 'scheduled-event', event });
		return event;
	}
}
