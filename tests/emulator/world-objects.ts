import {
	ChannelType,
	GuildDefaultMessageNotifications,
	GuildExplicitContentFilter,
	GuildHubType,
	GuildMFALevel,
	GuildNSFWLevel,
	GuildPremiumTier,
	GuildSystemChannelFlags,
	GuildVerificationLevel,
	Locale,
	type APIGuild,
	type APIGuildMember,
	type APIRole,
	type APITextChannel,
	type APIUser,
	type APIGuildVoiceChannel,
	type GuildMemberFlags,
	type RoleFlags,
	type UserFlags,
	type APIGuildCategoryChannel,
	type APINewsChannel,
} from 'discord-api-types/v10';

/** Builders of API objects shaped as Discord returns them (all required fields, realistic defaults). */

export function makeUser(id: string, username: string, bot = false): APIUser {
	return {
		id,
		username,
		global_name: bot ? null : username.charAt(0).toUpperCase() + username.slice(1),
		discriminator: '0',
		avatar: null,
		bot,
		system: false,
		public_flags: 0 as UserFlags,
		flags: 0 as UserFlags,
		banner: null,
		accent_color: null,
		avatar_decoration_data: null,
	};
}

export function makeRole(id: string, name: string, permissions: bigint, position: number, managed = false): APIRole {
	return {
		id,
		name,
		color: 0,
		colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
		hoist: false,
		icon: null,
		unicode_emoji: null,
		position,
		permissions: permissions.toString(),
		managed,
		mentionable: false,
		flags: 0 as RoleFlags,
	};
}

export function makeMember(user: APIUser, roleIds: string[], joinedAt: string): APIGuildMember {
	return {
		user,
		nick: null,
		avatar: null,
		banner: null,
		roles: roleIds,
		joined_at: joinedAt,
		premium_since: null,
		deaf: false,
		mute: false,
		flags: 0 as GuildMemberFlags,
		pending: false,
		communication_disabled_until: null,
	};
}

export type GuildChannel = APITextChannel | APIGuildVoiceChannel | APIGuildCategoryChannel | APINewsChannel;

export function makeChannel(
	id: string,
	guildId: string,
	name: string,
	type: ChannelType.GuildText | ChannelType.GuildVoice | ChannelType.GuildCategory | ChannelType.GuildAnnouncement,
	position: number,
	parentId: string | null,
): GuildChannel {
	const base = {
		id,
		guild_id: guildId,
		name,
		position,
		permission_overwrites: [],
		parent_id: parentId,
		nsfw: false,
		flags: 0,
	};
	switch (type) {
		case ChannelType.GuildCategory:
			return { ...base, type, parent_id: null };
		case ChannelType.GuildVoice:
			return {
				...base,
				type,
				bitrate: 64_000,
				user_limit: 0,
				rtc_region: null,
				last_message_id: null,
				rate_limit_per_user: 0,
			};
		case ChannelType.GuildAnnouncement:
			return { ...base, type, topic: null, last_message_id: null, default_auto_archive_duration: 1440 };
		default:
			return {
				...base,
				type,
				topic: null,
				last_message_id: null,
				rate_limit_per_user: 0,
				default_auto_archive_duration: 1440,
			};
	}
}

export function makeGuild(
	id: string,
	name: string,
	ownerId: string,
	roles: APIRole[],
	systemChannelId: string | null,
): APIGuild {
	return {
		id,
		name,
		icon: null,
		icon_hash: null,
		splash: null,
		discovery_splash: null,
		owner_id: ownerId,
		region: 'deprecated',
		afk_channel_id: null,
		afk_timeout: 300,
		widget_enabled: false,
		widget_channel_id: null,
		verification_level: GuildVerificationLevel.Low,
		default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
		explicit_content_filter: GuildExplicitContentFilter.AllMembers,
		roles,
		emojis: [],
		stickers: [],
		features: [],
		mfa_level: GuildMFALevel.None,
		application_id: null,
		system_channel_id: systemChannelId,
		system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotificationReplies,
		rules_channel_id: null,
		max_presences: null,
		max_members: 500_000,
		vanity_url_code: null,
		description: null,
		banner: null,
		premium_tier: GuildPremiumTier.None,
		premium_subscription_count: 0,
		preferred_locale: Locale.EnglishUS,
		public_updates_channel_id: null,
		max_video_channel_users: 25,
		max_stage_video_channel_users: 50,
		approximate_member_count: undefined,
		approximate_presence_count: undefined,
		nsfw_level: GuildNSFWLevel.Default,
		premium_progress_bar_enabled: false,
		hub_type: null as GuildHubType | null,
		safety_alerts_channel_id: null,
		incidents_data: null,
	};
}
