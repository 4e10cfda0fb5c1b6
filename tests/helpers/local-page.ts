import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { commands as allCommands } from '../../commands/index.js';
import type { AnyCommand } from '../../src/core/command.js';
import { loadConfig } from '../../src/config.js';
import { startLocal, type LocalBot } from '../../src/local/start.js';
import type { LocalWorkspace } from '../../src/local/workspace.js';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.js';
import { memoryStore } from './deps.js';
import { silentLogger } from './silent-logger.js';

/** The local mode in Chromium: the bot, the browser context and its page, and one call that closes all three. */
export interface LocalPage {
	bot: LocalBot;
	context: BrowserContext;
	page: Page;
	close(): Promise<void>;
}

export interface LocalPageOptions {
	/** The page's path and query, e.g. `/?member=Ada&role=organizer`. */
	path: string;
	/** Default: every command the bot registers. */
	commands?: readonly AnyCommand[];
	workspace?: LocalWorkspace;
	/** Default 1280 × 900. */
	viewport?: { width: number; height: number };
	/** Default {@link CHROMIUM_ARGS}. */
	args?: readonly string[];
	/** The browser's own language and time zone (for pictures as a member there sees them). */
	locale?: string;
	timezoneId?: string;
}

/**
 * Starts the local bot on a free port with an in-memory store, opens its page in a fresh Chromium profile and waits
 * until the page receives live updates.
 */
export async function openLocalPage(options: LocalPageOptions): Promise<LocalPage> {
	if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}: apt-get install -y chromium`);
	const bot = await startLocal(loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1' }), silentLogger, {
		commands: options.commands ?? allCommands,
		store: await memoryStore(),
		...(options.workspace ? { workspace: options.workspace } : {}),
	});
	const profile = mkdtempSync(path.join(os.tmpdir(), 'local-page-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		args: [...(options.args ?? CHROMIUM_ARGS)],
		viewport: options.viewport ?? { width: 1280, height: 900 },
		...(options.locale ? { locale: options.locale } : {}),
		...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
	});
	const page = context.pages()[0] ?? (await context.newPage());
	await page.goto(`${bot.url}${options.path}`);
	await page.locator('#status.live').waitFor();
	return {
		bot,
		context,
		page,
		close: async () => {
			await context.close();
			await bot.stop();
			rmSync(profile, { recursive: true, force: true });
		},
	};
}
