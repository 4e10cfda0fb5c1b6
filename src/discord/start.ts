import { Events, type Client, type ClientOptions } from 'discord.js';
import { createApp, type App, type AppOptions } from '../app.js';
import type { Config } from '../config.js';
import { Scheduler, type Waker } from '../jobs/scheduler.js';
import type { Logger } from '../logger.js';
import { createClient } from './client.js';
import { DiscordPoster } from './poster.js';
import { routeInteractions } from './router.js';

export interface DiscordBot {
	app: App;
	client: Client;
	/** Resolves once the gateway is READY. */
	ready: Promise<void>;
	/** The weekly posts of the guilds this process's shards serve; it starts at READY. */
	scheduler: Scheduler;
	stop(): Promise<void>;
}

export interface DiscordStartOptions extends Partial<Omit<AppOptions, 'config' | 'log' | 'poster'>> {
	/** Extra discord.js client options (tests pass the emulator's). */
	client?: Partial<ClientOptions>;
	/** What wakes the weekly-post scheduler (default: every minute). */
	schedulerWake?: Waker;
}

/** Connects to Discord (or the API at DISCORD_API_BASE) and starts answering interactions. */
export async function startDiscord(config: Config, log: Logger, options: DiscordStartOptions = {}): Promise<DiscordBot> {
	if (!config.DISCORD_TOKEN) throw new Error('startDiscord needs DISCORD_TOKEN');
	const { client: clientOptions, schedulerWake, ...appOptions } = options;
	const client = createClient(config, log, clientOptions);
	const app = await createApp({ ...appOptions, config, log, poster: new DiscordPoster(client) });
	routeInteractions(client, app.dispatcher, log);
	// With sharding, the client's cache holds exactly this process's guilds, so each guild's posts are made once.
	const scheduler = new Scheduler({ deps: app.deps, log, wake: schedulerWake, ownedGuilds: () => client.guilds.cache.keys() });
	const ready = new Promise<void>((resolve) => {
		client.once(Events.ClientReady, (c) => {
			log.info({ user: c.user.tag, guilds: c.guilds.cache.size }, 'connected to Discord');
			scheduler.start().catch((error: unknown) => log.error({ err: error }, 'schedule recovery failed'));
			resolve();
		});
	});
	await client.login(config.DISCORD_TOKEN);
	return {
		app,
		client,
		ready,
		scheduler,
		stop: async () => {
			await scheduler.stop();
			await client.destroy();
			await app.close();
		},
	};
}
