import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, type App, type AppOptions } from '../app.js';
import type { Config } from '../config.js';
import { Scheduler, type Waker } from '../jobs/scheduler.js';
import type { Logger } from '../logger.js';
import { LocalInteractions } from './interactions.js';
import { createRequestHandler } from './server.js';
import { LocalWorkspace } from './workspace.js';

export interface LocalBot {
	app: App;
	/** The page's address, with the real port when PORT is 0. */
	url: string;
	workspace: LocalWorkspace;
	interactions: LocalInteractions;
	/** Makes the weekly posts of the local guild into the workspace (so they appear in the page). */
	scheduler: Scheduler;
	stop(): Promise<void>;
}

/** What tests replace: the commands, an open store, the clock, or a workspace they prepared. */
export interface LocalStartOptions extends Pick<
	AppOptions,
	'commands' | 'store' | 'clock' | 'onOutcome' | 'liveQuizTickMs'
> {
	workspace?: LocalWorkspace;
	/** What wakes the weekly-post scheduler (default: every minute). */
	schedulerWake?: Waker;
	/** Load the models in the background after start (the bot process does; tests do not). */
	warmUp?: boolean;
}

/**
 * The bot without Discord: the same App and commands behind a page at http://HOST:PORT that works like a Discord
 * channel (slash commands with their options, replies with embeds, images and components, modals, scheduled posts).
 */
export async function startLocal(config: Config, log: Logger, options: LocalStartOptions = {}): Promise<LocalBot> {
	const workspace = options.workspace ?? new LocalWorkspace({ clock: options.clock });
	const app = await createApp({
		config,
		log,
		poster: workspace.poster,
		commands: options.commands,
		store: options.store,
		clock: options.clock,
		onOutcome: options.onOutcome,
		liveQuizTickMs: options.liveQuizTickMs,
	});
	const interactions = new LocalInteractions(workspace, app);
	const handler = createRequestHandler({ app, workspace, interactions, log });
	const server = createServer(handler.handle);
	try {
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(config.PORT, config.HOST, () => {
				server.off('error', reject);
				resolve();
			});
		});
	} catch (error) {
		await app.close();
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'EADDRINUSE')
			throw new Error(
				`Local mode: port ${config.PORT} on ${config.HOST} is in use; set PORT to a free one (PORT=0 picks one).`,
				{ cause: error },
			);
		throw error;
	}
	const { port } = server.address() as AddressInfo;
	const host = config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST;
	const url = `http://${host}:${port}`;
	log.info({ url }, `Local mode: open ${url} (no DISCORD_TOKEN set)`);
	const scheduler = new Scheduler({
		deps: app.deps,
		log,
		wake: options.schedulerWake,
		ownedGuilds: () => [workspace.guild.id],
	});
	scheduler.start().catch((error: unknown) => log.error({ err: error }, 'schedule recovery failed'));
	app.liveQuizzes
		.start(() => [workspace.guild.id])
		.catch((error: unknown) => log.error({ err: error }, 'live quiz recovery failed'));
	if (options.warmUp) app.warmUp().catch((error: unknown) => log.error({ err: error }, 'model warm-up failed'));
	return {
		app,
		url,
		workspace,
		interactions,
		scheduler,
		stop: async () => {
			await scheduler.stop();
			handler.close();
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
			await app.close();
		},
	};
}
