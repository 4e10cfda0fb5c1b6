import {
	ChannelType,
	type ChannelFlags,
	GatewayDispatchEvents,
	GatewayIntentBits,
	MessageType,
	PermissionFlagsBits,
	type APIThreadChannel,
	type ThreadAutoArchiveDuration,
	type ThreadChannelType,
	type ThreadMemberFlags,
} from 'discord-api-types/v10';
import type { EmulatorCore, RouteContext, RouteResult, RouteTable } from './core.js';
import { discordError } from './interactions.js';
import { createMessage, editMessage, type MessageInput } from './messages.js';

const UNKNOWN_CHANNEL = (): RouteResult => discordError(404, 10003, 'Unknown Channel');
const UNKNOWN_MESSAGE = (): RouteResult => discordError(404, 10008, 'Unknown Message');
const TEXT_TYPES = new Set<number>([
	ChannelType.GuildText,
	ChannelType.GuildAnnouncement,
	ChannelType.PublicThread,
	ChannelType.PrivateThread,
	ChannelType.AnnouncementThread,
	ChannelType.GuildVoice,
]);

function emitMessage(core: EmulatorCore, guildId: string, event: string, message: unknown): void {
	core.emitToGuild(guildId, event, { ...(message as object), guild_id: guildId }, GatewayIntentBits.GuildMessages);
}

/** `POST /channels/{id}/messages`; with `enforce_nonce`, a nonce seen within the window returns the first message. */
function createChannelMessage({ core, params, json, files }: RouteContext): RouteResult {
	const found = core.world.channel(params.channel_id ?? '');
	if (!found) return UNKNOWN_CHANNEL();
	if (!TEXT_TYPES.has(found.channel.type))
		return discordError(400, 50008, 'Cannot send messages in a non-text channel');
	const input = (json ?? {}) as MessageInput & { enforce_nonce?: boolean };
	const now = Date.now();
	if (input.enforce_nonce && input.nonce !== undefined && input.nonce !== null) {
		const nonce = String(input.nonce);
		const earlier = core.world
			.messagesIn(found.channel.id)
			.find(
				(m) =>
					m.nonce?.value === nonce &&
					now - m.nonce.at <= core.options.nonceWindowMs &&
					m.message.author.id === core.world.botUser.id,
			);
		if (earlier) return { status: 200, body: earlier.message };
	}
	const stored = createMessage(core.world, {
		channelId: found.channel.id,
		author: core.world.botUser,
		input,
		uploads: files,
		...(input.message_reference ? { type: MessageType.Reply } : {}),
		baseUrl: core.baseUrl(),
	});
	if (input.nonce !== undefined && input.nonce !== null) stored.nonce = { value: String(input.nonce), at: now };
	if ('last_message_id' in found.channel) found.channel.last_message_id = stored.message.id;
	if (found.channel.type === ChannelType.PublicThread || found.channel.type === ChannelType.PrivateThread) {
		const thread = found.channel;
		thread.message_count = (thread.message_count ?? 0) + 1;
		thread.total_message_sent = (thread.total_message_sent ?? 0) + 1;
	}
	emitMessage(core, found.guild.guild.id, GatewayDispatchEvents.MessageCreate, stored.message);
	return { status: 200, body: stored.message };
}

function channelMessage(context: RouteContext): RouteResult {
	const { core, params, method } = context;
	const found = core.world.channel(params.channel_id ?? '');
	if (!found) return UNKNOWN_CHANNEL();
	const stored = core.world
		.messagesIn(found.channel.id)
		.find((m) => m.message.id === params.message_id && !m.deleted && !m.ephemeral);
	if (!stored) return UNKNOWN_MESSAGE();
	if (method === 'GET') return { status: 200, body: stored.message };
	if (stored.message.author.id !== core.world.botUser.id) {
		if (method === 'PATCH') return discordError(403, 50005, 'Cannot edit a message authored by another user');
	}
	if (method === 'DELETE') {
		stored.deleted = true;
		core.emitToGuild(
			found.guild.guild.id,
			GatewayDispatchEvents.MessageDelete,
			{ id: stored.message.id, channel_id: found.channel.id, guild_id: found.guild.guild.id },
			GatewayIntentBits.GuildMessages,
		);
		return { status: 204 };
	}
	editMessage(core.world, stored, context.json ?? {}, context.files, core.baseUrl());
	emitMessage(core, found.guild.guild.id, GatewayDispatchEvents.MessageUpdate, stored.message);
	return { status: 200, body: stored.message };
}

function listMessages({ core, params, query }: RouteContext): RouteResult {
	const found = core.world.channel(params.channel_id ?? '');
	if (!found) return UNKNOWN_CHANNEL();
	const limit = Math.min(100, Math.max(1, Number(query.get('limit') ?? 50)));
	const visible = core.world.messagesIn(found.channel.id).filter((m) => !m.deleted && !m.ephemeral);
	return {
		status: 200,
		body: visible
			.slice(-limit)
			.reverse()
			.map((m) => m.message),
	};
}

