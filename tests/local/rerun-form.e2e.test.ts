import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { loadConfig } from '../../src/config.js';
import { startLocal, type LocalBot } from '../../src/local/start.js';
import { memoryStore } from '../helpers/deps.js';
import { silentLogger } from '../helpers/silent-logger.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../helpers/chromium.js';

/** "Run again with…" in the local page, with the real /tokenize: choices are select menus, free text stays text. */
describe('the re-run form in the local page (Chromium)', () => {
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
		profile = mkdtempSync(path.join(os.tmpdir(), 'rerun-form-chromium-'));
		context = await chromium.launchPersistentContext(profile, {
			executablePath: CHROMIUM,
			headless: true,
			args: CHROMIUM_ARGS,
			viewport: { width: 1280, height: 900 },
		});
		page = context.pages()[0] ?? (await context.newPage());
		await page.goto(`${bot.url}/?member=Linus&role=member`);
		await page.locator('#status.live').waitFor();
	}, 60_000);
	afterAll(async () => {
		await context?.close();
		await bot?.stop();
		if (profile) rmSync(profile, { recursive: true, force: true });
	});

	it('GIVEN /tokenize with gpt2 THEN its form offers encoding and show as select menus (gpt2 selected) and choosing GPT-4 re-runs it with cl100k_base', async () => {
		const input = page.locator('#input');
		await input.fill('/tokenize text:Hello world encoding:gpt2');
		await input.press('Enter');
		const first = page.locator('article.msg', { hasText: 'Tokens: gpt2' }).last();
		await first.waitFor({ timeout: 60_000 });
		await first.getByRole('button', { name: /Run again with/ }).click();
		const dialog = page.locator('dialog#modal');
		await dialog.waitFor({ state: 'visible' });
		const encoding = dialog.locator('select[name="encoding"]');
		expect(await encoding.inputValue()).toBe('gpt2');
		expect(await encoding.locator('option').allTextContents()).toContain('GPT-4 (cl100k_base)');
		// An optional choice left as it ran: "show" had no value, so its empty entry (the default) is selected.
		expect(await dialog.locator('select[name="show"]').inputValue()).toBe('');
		expect(await dialog.locator('input[name="text"], textarea[name="text"]').inputValue()).toBe('Hello world');
		await encoding.selectOption({ label: 'GPT-4 (cl100k_base)' });
		await dialog.getByRole('button', { name: 'Submit' }).click();
		await dialog.waitFor({ state: 'hidden' });
		const again = page.locator('article.msg', { hasText: 'Tokens: gpt-4 (cl100k_base)' });
		await again.waitFor({ timeout: 60_000 });
		expect(await again.textContent()).toContain('encoding gpt2 → gpt-4');
	}, 120_000);
});
