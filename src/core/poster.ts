import type { Reply } from './reply.js';

export interface ScheduledEventInput {
	name: string;
	description?: string;
	startsAt: Date;
	endsAt: Date;
	/** A voice or stage channel for the meeting; without one the event is "external" at `location`. */
	channelId?: string;
	location?: string;
}

export type PostCheck = { ok: true } | { ok: false; reason: string };

/**
 * Posting outside an interaction: scheduled weekly posts, reminders, live quiz questions. Discord implements it
 * over REST, the local mode in its page. Handlers and jobs only see this interface.
 */
export interface ChannelPoster {
	/**
	 * Posts a message. With a `nonce`, Discord's `enforce_nonce` makes a retry within minutes return the same
	 * message instead of posting twice.
	 */
	send(channelId: string, reply: Reply, options?: { nonce?: string }): Promise<{ id: string }>;
	edit(channelId: string, messageId: string, reply: Reply): Promise<void>;
	/** Starts a public thread on a message; returns the thread's channel id. */
	startThread(channelId: string, messageId: string, name: string): Promise<{ id: string }>;
	createScheduledEvent(guildId: string, event: ScheduledEventInput): Promise<{ id: string }>;
	/**
	 * The three removals a week's re-post makes (`/schedule post-now replace:true`), each rejecting with Discord's
	 * error code (10008 Unknown Message, 10003 Unknown Channel, 10070 Unknown Guild Scheduled Event when it is gone
	 * already; 50013 Missing Permissions, …). `deleteThread` deletes only a thread whose parent is `parentId`, with its
	 * messages; it refuses any other channel.
	 */
	deleteMessage(channelId: string, messageId: string): Promise<void>;
	deleteThread(parentId: string, threadId: string): Promise<void>;
	deleteScheduledEvent(guildId: string, eventId: string): Promise<void>;
	/** Whether the bot can post (and start threads) in a channel, and if not, why, in words an organizer can act on. */
	canPost(channelId: string): Promise<PostCheck>;
}
