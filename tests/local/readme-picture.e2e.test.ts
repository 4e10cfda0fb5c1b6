import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/paths.js';
import { openLocalPage, type LocalPage } from '../helpers/local-page.js';

// The README's picture of the local mode, taken from today's page with the real commands. Only when asked:
// `WRITE_DEMO_EXAMPLES=1 npx vitest run tests/local/readme-picture.e2e.test.ts` writes docs/local-mode.png.
const write = process.env.WRITE_DEMO_EXAMPLES === '1';

describe.runIf(write)('the local page, as the README shows it', () => {
	let local: LocalPage;
	let page: Page;

	beforeAll(async () => {
		local = await openLocalPage({ path: '/?member=Ada&role=member' });
		page = local.page;
	}, 60_000);
	afterAll(() => local?.close());

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
