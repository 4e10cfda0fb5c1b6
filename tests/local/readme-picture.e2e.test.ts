import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { loadConfig } from '../../src/config.js';
import { startLocal, type LocalBot } from '../../src/local/start.js';
import { repoRoot } from '../../src/paths.js';
import { memoryStore } from '../helpers/deps.js';
import { silentLogger } from '../helpers/silent-logger.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../helpers/chromium.js';

// The README's picture of the local mode, taken from today's page with the real commands. Only when asked:
// `WRITE_DEMO_EXAMPLES=1 npx vitest run tests/local/readme-picture.e2e.test.ts` writes docs/local-mode.png.
const write = process.env.WRITE_DEMO_EXAMPLES === '1';

describe.runIf(write)('the local page, as the README shows it', () => {
	let bot: LocalBot;
	let context: BrowserContext;
	let page: Page;
	let profile: string;

	beforeAll(async () => {
		if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}: apt-get install -y chromium`);
		bot = await startLocal(loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1' }), silentLogger, {
			commands,
			store: await memoryStore(),
		});
		profile = mkdtempSync(path.join(os.tmpdir(), 'readme-chromium-'));
		context = await chromium.launchPersistentContext(profile, {
			executablePath: CHROMIUM,
			headless: true,
			args: CHROMIUM_ARGS,
			viewport: { width: 1280, height: 900 },
		});
		page = context.pages()[0] ?? (await context.newPage());
		await page.goto(`${bot.url}/?member=Ada&role=member`);
		await page.locator('#status.live').waitFor();
	}, 60_000);
	afterAll(async () => {
		await context?.close();
		await bot?.stop();
		if (profile) rmSync(profile, { recursive: true, force: true });
	});

	it('GIVEN Ada tokenizes a mixed sentence THEN docs/local-mode.png shows the reply with its chart', async () => {
		const input = page.locator('#input');
		await input.fill('/tokenize text:Hello 안녕하세요 👋 encoding:compare');
		await input.press('Enter');
		await expect.poll(() => input.inputValue()).toBe('');
		await page.locator('article.msg .embed-image img').first().waitFor({ timeout: 60_000 });
		await page.waitForFunction("[...document.querySelectorAll('.embed-image img')].every((img) => img.complete)");
		await input.fill('/sample prompt:The old prince said');
		await page.locator('#suggestions, #hint').first().waitFor({ state: 'attached' });
		await page.screenshot({ path: path.join(repoRoot(), 'docs', 'local-mode.png') });
	}, 120_000);
});
