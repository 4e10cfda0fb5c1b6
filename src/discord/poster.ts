import {
	GuildScheduledEventEntityType,
	GuildScheduledEventPrivacyLevel,
	PermissionFlagsBits,
	type Client,
	type GuildTextBasedChannel,
} from 'discord.js';
import type { ChannelPoster, PostCheck, ScheduledEventInput } from '../core/poster.js';
import type { Reply } from '../core/reply.js';
import { messageBody, replacementBody } from './payload.js';

const NEEDED: [bigint, string][] = [
	[PermissionFlagsBits.ViewChannel, 'View Channel'],
	[PermissionFlagsBits.SendMessages, 'Send Messages'],
	[PermissionFlagsBits.EmbedLinks, 'Embed Links'],
	[PermissionFlagsBits.AttachFiles, 'Attach Files'],
	[PermissionFlagsBits.CreatePublicThreads, 'Create Public Threads'],
	[PermissionFlagsBits.SendMessagesInThreads, 'Send Messages in Threads'],
];

/** {@link ChannelPoster} over discord.js (channels come from the gateway cache or one REST fetch). */
export class DiscordPoster implements ChannelPoster {
	constructor(private readonly client: Client) {}

	private async textChannel(channelId: string): Promise<GuildTextBasedChannel> {
		const channel = await this.client.channels.fetch(channelId);
		if (!channel || !channel.isTextBased() || channel.isDMBased()) throw new Error(`channel ${channelId} is not a guild text channel`);
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

	async createScheduledEvent(guildId: string, event: ScheduledEventInput): Promise<{ id: string }> {
		const guild = await this.client.guilds.fetch(guildId);
		const created = await guild.scheduledEvents.create({
			name: event.name.slice(0, 100),
			description: event.description?.slice(0, 1000),
			scheduledStartTime: event.startsAt,
			privacyLevel: GuildScheduledEventPrivacyLevel.GuildOnly,
			...(event.channelId
				? { entityType: GuildScheduledEventEntityType.Voice, channel: event.channelId }
				: {
						entityType: GuildScheduledEventEntityType.External,
						scheduledEndTime: event.endsAt,
						entityMetadata: { location: (event.location ?? 'Discord').slice(0, 100) },
					}),
		});
		return { id: created.id };
	}

	async canPost(channelId: string): Promise<PostCheck> {
		let channel: GuildTextBasedChannel;
		try {
			channel = await this.textChannel(channelId);
		} catch {
			return { ok: false, reason: 'I cannot see that channel, or it is not a text channel.' };
		}
		const me = this.client.user;
		const permissions = me ? channel.permissionsFor(me) : null;
		if (!permissions) return { ok: false, reason: `I cannot read my permissions in <#${channelId}>.` };
		const missing = NEEDED.filter(([flag]) => !permissions.has(flag)).map(([, name]) => name);
		if (missing.length > 0) return { ok: false, reason: `I am missing these permissions in <#${channelId}>: ${missing.join(', ')}.` };
		return { ok: true };
	}
}
