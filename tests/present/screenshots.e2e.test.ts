import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { loadConfig } from '../../src/config.js';
import { startLocal, type LocalBot } from '../../src/local/start.js';
import { repoRoot } from '../../src/models/transformer/paths.js';
import { memoryStore } from '../helpers/deps.js';
import { silentLogger } from '../helpers/silent-logger.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../helpers/chromium.js';

// Pictures of presenter mode as members see it, taken from the local page in Chromium. Only when asked:
// `WRITE_DEMO_EXAMPLES=1 npx vitest run tests/present/screenshots.e2e.test.ts` writes docs/present-*.png.
const write = process.env.WRITE_DEMO_EXAMPLES === '1';
const docs = (name: string) => path.join(repoRoot(), 'docs', name);

describe.runIf(write)('presenter mode in the local page', () => {
	let bot: LocalBot;
	let context: BrowserContext;
	let page: Page;
	let profile: string;

	beforeAll(async () => {
		if (!existsSync(CHROMIUM))
			throw new Error(
				`Chromium is missing at ${CHROMIUM}: install it with \`apt-get install -y chromium\`, then rerun.`,
			);
		bot = await startLocal(loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1' }), silentLogger, {
			commands,
			store: await memoryStore(),
		});
		profile = mkdtempSync(path.join(os.tmpdir(), 'present-chromium-'));
		context = await chromium.launchPersistentContext(profile, {
			executablePath: CHROMIUM,
			headless: true,
			args: CHROMIUM_ARGS,
			viewport: { width: 1100, height: 3000 },
		});
		page = context.pages()[0] ?? (await context.newPage());
		await page.goto(`${bot.url}/?member=Ada&role=organizer`);
		await page.locator('#status.live').waitFor();
	}, 60_000);
	afterAll(async () => {
		await context?.close();
		await bot?.stop();
		if (profile) rmSync(profile, { recursive: true, force: true });
	});

	async function run(line: string): Promise<void> {
		const input = page.locator('#input');
		await input.fill(line);
		await input.press('Enter');
		await expect.poll(() => input.inputValue()).toBe('');
	}

	it('GIVEN Ada presents week 9 and presses Next THEN docs/present-step.png shows the first demo step in the thread', async () => {
		await run('/present week:9');
		await page.locator('button.thread-link').first().click();
		const deck = page.locator('article.msg', { has: page.locator('.embed-title', { hasText: 'Week 9' }) }).last();
		await deck.waitFor();
		await deck.getByRole('button', { name: 'Next' }).click();
		const step = page.locator('article.msg', { has: page.locator('.embed-title', { hasText: '1/6 · ' }) });
		await step.locator('.embed-image img').first().waitFor();
		// A string, so the page's DOM types need not be in this (Node) project's compiler settings.
		await page.waitForFunction("[...document.querySelectorAll('.embed-image img')].every((img) => img.complete)");
		await step.screenshot({ path: docs('present-step.png') });
	}, 120_000);

	it('GIVEN Ada presses "Run again with…" on the step THEN docs/present-form.png shows the form with the demo’s options', async () => {
		const step = page.locator('article.msg', { has: page.locator('.embed-title', { hasText: '1/6 · ' }) });
		await step.getByRole('button', { name: 'Run again with…' }).click();
		const dialog = page.locator('dialog#modal');
		await dialog.waitFor();
		expect(await dialog.locator('#modal-title').textContent()).toBe('Run /ffn again');
		await dialog.screenshot({ path: docs('present-form.png') });
	}, 60_000);
});
