import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/models/transformer/paths.js';
import { openLocalPage, type LocalPage } from '../helpers/local-page.js';

// Pictures of presenter mode as members see it, taken from the local page in Chromium. Only when asked:
// `WRITE_DEMO_EXAMPLES=1 npx vitest run tests/present/screenshots.e2e.test.ts` writes docs/present-*.png.
const write = process.env.WRITE_DEMO_EXAMPLES === '1';
const docs = (name: string) => path.join(repoRoot(), 'docs', name);

describe.runIf(write)('presenter mode in the local page', () => {
	let local: LocalPage;
	let page: Page;

	beforeAll(async () => {
		local = await openLocalPage({ path: '/?member=Ada&role=organizer', viewport: { width: 1100, height: 3000 } });
		page = local.page;
	}, 60_000);
	afterAll(() => local?.close());

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
