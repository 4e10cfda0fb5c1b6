import {
	GatewayDispatchEvents,
	GatewayIntentBits,
	GuildScheduledEventStatus,
	PermissionFlagsBits,
	type APIGuildScheduledEvent,
	type RESTPostAPIGuildScheduledEventJSONBody,
} from 'discord-api-types/v10';
import type { RouteContext, RouteResult, RouteTable } from './core.js';
import { discordError } from './interactions.js';
import type { GuildState } from './world.js';

const UNKNOWN_GUILD = (): RouteResult => discordError(404, 10004, 'Unknown Guild');

function withGuild(
	handler: (guild: GuildState, context: RouteContext) => RouteResult,
): (context: RouteContext) => RouteResult {
	return (context) => {
		const guild = context.core.world.guild(context.params.guild_id ?? '');
		return guild ? handler(guild, context) : UNKNOWN_GUILD();
	};
}

/** `POST /guilds/{id}/scheduled-events`: the bot needs Create Events (or Manage Events), as on Discord. */
function createEvent(guild: GuildState, { core, json }: RouteContext): RouteResult {
	const { world } = core;
	const permissions = world.memberPermissions(guild.guild.id, world.botUser.id);
	if ((permissions & (PermissionFlagsBits.CreateEvents | PermissionFlagsBits.ManageEvents)) === 0n) {
		return discordError(403, 50013, 'Missing Permissions');
	}
	const body = (json ?? {}) as RESTPostAPIGuildScheduledEventJSONBody;
	if (body.channel_id && !guild.channels.has(body.channel_id)) return discordError(404, 10003, 'Unknown Channel');
	const event = {
		id: world.ids.next(),
		guild_id: guild.guild.id,
		channel_id: body.channel_id ?? null,
		creator_id: world.botUser.id,
		creator: world.botUser,
		name: body.name,
		description: body.description ?? null,
		scheduled_start_time: new Date(body.scheduled_start_time).toISOString(),
		scheduled_end_time: body.scheduled_end_time ? new Date(body.scheduled_end_time).toISOString() : null,
		privacy_level: body.privacy_level,
		status: GuildScheduledEventStatus.Scheduled,
		entity_type: body.entity_type,
		entity_id: null,
		entity_metadata: body.entity_metadata ?? null,
		user_count: 0,
		image: null,
		recurrence_rule: body.recurrence_rule ?? null,
	} as APIGuildScheduledEvent;
	guild.scheduledEvents.set(event.id, event);
	core.emitToGuild(
		guild.guild.id,
		GatewayDispatchEvents.GuildScheduledEventCreate,
		event,
		GatewayIntentBits.GuildScheduledEvents,
	);
	return { status: 200, body: event };
}

function oneEvent(guild: GuildState, { core, params, method, json }: RouteContext): RouteResult {
	const event = guild.scheduledEvents.get(params.guild_scheduled_event_id ?? '');
	if (!event) return discordError(404, 10070, 'Unknown Guild Scheduled Event');
	if (method === 'DELETE') {
		guild.scheduledEvents.delete(event.id);
		core.emitToGuild(
			guild.guild.id,
			GatewayDispatchEvents.GuildScheduledEventDelete,
			event,
			GatewayIntentBits.GuildScheduledEvents,
		);
		return { status: 204 };
	}
	if (method === 'PATCH') {
		const updated = { ...event, ...(json as object) } as APIGuildScheduledEvent;
		guild.scheduledEvents.set(event.id, updated);
		core.emitToGuild(
			guild.guild.id,
			GatewayDispatchEvents.GuildScheduledEventUpdate,
			updated,
			GatewayIntentBits.GuildScheduledEvents,
		);
		return { status: 200, body: updated };
	}
	return { status: 200, body: event };
}

/** Guilds, members, channels, roles and scheduled events. */
export const guildRoutes: RouteTable = {
	'GET /guilds/{guild_id}': withGuild((guild, { query }) => ({
		status: 200,
		body: {
			...guild.guild,
			...(query.get('with_counts') === 'true'
				? { approximate_member_count: guild.members.size, approximate_presence_count: 0 }
				: {}),
		},
	})),
	'GET /guilds/{guild_id}/members/{user_id}': withGuild((guild, { params }) => {
		const member = guild.members.get(params.user_id ?? '');
		return member ? { status: 200, body: member } : discordError(404, 10007, 'Unknown Member');
	}),
	'GET /guilds/{guild_id}/channels': withGuild((guild) => ({ status: 200, body: [...guild.channels.values()] })),
	'GET /guilds/{guild_id}/roles': withGuild((guild) => ({ status: 200, body: [...guild.roles.values()] })),
	'GET /guilds/{guild_id}/scheduled-events': withGuild((guild, { query }) => ({
		status: 200,
		body: [...guild.scheduledEvents.values()].map((e) =>
			query.get('with_user_count') === 'true' ? e : { ...e, user_count: undefined },
		),
	})),
	'POST /guilds/{guild_id}/scheduled-events': withGuild(createEvent),
	'GET /guilds/{guild_id}/scheduled-events/{guild_scheduled_event_id}': withGuild(oneEvent),
	'PATCH /guilds/{guild_id}/scheduled-events/{guild_scheduled_event_id}': withGuild(oneEvent),
	'DELETE /guilds/{guild_id}/scheduled-events/{guild_scheduled_event_id}': withGuild(oneEvent),
};
