import { Events, Status, type Client, type ClientOptions } from 'discord.js';
import { createApp, type App, type AppOptions } from '../app.js';
import type { Config } from '../config.js';
import { Scheduler, type Waker } from '../jobs/scheduler.js';
import type { Logger } from '../logger.js';
import { createClient, createInteractionRest } from './client.js';
import { DiscordPoster } from './poster.js';
import { routeInteractions } from './router.js';
import { startHealthServer } from './health-server.js';

export interface DiscordBot {
	app: App;
	client: Client;
	/** Resolves once the gateway is READY. */
	ready: Promise<void>;
	/** The weekly posts of the guilds this process's shards serve; it starts at READY. */
	scheduler: Scheduler;
	/** Where /healthz and /metrics are served, if they are. */
	healthUrl?: string;
	stop(): Promise<void>;
}

/** Whether the gateway connection is up, as /healthz reports it. */
export function gatewayState(client: Client): { connected: boolean; detail: string } {
	const status = client.ws.status;
	return { connected: status === Status.Ready, detail: Status[status] ?? String(status) };
}

export interface DiscordStartOptions extends Partial<Omit<AppOptions, 'config' | 'log' | 'poster'>> {
	/** Extra discord.js client options (tests pass the emulator's). */
	client?: Partial<ClientOptions>;
	/** What wakes the weekly-post scheduler (default: every minute). */
	schedulerWake?: Waker;
	/** Serve /healthz and /metrics on HOST:PORT (default true; a sharded child leaves it to the manager). */
	healthServer?: boolean;
	/** Load the models in the background once connected (the bot process does; tests do not). */
	warmUp?: boolean;
}

/** Connects to Discord (or the API at DISCORD_API_BASE) and starts answering interactions. */
export async function startDiscord(
	config: Config,
	log: Logger,
	options: DiscordStartOptions = {},
): Promise<DiscordBot> {
	if (!config.DISCORD_TOKEN) throw new Error('startDiscord needs DISCORD_TOKEN');
	const { client: clientOptions, schedulerWake, healthServer = true, warmUp = false, ...appOptions } = options;
	const client = createClient(config, log, clientOptions);
	const app = await createApp({ ...appOptions, config, log, poster: new DiscordPoster(client) });
	routeInteractions(client, app.dispatcher, log, createInteractionRest(config, { api: clientOptions?.rest?.api }));
	// With sharding, the client's cache holds exactly this process's guilds, so each guild's posts are made once.
	const scheduler = new Scheduler({
		deps: app.deps,
		log,
		wake: schedulerWake,
		ownedGuilds: () => client.guilds.cache.keys(),
	});
	const ready = new Promise<void>((resolve) => {
		client.once(Events.ClientReady, (c) => {
			log.info({ user: c.user.tag, guilds: c.guilds.cache.size }, 'connected to Discord');
			scheduler
				.start()
				.then((report) =>
					log.info(
						{ guilds: c.guilds.cache.size, ran: report.ran.length, errors: report.errors.length },
						'schedule recovery done',
					),
				)
				.catch((error: unknown) => log.error({ err: error }, 'schedule recovery failed'));
			app.liveQuizzes
				.start(() => client.guilds.cache.keys())
				.catch((error: unknown) => log.error({ err: error }, 'live quiz recovery failed'));
			if (warmUp) app.warmUp().catch((error: unknown) => log.error({ err: error }, 'model warm-up failed'));
			resolve();
		});
	});
	await client.login(config.DISCORD_TOKEN);
	const health = healthServer
		? await startHealthServer(app, () => gatewayState(client), { host: config.HOST, port: config.PORT })
		: undefined;
	if (health) log.info({ url: health.url }, 'health and metrics at /healthz and /metrics');
	return {
		app,
		client,
		ready,
		scheduler,
		healthUrl: health?.url,
		stop: async () => {
			await health?.close();
			await scheduler.stop();
			await client.destroy();
			await app.close();
		},
	};
}
