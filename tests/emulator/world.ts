import {
	ApplicationFlags,
	ChannelType,
	PermissionFlagsBits,
	type APIApplicationCommand,
	type APIGuild,
	type APIGuildMember,
	type APIGuildScheduledEvent,
	type APIRole,
	type APIThreadChannel,
	type APIUser,
} from 'discord-api-types/v10';
import type { StoredMessage } from './stored-message.js';
import { SnowflakeFactory } from './snowflake.js';
import { makeChannel, makeGuild, makeMember, makeRole, makeUser, type GuildChannel } from './world-objects.js';

/** A guild to create; every part has a realistic default. */
export interface GuildSeed {
	id?: string;
	name?: string;
	/** Roles besides @everyone. */
	roles?: { name: string; permissions?: bigint }[];
	channels?: { name: string; type?: 'text' | 'voice' | 'announcement' }[];
	/** Members besides the bot; `roles` lists role names. */
	members?: { username: string; roles?: string[] }[];
}

export interface GuildState {
	guild: APIGuild;
	channels: Map<string, GuildChannel>;
	threads: Map<string, APIThreadChannel>;
	roles: Map<string, APIRole>;
	members: Map<string, APIGuildMember>;
	scheduledEvents: Map<string, APIGuildScheduledEvent>;
}

/** What @everyone may do in a study group: read, talk, use commands, start threads. */
export const EVERYONE_PERMISSIONS =
	PermissionFlagsBits.ViewChannel |
	PermissionFlagsBits.SendMessages |
	PermissionFlagsBits.SendMessagesInThreads |
	PermissionFlagsBits.CreatePublicThreads |
	PermissionFlagsBits.ReadMessageHistory |
	PermissionFlagsBits.EmbedLinks |
	PermissionFlagsBits.AttachFiles |
	PermissionFlagsBits.AddReactions |
	PermissionFlagsBits.UseApplicationCommands |
	PermissionFlagsBits.Connect |
	PermissionFlagsBits.Speak;

/** The bot's own role: what the invite link asks for. */
export const BOT_PERMISSIONS =
	EVERYONE_PERMISSIONS |
	PermissionFlagsBits.ManageThreads |
	PermissionFlagsBits.ManageEvents |
	PermissionFlagsBits.CreateEvents;

export const DEFAULT_GUILD_SEED: GuildSeed = {
	name: 'LLM Study Group',
	roles: [
		{
			name: 'Organizer',
			permissions:
				PermissionFlagsBits.ManageEvents | PermissionFlagsBits.ManageThreads | PermissionFlagsBits.ManageMessages,
		},
		{ name: 'Member' },
	],
	channels: [
		{ name: 'general' },
		{ name: 'study-lab' },
		{ name: 'announcements', type: 'announcement' },
		{ name: 'Study Hall', type: 'voice' },
	],
	members: [
		{ username: 'ada', roles: ['Organizer', 'Member'] },
		{ username: 'alan', roles: ['Member'] },
	],
};

/** Everything the emulated Discord knows: application, users, guilds, messages and commands. */
export class World {
	/** Fixture ids come from a fixed clock so they are the same in every run; runtime ids follow real time. */
	readonly fixtureIds = new SnowflakeFactory(
		(
			(t) => () =>
				t
		)(Date.UTC(2024, 8, 1)),
	);
	readonly ids = new SnowflakeFactory();
	readonly application: { id: string; name: string; flags: number };
	readonly botUser: APIUser;
	readonly users = new Map<string, APIUser>();
	readonly guilds = new Map<string, GuildState>();
	/** Channel id → guild id, for every channel and thread. */
	readonly channelGuild = new Map<string, string>();
	readonly messages = new Map<string, StoredMessage[]>();
	readonly globalCommands = new Map<string, APIApplicationCommand>();
	readonly guildCommands = new Map<string, Map<string, APIApplicationCommand>>();

	constructor(botName = 'Study Bot') {
		const appId = this.fixtureIds.next();
		this.application = { id: appId, name: botName, flags: ApplicationFlags.GatewayMessageContentLimited };
		// A bot user's id is its application's id.
		this.botUser = makeUser(appId, botName.toLowerCase().replace(/\s+/g, '-'), true);
		this.users.set(appId, this.botUser);
	}

