import { REST } from '@discordjs/rest';
import {
	ChannelType,
	GuildScheduledEventEntityType,
	GuildScheduledEventPrivacyLevel,
	PermissionFlagsBits,
	Routes,
	type APIChannel,
	type APIGuildScheduledEvent,
	type Client,
	type GuildTextBasedChannel,
} from 'discord.js';
import type { ChannelPoster, PostCheck, ScheduledEventInput } from '../core/poster.js';
import type { Reply } from '../core/reply.js';
import { t, type MessageKey } from '../i18n/index.js';
import { messageBody, replacementBody } from './payload.js';

// Named as Discord's own settings name them in the member's language.
const NEEDED: [bigint, MessageKey][] = [
	[PermissionFlagsBits.ViewChannel, 'core.channel.permissionNames.viewChannel'],
	[PermissionFlagsBits.SendMessages, 'core.channel.permissionNames.sendMessages'],
	[PermissionFlagsBits.EmbedLinks, 'core.channel.permissionNames.embedLinks'],
	[PermissionFlagsBits.AttachFiles, 'core.channel.permissionNames.attachFiles'],
	[PermissionFlagsBits.CreatePublicThreads, 'core.channel.permissionNames.createPublicThreads'],
	[PermissionFlagsBits.SendMessagesInThreads, 'core.channel.permissionNames.sendMessagesInThreads'],
];

/** {@link ChannelPoster} over discord.js (channels come from the gateway cache or one REST fetch). */
export class DiscordPoster implements ChannelPoster {
	constructor(private readonly client: Client) {}

	private async textChannel(channelId: string): Promise<GuildTextBasedChannel> {
		const channel = await this.client.channels.fetch(channelId);
		if (!channel || !channel.isTextBased() || channel.isDMBased())
			throw new Error(`channel ${channelId} is not a guild text channel`);
		return channel;
	}

	async send(channelId: string, reply: Reply, options: { nonce?: string } = {}): Promise<{ id: string }> {
		const channel = await this.textChannel(channelId);
		const message = await channel.send({
			...messageBody(reply),
			...(options.nonce ? { nonce: options.nonce, enforceNonce: true } : {}),
		});
		return { id: message.id };
	}

	async edit(channelId: string, messageId: string, reply: Reply): Promise<void> {
		const channel = await this.textChannel(channelId);
		await channel.messages.edit(messageId, replacementBody(reply));
	}

	async startThread(channelId: string, messageId: string, name: string): Promise<{ id: string }> {
		const channel = await this.textChannel(channelId);
		if (!('threads' in channel)) throw new Error('threads are not supported in this channel');
		const thread = await channel.threads.create({ startMessage: messageId, name: name.slice(0, 100) });
		return { id: thread.id };
	}

	/**
	 * Creates the event once. Creating one is not idempotent, and discord.js retries a 5xx: when Discord made the event and
	 * then answered 500, each retry made another (tests/faults/scheduled-posts.e2e.test.ts). So the POST goes without
	 * automatic retries, and every call first adopts an event this bot already made with the same name and start, which
	 * is what the job's own retry finds after a lost answer.
	 */
	async createScheduledEvent(guildId: string, event: ScheduledEventInput): Promise<{ id: string }> {
		const name = event.name.slice(0, 100);
		const existing = (await this.client.rest.get(Routes.guildScheduledEvents(guildId))) as APIGuildScheduledEvent[];
		const made = existing.find(
			(e) =>
				e.creator_id === this.client.user?.id &&
				e.name === name &&
				Date.parse(e.scheduled_start_time) === event.startsAt.getTime(),
		);
		if (made) return { id: made.id };
		const body = {
			name,
			description: event.description?.slice(0, 1000),
			scheduled_start_time: event.startsAt.toISOString(),
			privacy_level: GuildScheduledEventPrivacyLevel.GuildOnly,
			...(event.channelId
				? { entity_type: GuildScheduledEventEntityType.Voice, channel_id: event.channelId }
				: {
						entity_type: GuildScheduledEventEntityType.External,
						scheduled_end_time: event.endsAt.toISOString(),
						entity_metadata: { location: (event.location ?? 'Discord').slice(0, 100) },
					}),
		};
		const created = (await this.onceRest().post(Routes.guildScheduledEvents(guildId), {
			body,
		})) as APIGuildScheduledEvent;
		return { id: created.id };
	}

	async deleteMessage(channelId: string, messageId: string): Promise<void> {
		await this.client.rest.delete(Routes.channelMessage(channelId, messageId));
	}

	/** Looks the channel up first: `DELETE /channels/{id}` deletes any channel, and only the week's thread may go. */
	async deleteThread(parentId: string, threadId: string): Promise<void> {
		const channel = (await this.client.rest.get(Routes.channel(threadId))) as APIChannel;
		const isThread =
			channel.type === ChannelType.PublicThread ||
			channel.type === ChannelType.PrivateThread ||
			channel.type === ChannelType.AnnouncementThread;
		if (!isThread || channel.parent_id !== parentId)
			throw new Error(`channel ${threadId} is not a thread of ${parentId}; it was not deleted`);
		await this.client.rest.delete(Routes.channel(threadId));
	}

	async deleteScheduledEvent(guildId: string, eventId: string): Promise<void> {
		await this.client.rest.delete(Routes.guildScheduledEvent(guildId, eventId));
	}

	private noRetryRest: REST | undefined;

	/** A REST client like the bot's (same API base and token) that never repeats a request by itself. */
	private onceRest(): REST {
		this.noRetryRest ??= new REST({ ...this.client.options.rest, retries: 0 }).setToken(this.client.token ?? '');
		return this.noRetryRest;
	}

	async canPost(channelId: string): Promise<PostCheck> {
		let channel: GuildTextBasedChannel;
		try {
			channel = await this.textChannel(channelId);
		} catch {
			return { ok: false, reason: t('core.channel.unseen') };
		}
		const me = this.client.user;
		const permissions = me ? channel.permissionsFor(me) : null;
		if (!permissions) return { ok: false, reason: t('core.channel.noPermissions', { channel: `<#${channelId}>` }) };
		const missing = NEEDED.filter(([flag]) => !permissions.has(flag)).map(([, name]) => t(name));
		if (missing.length > 0)
			return {
				ok: false,
				reason: t('core.channel.missing', { channel: `<#${channelId}>`, permissions: missing.join(', ') }),
			};
		return { ok: true };
	}
}