function makeThread(
	core: EmulatorCore,
	id: string,
	parent: { id: string; guild_id?: string },
	body: {
		name?: string;
		auto_archive_duration?: number | null;
		rate_limit_per_user?: number | null;
		invitable?: boolean | null;
	},
	type: ThreadChannelType,
): APIThreadChannel {
	const now = new Date().toISOString();
	const guildId = parent.guild_id ?? '';
	const thread: APIThreadChannel = {
		id,
		guild_id: guildId,
		parent_id: parent.id,
		owner_id: core.world.botUser.id,
		name: body.name ?? '',
		type,
		last_message_id: null,
		message_count: 0,
		member_count: 1,
		total_message_sent: 0,
		rate_limit_per_user: body.rate_limit_per_user ?? 0,
		flags: 0 as ChannelFlags,
		thread_metadata: {
			archived: false,
			auto_archive_duration: (body.auto_archive_duration ?? 1440) as ThreadAutoArchiveDuration,
			archive_timestamp: now,
			locked: false,
			create_timestamp: now,
			...(type === ChannelType.PrivateThread ? { invitable: body.invitable ?? true } : {}),
		},
		member: { id, user_id: core.world.botUser.id, join_timestamp: now, flags: 0 as ThreadMemberFlags },
	};
	const guild = core.world.guild(guildId);
	guild?.threads.set(id, thread);
	core.world.channelGuild.set(id, guildId);
	core.emitToGuild(
		guildId,
		GatewayDispatchEvents.ThreadCreate,
		{ ...thread, newly_created: true },
		GatewayIntentBits.Guilds,
	);
	return thread;
}

/** `POST /channels/{id}/threads`: without a message. Discord's default type on v10 is a private thread. */
function startThread({ core, params, json }: RouteContext): RouteResult {
	const found = core.world.channel(params.channel_id ?? '');
	if (!found) return UNKNOWN_CHANNEL();
	if (found.channel.type !== ChannelType.GuildText && found.channel.type !== ChannelType.GuildAnnouncement) {
		return discordError(400, 50024, 'Cannot execute action on this channel type');
	}
	const body = (json ?? {}) as { name?: string; type?: number | null };
	const type = (body.type ?? ChannelType.PrivateThread) as ThreadChannelType;
	return { status: 201, body: makeThread(core, core.world.ids.next(), found.channel, body, type) };
}

/** `POST /channels/{id}/messages/{id}/threads`: the thread takes the message's id, and the message points at it. */
function startThreadFromMessage({ core, params, json }: RouteContext): RouteResult {
	const found = core.world.channel(params.channel_id ?? '');
	if (!found) return UNKNOWN_CHANNEL();
	const stored = core.world
		.messagesIn(found.channel.id)
		.find((m) => m.message.id === params.message_id && !m.deleted && !m.ephemeral);
	if (!stored) return UNKNOWN_MESSAGE();
	if (stored.message.thread) return discordError(400, 160004, 'A thread has already been created for this message');
	const type =
		found.channel.type === ChannelType.GuildAnnouncement ? ChannelType.AnnouncementThread : ChannelType.PublicThread;
	const thread = makeThread(core, stored.message.id, found.channel, json ?? {}, type);
	stored.message = { ...stored.message, thread };
	return { status: 201, body: thread };
}

/**
 * `DELETE /channels/{id}` for a thread, as Discord does it: Manage Threads needed; the thread and its messages go,
 * the message it started on stays (without the thread). Other channels need Manage Channels, which the bot lacks here.
 */
function deleteChannel({ core, params }: RouteContext): RouteResult {
	const found = core.world.channel(params.channel_id ?? '');
	if (!found) return UNKNOWN_CHANNEL();
	const guildId = found.guild.guild.id;
	const permissions = core.world.memberPermissions(guildId, core.world.botUser.id);
	const thread = found.guild.threads.get(found.channel.id);
	if (!thread) {
		if ((permissions & PermissionFlagsBits.ManageChannels) === 0n)
			return discordError(403, 50013, 'Missing Permissions');
		found.guild.channels.delete(found.channel.id);
		core.emitToGuild(guildId, GatewayDispatchEvents.ChannelDelete, found.channel, GatewayIntentBits.Guilds);
		return { status: 200, body: found.channel };
	}
	if ((permissions & PermissionFlagsBits.ManageThreads) === 0n) return discordError(403, 50013, 'Missing Permissions');
	found.guild.threads.delete(thread.id);
	for (const stored of core.world.messagesIn(thread.id)) stored.deleted = true;
	const starter = core.world.messagesIn(thread.parent_id ?? '').find((m) => m.message.id === thread.id);
	if (starter?.message.thread) {
		const { thread: _gone, ...rest } = starter.message;
		starter.message = rest;
	}
	core.emitToGuild(
		guildId,
		GatewayDispatchEvents.ThreadDelete,
		{ id: thread.id, guild_id: guildId, parent_id: thread.parent_id, type: thread.type },
		GatewayIntentBits.Guilds,
	);
	return { status: 200, body: thread };
}

/** Channels, their messages (with nonce deduplication) and threads. */
export const channelRoutes: RouteTable = {
	'GET /channels/{channel_id}': ({ core, params }) => {
		const found = core.world.channel(params.channel_id ?? '');
		return found ? { status: 200, body: found.channel } : UNKNOWN_CHANNEL();
	},
	'DELETE /channels/{channel_id}': deleteChannel,
	'GET /channels/{channel_id}/messages': listMessages,
	'POST /channels/{channel_id}/messages': createChannelMessage,
	'GET /channels/{channel_id}/messages/{message_id}': channelMessage,
	'PATCH /channels/{channel_id}/messages/{message_id}': channelMessage,
	'DELETE /channels/{channel_id}/messages/{message_id}': channelMessage,
	'POST /channels/{channel_id}/threads': startThread,
	'POST /channels/{channel_id}/messages/{message_id}/threads': startThreadFromMessage,
};
