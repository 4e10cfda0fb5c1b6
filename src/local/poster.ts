import { ChannelType, RESTJSONErrorCodes } from 'discord-api-types/v10';
import type { ChannelPoster, PostCheck, ScheduledEventInput } from '../core/poster.js';
import type { Reply } from '../core/reply.js';
import { t } from '../i18n/index.js';
import type { LocalChannel } from './guild.js';
import { LocalApiError } from './message.js';
import type { WorkspaceState } from './workspace-state.js';

/** Discord's limit for a message nonce. */
const NONCE_MAX = 25;

function isTextLike(channel: LocalChannel): boolean {
	return channel.type === ChannelType.GuildText || channel.type === ChannelType.PublicThread;
}

/**
 * {@link ChannelPoster} over a {@link WorkspaceState}: what a scheduled job posts appears in the local page at once.
 * Failures are the ones Discord's REST API would give (10003 Unknown Channel, 50013 Missing Permissions, …).
 */
export class LocalPoster implements ChannelPoster {
	constructor(private readonly workspace: WorkspaceState) {}

	private writable(channelId: string): LocalChannel {
		const channel = this.workspace.requireChannel(channelId);
		if (!isTextLike(channel))
			throw new LocalApiError(
				RESTJSONErrorCodes.CannotSendMessagesInNonTextChannel,
				'Cannot send messages in a non-text channel',
			);
		if (!channel.botCanPost) throw new LocalApiError(RESTJSONErrorCodes.MissingPermissions, 'Missing Permissions');
		return channel;
	}

	async send(channelId: string, reply: Reply, options: { nonce?: string } = {}): Promise<{ id: string }> {
		this.writable(channelId);
		const { nonce } = options;
		if (nonce !== undefined) {
			if (nonce.length === 0 || nonce.length > NONCE_MAX)
				throw new LocalApiError(
					RESTJSONErrorCodes.InvalidFormBodyOrContentType,
					`Invalid Form Body: nonce must be 1–${NONCE_MAX} characters`,
				);
			const earlier = this.workspace.findByNonce(this.workspace.bot.id, nonce);
			if (earlier) return { id: earlier.id };
		}
		const message = this.workspace.createMessage(
			channelId,
			this.workspace.bot,
			{ ...reply, ephemeral: false },
			{ nonce: nonce ?? null },
		);
		return { id: message.id };
	}

	async edit(channelId: string, messageId: string, reply: Reply): Promise<void> {
		this.writable(channelId);
		const message = this.workspace.requireMessage(messageId, channelId);
		if (message.author.id !== this.workspace.bot.id)
			throw new LocalApiError(
				RESTJSONErrorCodes.CannotEditMessageAuthoredByAnotherUser,
				'Cannot edit a message authored by another user',
			);
		this.workspace.replaceMessage(messageId, reply);
	}

	async startThread(channelId: string, messageId: string, name: string): Promise<{ id: string }> {
		this.writable(channelId);
		return { id: this.workspace.startThread(channelId, messageId, name).id };
	}

	async createScheduledEvent(guildId: string, event: ScheduledEventInput): Promise<{ id: string }> {
		return { id: this.workspace.createScheduledEvent(guildId, event).id };
	}

	async deleteMessage(channelId: string, messageId: string): Promise<void> {
		const message = this.workspace.requireMessage(messageId, channelId);
		// The bot may delete its own messages anywhere it can see them; others' need Manage Messages, which it lacks here.
		if (message.author.id !== this.workspace.bot.id)
			throw new LocalApiError(RESTJSONErrorCodes.MissingPermissions, 'Missing Permissions');
		this.workspace.deleteMessage(messageId);
	}

	async deleteThread(parentId: string, threadId: string): Promise<void> {
		const thread = this.workspace.requireChannel(threadId);
		if (thread.type !== ChannelType.PublicThread || thread.parentId !== parentId)
			throw new Error(`channel ${threadId} is not a thread of ${parentId}; it was not deleted`);
		this.workspace.deleteThread(threadId);
	}

	async deleteScheduledEvent(guildId: string, eventId: string): Promise<void> {
		this.workspace.deleteScheduledEvent(guildId, eventId);
	}

	async canPost(channelId: string): Promise<PostCheck> {
		const channel = this.workspace.channel(channelId);
		if (!channel || channel.id !== channelId || !isTextLike(channel))
			return { ok: false, reason: t('core.channel.unseen') };
		if (!channel.botCanPost) {
			// The local page has one switch for all three (see LocalChannel.botCanPost).
			const permissions = (['sendMessages', 'createPublicThreads', 'sendMessagesInThreads'] as const)
				.map((name) => t(`core.channel.permissionNames.${name}`))
				.join(', ');
			return { ok: false, reason: t('core.channel.missing', { channel: `<#${channelId}>`, permissions }) };
		}
		return { ok: true };
	}
}
