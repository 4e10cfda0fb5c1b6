import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/paths.js';
import { openLocalPage, type LocalPage } from '../helpers/local-page.js';

// Every demo reply in the local page at a phone's width (390 px) and a desktop's (1280 px): the page must not scroll
// sideways. With WRITE_DEMO_EXAMPLES=1 the screenshots are written to docs/display/<demo>-<width>.png.
const write = process.env.WRITE_DEMO_EXAMPLES === '1';

/** The demo views, as a member types them (the same views as tests/helpers/demo-replies.ts). */
const LINES: [string, string][] = [
	['tokenize', '/tokenize text:Hello world'],
	['tokenize-bytes', '/tokenize text:안녕 world show:bytes'],
	['tokenize-ids', '/tokenize text:Hello 안녕 🙂 def f(x): return x show:ids'],
	['similarity-map', '/similarity words:king frog computer mode:map'],
	['similarity-matrix', '/similarity words:king queen man woman apple banana'],
	['attention-head', '/attention text:To be, or not to be, that is the question'],
	['attention-steps', '/attention text:To be, or not to be view:steps'],
	['attention-heads', '/attention text:To be, or not to be view:heads'],
	['sample-200', '/sample prompt:The king said seed:7 samples:200'],
	['residual', '/residual text:The king and the queen'],
	['ffn', '/ffn text:The king and the queen'],
	['positions', '/positions'],
];
const WIDTHS = [390, 1280] as const;

describe('demo replies in the local page at phone and desktop width', () => {
	let local: LocalPage;
	let page: Page;

	beforeAll(async () => {
		local = await openLocalPage({ path: '/?member=Ada' });
		page = local.page;
	}, 60_000);
	afterAll(() => local?.close());

	it.each(LINES)(
		'GIVEN %s THEN at 390 and 1280 px the page does not scroll sideways and the reply fits its column',
		async (name, line) => {
			await page.setViewportSize({ width: 1280, height: 900 });
			const replies = page.locator('article.msg', { has: page.locator('.embed') });
			const before = await replies.count();
			const input = page.locator('#input');
			await input.fill(line);
			await input.press('Enter');
			await expect.poll(() => input.inputValue()).toBe('');
			// The bot's reply: the newest message with an embed.
			// The first reply waits for the models to load, on a machine other jobs share.
			await expect.poll(() => replies.count(), { timeout: 150_000 }).toBeGreaterThan(before);
			const reply = replies.last();
			// Polled from Node: the page's Content-Security-Policy forbids waitForFunction's in-page eval.
			await expect
				.poll(() =>
					page.evaluate<boolean>("[...document.querySelectorAll('.embed-image img')].every((img) => img.complete)"),
				)
				.toBe(true);
			for (const width of WIDTHS) {
				await page.setViewportSize({ width, height: 900 });
				// Strings, so the page's DOM types need not be in this (Node) project's compiler settings.
				const overflow = await page.evaluate<number>(
					'document.documentElement.scrollWidth - document.documentElement.clientWidth',
				);
				expect(overflow, `${name} at ${width} px: the page scrolls sideways by ${overflow} px`).toBeLessThanOrEqual(0);
				const box = (await reply.boundingBox())!;
				expect(box.x + box.width, `${name} at ${width} px: the reply's right edge`).toBeLessThanOrEqual(width + 0.5);
				// Inside the reply, nothing may scroll sideways (a code block that does is a table too wide for the phone).
				const wide = await page.evaluate<string[]>(
					"(() => { const el = [...document.querySelectorAll('article.msg')].filter((m) => m.querySelector('.embed')).pop(); return [...el.querySelectorAll('*')].filter((e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible').map((e) => e.tagName + ' ' + e.className); })()",
				);
				expect(wide, `${name} at ${width} px: elements that scroll sideways`).toEqual([]);
				if (write) {
					// A reply taller than the window would be shot with its top blank (it scrolls out of the column).
					await page.setViewportSize({ width, height: Math.max(900, Math.ceil(box.height) + 200) });
					await reply.screenshot({ path: path.join(repoRoot(), 'docs', 'display', `${name}-${width}.png`) });
				}
			}
		},
		240_000,
	);
});
