import { REST } from '@discordjs/rest';
import { Client, Events, GatewayIntentBits, Options, type ClientOptions } from 'discord.js';
import type { Logger } from 'pino';
import type { Config } from '../config.js';

/**
 * The discord.js client. Only the Guilds intent: slash commands arrive as interactions, so the bot needs no
 * message content or member lists. Caches are trimmed to what interactions use.
 */
export function createClient(config: Config, log: Logger, extra: Partial<ClientOptions> = {}): Client {
	const client = new Client({
		intents: [GatewayIntentBits.Guilds],
		allowedMentions: { parse: [], repliedUser: false },
		rest: config.DISCORD_API_BASE ? { api: config.DISCORD_API_BASE } : {},
		makeCache: Options.cacheWithLimits({
			...Options.DefaultMakeCacheSettings,
			MessageManager: 50,
			GuildMemberManager: { maxSize: 200, keepOverLimit: (member) => member.id === member.client.user.id },
			PresenceManager: 0,
			ReactionManager: 0,
			VoiceStateManager: 0,
		}),
		...extra,
	});
	client.on(Events.Error, (error) => log.error({ err: error }, 'discord client error'));
	client.on(Events.Warn, (message) => log.warn(message));
	client.on(Events.ShardDisconnect, (event, shard) => log.warn({ shard, code: event.code }, 'gateway disconnected'));
	client.on(Events.ShardReconnecting, (shard) => log.info({ shard }, 'gateway reconnecting'));
	client.on(Events.ShardResume, (shard, replayed) => log.info({ shard, replayed }, 'gateway resumed'));
	client.rest.on('rateLimited', (info) =>
		log.warn({ route: info.route, retryAfter: info.retryAfter, global: info.global }, 'rate limited'),
	);
	return client;
}

/**
 * A REST client for interaction webhooks (edits, follow-ups, deletions of replies). They carry the interaction's own
 * token and Discord exempts them from the bot's global rate limit, so this client has no global limit of its own;
 * per-route limits still apply from the headers.
 */
export function createInteractionRest(config: Config, extra: { api?: string } = {}): REST {
	return new REST({
		api: extra.api ?? config.DISCORD_API_BASE ?? 'https://discord.com/api',
		globalRequestsPerSecond: Number.POSITIVE_INFINITY,
	});
}
