import {
	ApplicationCommandType,
	ApplicationIntegrationType,
	InteractionContextType,
	type APIApplicationCommand,
	type RESTPostAPIApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { EmulatorCore, RouteContext, RouteResult, RouteTable } from './core.js';
import { discordError } from './interactions.js';
import type { MessageInput } from './messages.js';

function commandsFor(core: EmulatorCore, guildId: string | undefined): Map<string, APIApplicationCommand> {
	if (!guildId) return core.world.globalCommands;
	let map = core.world.guildCommands.get(guildId);
	if (!map) {
		map = new Map();
		core.world.guildCommands.set(guildId, map);
	}
	return map;
}

function toCommand(
	core: EmulatorCore,
	body: RESTPostAPIApplicationCommandsJSONBody,
	guildId: string | undefined,
	id: string,
): APIApplicationCommand {
	const type = body.type ?? ApplicationCommandType.ChatInput;
	return {
		id,
		application_id: core.world.application.id,
		...(guildId ? { guild_id: guildId } : {}),
		type,
		name: body.name,
		name_localizations: body.name_localizations ?? null,
		description: 'description' in body ? (body.description ?? '') : '',
		description_localizations: ('description_localizations' in body ? body.description_localizations : null) ?? null,
		...('options' in body && body.options ? { options: body.options } : {}),
		default_member_permissions: body.default_member_permissions ?? null,
		...(guildId ? {} : { dm_permission: body.dm_permission ?? true }),
		nsfw: body.nsfw ?? false,
		integration_types: body.integration_types ?? [ApplicationIntegrationType.GuildInstall],
		contexts:
			body.contexts ??
			(guildId
				? null
				: [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel]),
		version: core.world.ids.next(),
	};
}

function checkApplication(context: RouteContext): RouteResult | undefined {
	if (context.params.application_id !== context.core.world.application.id) {
		return discordError(403, 20012, 'You are not authorized to perform this action on this application');
	}
	if (context.params.guild_id && !context.core.world.guild(context.params.guild_id))
		return discordError(404, 10004, 'Unknown Guild');
	return undefined;
}

/** Bulk overwrite: commands keep their ids when name and type stay, as on Discord. */
function putCommands(context: RouteContext): RouteResult {
	const denied = checkApplication(context);
	if (denied) return denied;
	const map = commandsFor(context.core, context.params.guild_id);
	const previous = [...map.values()];
	map.clear();
	for (const body of (context.json ?? []) as RESTPostAPIApplicationCommandsJSONBody[]) {
		const type = body.type ?? ApplicationCommandType.ChatInput;
		const kept = previous.find((c) => c.name === body.name && c.type === type);
		const command = toCommand(context.core, body, context.params.guild_id, kept?.id ?? context.core.world.ids.next());
		map.set(command.id, command);
	}
	return { status: 200, body: [...map.values()] };
}

function postCommand(context: RouteContext): RouteResult {
	const denied = checkApplication(context);
	if (denied) return denied;
	const map = commandsFor(context.core, context.params.guild_id);
	const body = context.json as RESTPostAPIApplicationCommandsJSONBody;
	const existing = [...map.values()].find(
		(c) => c.name === body.name && c.type === (body.type ?? ApplicationCommandType.ChatInput),
	);
	const command = toCommand(context.core, body, context.params.guild_id, existing?.id ?? context.core.world.ids.next());
	map.set(command.id, command);
	return { status: existing ? 200 : 201, body: command };
}

function listCommands(context: RouteContext): RouteResult {
	return (
		checkApplication(context) ?? { status: 200, body: [...commandsFor(context.core, context.params.guild_id).values()] }
	);
}

function oneCommand(context: RouteContext): RouteResult {
	const denied = checkApplication(context);
	if (denied) return denied;
	const map = commandsFor(context.core, context.params.guild_id);
	const command = map.get(context.params.command_id ?? '');
	if (!command) return discordError(404, 10063, 'Unknown application command');
	if (context.method === 'DELETE') {
		map.delete(command.id);
		return { status: 204 };
	}
	if (context.method === 'PATCH') {
		const updated = toCommand(
			context.core,
			{ ...command, ...(context.json as object) } as RESTPostAPIApplicationCommandsJSONBody,
			context.params.guild_id,
			command.id,
		);
		map.set(command.id, updated);
		return { status: 200, body: updated };
	}
	return { status: 200, body: command };
}

function webhook(context: RouteContext, messageId: string | undefined): RouteResult {
	const wait = context.query.get('wait') === 'true';
	return context.core.interactions.webhook(
		context.method,
		context.params,
		messageId,
		context.json as MessageInput | undefined,
		context.files,
		wait,
		context.receivedAt,
	);
}

/** Gateway discovery, the bot's user and application, commands, interaction callbacks and webhooks. */
export const appRoutes: RouteTable = {
	'GET /gateway': ({ core }) => ({ status: 200, body: { url: `${core.baseUrl().replace(/^http/, 'ws')}/gateway` } }),
	'GET /gateway/bot': ({ core }) => {
		const identifies = [...core.gateway.sessions.values()].length;
		return {
			status: 200,
			body: {
				url: `${core.baseUrl().replace(/^http/, 'ws')}/gateway`,
				shards: core.options.shards,
				session_start_limit: {
					total: 1000,
					remaining: Math.max(0, 1000 - identifies),
					reset_after: 86_400_000,
					max_concurrency: core.options.maxConcurrency,
				},
			},
		};
	},
	'GET /users/@me': ({ core }) => ({ status: 200, body: core.world.botUser }),
	'GET /users/{user_id}': ({ core, params }) => {
		const user = core.world.users.get(params.user_id ?? '');
		return user ? { status: 200, body: user } : discordError(404, 10013, 'Unknown User');
	},
	'GET /applications/@me': ({ core }) => {
		const { world } = core;
		return {
			status: 200,
			body: {
				id: world.application.id,
				name: world.application.name,
				icon: null,
				description: 'Hands-on LLM study lab',
				bot_public: false,
				bot_require_code_grant: false,
				verify_key: '0'.repeat(64),
				flags: world.application.flags,
				bot: world.botUser,
				owner: [...world.users.values()].find((u) => !u.bot) ?? world.botUser,
				team: null,
				summary: '',
				approximate_guild_count: world.guilds.size,
				install_params: { scopes: ['bot', 'applications.commands'], permissions: '0' },
			},
		};
	},
	'GET /applications/{application_id}/commands': listCommands,
	'PUT /applications/{application_id}/commands': putCommands,
	'POST /applications/{application_id}/commands': postCommand,
	'GET /applications/{application_id}/commands/{command_id}': oneCommand,
	'PATCH /applications/{application_id}/commands/{command_id}': oneCommand,
	'DELETE /applications/{application_id}/commands/{command_id}': oneCommand,
	'GET /applications/{application_id}/guilds/{guild_id}/commands': listCommands,
	'PUT /applications/{application_id}/guilds/{guild_id}/commands': putCommands,
	'POST /applications/{application_id}/guilds/{guild_id}/commands': postCommand,
	'GET /applications/{application_id}/guilds/{guild_id}/commands/{command_id}': oneCommand,
	'PATCH /applications/{application_id}/guilds/{guild_id}/commands/{command_id}': oneCommand,
	'DELETE /applications/{application_id}/guilds/{guild_id}/commands/{command_id}': oneCommand,
	'POST /interactions/{interaction_id}/{interaction_token}/callback': ({
		core,
		params,
		json,
		files,
		query,
		receivedAt,
	}) =>
		core.interactions.callback(
			params.interaction_id ?? '',
			params.interaction_token ?? '',
			json ?? {},
			files,
			query.get('with_response') === 'true',
			receivedAt,
		),
	'POST /webhooks/{webhook_id}/{webhook_token}': (context) => webhook(context, undefined),
	'GET /webhooks/{webhook_id}/{webhook_token}/messages/@original': (context) => webhook(context, '@original'),
	'PATCH /webhooks/{webhook_id}/{webhook_token}/messages/@original': (context) => webhook(context, '@original'),
	'DELETE /webhooks/{webhook_id}/{webhook_token}/messages/@original': (context) => webhook(context, '@original'),
	'GET /webhooks/{webhook_id}/{webhook_token}/messages/{message_id}': (context) =>
		webhook(context, context.params.message_id),
	'PATCH /webhooks/{webhook_id}/{webhook_token}/messages/{message_id}': (context) =>
		webhook(context, context.params.message_id),
	'DELETE /webhooks/{webhook_id}/{webhook_token}/messages/{message_id}': (context) =>
		webhook(context, context.params.message_id),
};
