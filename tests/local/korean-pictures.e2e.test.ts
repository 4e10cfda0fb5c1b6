import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { type LocalBot } from '../../src/local/start.js';
import { koCommands } from '../../src/i18n/ko/commands.js';
import { LocalWorkspace } from '../../src/local/workspace.js';
import { repoRoot } from '../../src/paths.js';
import { koreanProblem } from '../helpers/readable-text.js';
import { openLocalPage, type LocalPage } from '../helpers/local-page.js';

// The pictures of docs/languages.md: a Korean member (Discord locale `ko`) in the local page, at a phone's width
// (390 px) and a desktop's (1280 px), and the Korean charts as the bot attaches them. Only when asked:
// `WRITE_DEMO_EXAMPLES=1 npx vitest run tests/local/korean-pictures.e2e.test.ts` (part of `npm run examples`) writes
// docs/display/ko/. Deterministic: an in-memory store, a fixed member, a workspace clock stopped at a Wednesday's
// meeting time, the browser in Seoul's time zone and language; every file is overwritten on each run.
const write = process.env.WRITE_DEMO_EXAMPLES === '1';
const OUT = path.join(repoRoot(), 'docs', 'display', 'ko');
/** Wednesday 8 April 2026, 21:00 in Seoul: when the group meets. */
const MEETING = new Date('2026-04-08T12:00:00Z');

const MEMBER = '지민';
/**
 * The name of the pictures (`<name>-<width>.png`, `<name>-chart.png`), what the Korean member types, and the part of
 * it a reply shows back as typed (not counted when the reply's language is checked).
 */
const LINES: [string, string, string[]][] = [
	['help', '/help', []],
	['week-5', '/week number:5', []],
	// An English-only model given Korean: the reply says what the model saw (bytes) and why.
	['attention-korean', '/attention text:안녕하세요 반갑습니다', ['안녕하세요 반갑습니다', '안녕하세요']],
	['tokenize-compare', '/tokenize text:안녕하세요, 반갑습니다! encoding:compare', ['안녕하세요, 반갑습니다!']],
	['similarity-matrix', '/similarity words:king queen man woman mode:matrix', ['king', 'queen', 'man', 'woman']],
];
const WIDTHS = [390, 1280] as const;

describe.runIf(write)('the Korean pictures of docs/languages.md', () => {
	let local: LocalPage;
	let page: Page;
	let bot: LocalBot;

	beforeAll(async () => {
		mkdirSync(OUT, { recursive: true });
		// `locale=ko`: the member's Discord language, which Discord sends with every interaction.
		local = await openLocalPage({
			path: `/?member=${encodeURIComponent(MEMBER)}&role=member&locale=ko`,
			workspace: new LocalWorkspace({ clock: { now: () => new Date(MEETING) } }),
			locale: 'ko-KR',
			timezoneId: 'Asia/Seoul',
		});
		page = local.page;
		bot = local.bot;
	}, 60_000);
	afterAll(() => local?.close());

	it.each(LINES)(
		'GIVEN a Korean member runs %s THEN the reply is Korean and is drawn at 390 and 1280 px',
		async (name, line, echoed) => {
			await page.setViewportSize({ width: 1280, height: 900 });
			const replies = page.locator('article.msg', { has: page.locator('.embed') });
			const before = await replies.count();
			const input = page.locator('#input');
			await input.fill(line);
			await input.press('Enter');
			await expect.poll(() => input.inputValue()).toBe('');
			// The first demo waits for its model to load, on a machine other jobs share.
			await expect.poll(() => replies.count(), { timeout: 150_000 }).toBeGreaterThan(before);
			// Polled from Node: the page's Content-Security-Policy forbids waitForFunction's in-page eval.
			await expect
				.poll(() =>
					page.evaluate<boolean>("[...document.querySelectorAll('.embed-image img')].every((img) => img.complete)"),
				)
				.toBe(true);
			// The reply the pictures show, as the bot wrote it.
			const message = bot.workspace
				.messages(bot.workspace.ids.channels.general, { as: bot.workspace.member(MEMBER)!.id })
				.filter((m) => m.author.bot && m.embeds.length > 0)
				.at(-1)!;
			const reply = replies.last();
			for (const width of WIDTHS) {
				await page.setViewportSize({ width, height: 900 });
				const overflow = await page.evaluate<number>(
					'document.documentElement.scrollWidth - document.documentElement.clientWidth',
				);
				expect(overflow, `${name} at ${width} px: the page scrolls sideways by ${overflow} px`).toBeLessThanOrEqual(0);
				// The messages scroll inside their own pane: a reply taller than the window is drawn whole in a taller one.
				const { height } = (await reply.boundingBox())!;
				await page.setViewportSize({ width, height: Math.max(900, Math.ceil(height) + 200) });
				await reply.scrollIntoViewIfNeeded();
				// Transitions finished (the phone layout's sidebar slides), so every run draws the same picture.
				await reply.screenshot({ path: path.join(OUT, `${name}-${width}.png`), animations: 'disabled' });
			}
			const chart = message.attachments.find((a) => a.contentType === 'image/png');
			if (chart) writeFileSync(path.join(OUT, `${name}-chart.png`), chart.data);
			// Checked after drawing, so a reply that is not yet Korean is still drawn, for the reader to see what is not.
			// /help lists each command's description from its Korean localisation where it has one (as
			// tests/i18n/info.e2e.test.ts checks): until every command has one, only its headings must be Korean.
			const allLocalized = commands.every((c) => koCommands[c.data.name]?.description);
			const checked =
				name === 'help' && !allLocalized
					? { embeds: message.embeds.map((e) => ({ title: e.title, description: e.description })) }
					: message;
			expect(koreanProblem(checked, echoed), `${name}: the reply's readable text`).toBeNull();
		},
		240_000,
	);

	it('GIVEN the replies above THEN the whole page is drawn at 390 and 1280 px with the last two charts in view', async () => {
		for (const width of WIDTHS) {
			await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
			await page.locator('article.msg .embed-image img').last().scrollIntoViewIfNeeded();
			await page.screenshot({ path: path.join(OUT, `page-${width}.png`), animations: 'disabled' });
		}
	});
});
