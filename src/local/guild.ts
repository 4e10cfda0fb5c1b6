import { ChannelType, PermissionFlagsBits as P } from 'discord-api-types/v10';
import type { Actor } from '../core/actor.js';
import { fixedSnowflake } from './snowflake.js';

/** When the fake guild was "created": its fixed ids encode this time, so they stay the same from run to run. */
const CREATED_AT = Date.UTC(2024, 8, 2, 9, 0, 0);
const id = (sequence: number) => fixedSnowflake(CREATED_AT, sequence);

/**
 * The fake guild's fixed ids. Features whose permission checks are configured by id (a presenter role, a channel for
 * weekly posts) can be pointed at these in the local mode and in tests.
 */
export const LOCAL_IDS = {
	guild: id(0),
	bot: id(1),
	channels: { general: id(10), studyGroup: id(11), announcements: id(12), studyRoom: id(13) },
	/** As in Discord, the @everyone role's id is the guild's id. */
	roles: { everyone: id(0), presenter: id(20), organizer: id(21) },
} as const;

export const LOCAL_GUILD_NAME = 'LLM Study Group';
export const LOCAL_BOT_NAME = 'LLM Study Bot';

/** What a member of the local page can be; each maps to roles and permissions a feature can check. */
export type LocalRole = 'member' | 'presenter' | 'organizer';
export const LOCAL_ROLES: readonly LocalRole[] = ['member', 'presenter', 'organizer'];

/** What every member may do in a channel (the @everyone role of a typical study server). */
export const MEMBER_PERMISSIONS =
	P.ViewChannel |
	P.SendMessages |
	P.ReadMessageHistory |
	P.UseApplicationCommands |
	P.EmbedLinks |
	P.AttachFiles |
	P.AddReactions |
	P.CreatePublicThreads |
	P.SendMessagesInThreads |
	P.Connect |
	P.Speak;

/** An organizer runs the server: Discord's Manage Server, plus the moderation an organizer role usually has. */
export const ORGANIZER_PERMISSIONS =
	MEMBER_PERMISSIONS | P.ManageGuild | P.ManageEvents | P.ManageThreads | P.ManageMessages;

/** Role ids and permissions for a local role. */
export function grantsOf(role: LocalRole): { roles: string[]; permissions: bigint } {
	switch (role) {
		case 'member':
			return { roles: [], permissions: MEMBER_PERMISSIONS };
		case 'presenter':
			return { roles: [LOCAL_IDS.roles.presenter], permissions: MEMBER_PERMISSIONS };
		case 'organizer':
			return { roles: [LOCAL_IDS.roles.organizer], permissions: ORGANIZER_PERMISSIONS };
	}
}

export interface LocalChannel {
	id: string;
	name: string;
	/** `GuildText`, `GuildVoice` or `PublicThread`. */
	type: ChannelType;
	topic: string | null;
	/** For threads: the text channel the thread belongs to. */
	parentId: string | null;
	/** Whether the bot has Send Messages there (an announcements channel usually denies it). */
	botCanPost: boolean;
}

export const SEED_CHANNELS: readonly LocalChannel[] = [
	{
		id: LOCAL_IDS.channels.general,
		name: 'general',
		type: ChannelType.GuildText,
		topic: 'Ask the bot anything: type / to see the commands',
		parentId: null,
		botCanPost: true,
	},
	{
		id: LOCAL_IDS.channels.studyGroup,
		name: 'study-group',
		type: ChannelType.GuildText,
		topic: 'Weekly posts, worksheets and quizzes',
		parentId: null,
		botCanPost: true,
	},
	{
		id: LOCAL_IDS.channels.announcements,
		name: 'announcements',
		type: ChannelType.GuildText,
		topic: 'Organizers only: the bot may not post here',
		parentId: null,
		botCanPost: false,
	},
	{
		id: LOCAL_IDS.channels.studyRoom,
		name: 'Study Room',
		type: ChannelType.GuildVoice,
		topic: null,
		parentId: null,
		botCanPost: false,
	},
];

export interface LocalRoleInfo {
	id: string;
	name: string;
}

export const ROLE_INFO: readonly LocalRoleInfo[] = [
	{ id: LOCAL_IDS.roles.everyone, name: 'everyone' },
	{ id: LOCAL_IDS.roles.presenter, name: 'presenter' },
	{ id: LOCAL_IDS.roles.organizer, name: 'organizer' },
];

/** A person in the local guild. */
export interface LocalMember {
	id: string;
	name: string;
	role: LocalRole;
	/** The member's Discord client language (`locale`), as the page's language picker set it; `en-US` by default. */
	locale?: string;
}

export const SEED_MEMBERS: readonly LocalMember[] = [
	{ id: id(30), name: 'Ada', role: 'organizer' },
	{ id: id(31), name: 'Grace', role: 'presenter' },
	{ id: id(32), name: 'Linus', role: 'member' },
	{ id: id(33), name: '민지', role: 'member' },
];

/** The {@link Actor} a handler sees for a local member. */
export function actorOf(member: LocalMember): Actor {
	const { roles, permissions } = grantsOf(member.role);
	return { id: member.id, name: member.name, roles, permissions };
}
