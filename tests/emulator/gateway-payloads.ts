import type { GatewayGuildCreateDispatchData } from 'discord-api-types/v10';
import type { GuildState, World } from './world.js';

/** The IDENTIFY fields the emulator checks. */
export interface IdentifyData {
	token?: string;
	intents?: number;
	shard?: [number, number];
	compress?: boolean;
	properties?: Record<string, string>;
}

/** Op 8 REQUEST_GUILD_MEMBERS. */
export interface MemberRequest {
	guild_id?: string;
	query?: string;
	limit?: number;
	user_ids?: string | string[];
	nonce?: string;
}

/** GUILD_CREATE for a guild: everything a small guild sends (channels, roles, members, threads, events). */
export function guildCreate(state: GuildState, world: World): GatewayGuildCreateDispatchData {
	const botMember = state.members.get(world.botUser.id);
	return {
		...state.guild,
		joined_at: botMember?.joined_at ?? new Date().toISOString(),
		large: false,
		unavailable: false,
		member_count: state.members.size,
		voice_states: [],
		members: [...state.members.values()],
		channels: [...state.channels.values()],
		threads: [...state.threads.values()],
		presences: [],
		stage_instances: [],
		guild_scheduled_events: [...state.scheduledEvents.values()],
		soundboard_sounds: [],
	};
}
