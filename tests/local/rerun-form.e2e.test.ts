import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLocalPage, type LocalPage } from '../helpers/local-page.js';

/** "Run again with…" in the local page, with the real /tokenize: choices are select menus, free text stays text. */
describe('the re-run form in the local page (Chromium)', () => {
	let local: LocalPage;
	let page: Page;

	beforeAll(async () => {
		local = await openLocalPage({ path: '/?member=Linus&role=member' });
		page = local.page;
	}, 60_000);
	afterAll(() => local?.close());

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