	/** Adds a guild with @everyone, the bot (with its managed role) and the seeded roles, channels and members. */
	addGuild(seed: GuildSeed = DEFAULT_GUILD_SEED): GuildState {
		const id = seed.id ?? this.fixtureIds.next();
		const everyone = makeRole(id, '@everyone', EVERYONE_PERMISSIONS, 0);
		const botRole = makeRole(this.fixtureIds.next(), this.application.name, BOT_PERMISSIONS, 1, true);
		botRole.tags = { bot_id: this.botUser.id };
		const roles = [everyone, botRole];
		(seed.roles ?? []).forEach((r, i) =>
			roles.push(makeRole(this.fixtureIds.next(), r.name, r.permissions ?? 0n, i + 2)),
		);

		const state: GuildState = {
			guild: makeGuild(id, seed.name ?? 'Guild', this.botUser.id, roles, null),
			channels: new Map(),
			threads: new Map(),
			roles: new Map(roles.map((r) => [r.id, r])),
			members: new Map(),
			scheduledEvents: new Map(),
		};
		const category = makeChannel(this.fixtureIds.next(), id, 'Study', ChannelType.GuildCategory, 0, null);
		state.channels.set(category.id, category);
		(seed.channels ?? [{ name: 'general' }]).forEach((c, i) => {
			const type =
				c.type === 'voice'
					? ChannelType.GuildVoice
					: c.type === 'announcement'
						? ChannelType.GuildAnnouncement
						: ChannelType.GuildText;
			const channel = makeChannel(this.fixtureIds.next(), id, c.name, type, i, category.id);
			state.channels.set(channel.id, channel);
		});
		for (const channelId of state.channels.keys()) this.channelGuild.set(channelId, id);
		state.guild.system_channel_id =
			[...state.channels.values()].find((c) => c.type === ChannelType.GuildText)?.id ?? null;

		const joinedAt = new Date(Date.UTC(2024, 8, 1)).toISOString();
		state.members.set(this.botUser.id, makeMember(this.botUser, [botRole.id], joinedAt));
		for (const m of seed.members ?? []) {
			const user =
				[...this.users.values()].find((u) => u.username === m.username) ?? makeUser(this.fixtureIds.next(), m.username);
			this.users.set(user.id, user);
			const roleIds = (m.roles ?? []).map((name) => {
				const role = roles.find((r) => r.name === name);
				if (!role) throw new Error(`GuildSeed: member ${m.username} has unknown role ${name}`);
				return role.id;
			});
			state.members.set(user.id, makeMember(user, roleIds, joinedAt));
		}
		// The first seeded human owns the guild, so owner-only shortcuts never hide a missing role.
		state.guild.owner_id = [...state.members.keys()].find((userId) => userId !== this.botUser.id) ?? this.botUser.id;
		this.guilds.set(id, state);
		return state;
	}

	guild(guildId: string): GuildState | undefined {
		return this.guilds.get(guildId);
	}

	/** A channel or thread by id, with its guild. */
	channel(channelId: string): { guild: GuildState; channel: GuildChannel | APIThreadChannel } | undefined {
		const guild = this.guilds.get(this.channelGuild.get(channelId) ?? '');
		const channel = guild?.channels.get(channelId) ?? guild?.threads.get(channelId);
		return guild && channel ? { guild, channel } : undefined;
	}

	/** Finds a guild channel by name (the first guild that has one, unless a guild is given). */
	channelByName(name: string, guildId?: string): GuildChannel {
		for (const guild of this.guilds.values()) {
			if (guildId && guild.guild.id !== guildId) continue;
			for (const channel of guild.channels.values()) if (channel.name === name) return channel;
		}
		throw new Error(`no channel named ${name}`);
	}

	/** Finds a user by username. */
	userByName(username: string): APIUser {
		for (const user of this.users.values()) if (user.username === username) return user;
		throw new Error(`no user named ${username}`);
	}

	/** A member's guild-wide permissions: the union of @everyone and their roles; owners and admins get all. */
	memberPermissions(guildId: string, userId: string): bigint {
		const guild = this.guilds.get(guildId);
		const member = guild?.members.get(userId);
		if (!guild || !member) return 0n;
		if (guild.guild.owner_id === userId) return allPermissions();
		let permissions = BigInt(guild.roles.get(guildId)?.permissions ?? '0');
		for (const roleId of member.roles) permissions |= BigInt(guild.roles.get(roleId)?.permissions ?? '0');
		return (permissions & PermissionFlagsBits.Administrator) !== 0n ? allPermissions() : permissions;
	}

	messagesIn(channelId: string): StoredMessage[] {
		let list = this.messages.get(channelId);
		if (!list) {
			list = [];
			this.messages.set(channelId, list);
		}
		return list;
	}

	private readonly messagesById = new Map<string, StoredMessage>();

	/** Stores a new message in its channel (and in the index {@link findMessage} reads). */
	addMessage(channelId: string, stored: StoredMessage): void {
		this.messagesIn(channelId).push(stored);
		this.messagesById.set(stored.message.id, stored);
	}

	/** Finds a stored message anywhere (channel messages and interaction responses), in constant time. */
	findMessage(messageId: string): StoredMessage | undefined {
		return this.messagesById.get(messageId);
	}
}

function allPermissions(): bigint {
	return Object.values(PermissionFlagsBits).reduce((all, bit) => all | bit, 0n);
}
