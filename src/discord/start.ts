import { Events, type Client, type ClientOptions } from 'discord.js';
import { createApp, type App, type AppOptions } from '../app.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { createClient } from './client.js';
import { DiscordPoster } from './poster.js';
import { routeInteractions } from './router.js';

export interface DiscordBot {
	app: App;
	client: Client;
	/** Resolves once the gateway is READY. */
	ready: Promise<void>;
	stop(): Promise<void>;
}

export interface DiscordStartOptions extends Partial<Omit<AppOptions, 'config' | 'log' | 'poster'>> {
	/** Extra discord.js client options (tests pass the emulator's). */
	client?: Partial<ClientOptions>;
}

/** Connects to Discord (or the API at DISCORD_API_BASE) and starts answering interactions. */
export async function startDiscord(config: Config, log: Logger, options: DiscordStartOptions = {}): Promise<DiscordBot> {
	if (!config.DISCORD_TOKEN) throw new Error('startDiscord needs DISCORD_TOKEN');
	const { client: clientOptions, ...appOptions } = options;
	const client = createClient(config, log, clientOptions);
	const app = await createApp({ ...appOptions, config, log, poster: new DiscordPoster(client) });
	routeInteractions(client, app.dispatcher, log);
	const ready = new Promise<void>((resolve) => {
		client.once(Events.ClientReady, (c) => {
			log.info({ user: c.user.tag, guilds: c.guilds.cache.size }, 'connected to Discord');
			resolve();
		});
	});
	await client.login(config.DISCORD_TOKEN);
	return {
		app,
		client,
		ready,
		stop: async () => {
			await client.destroy();
			await app.close();
		},
	};
}
