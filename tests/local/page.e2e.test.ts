import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalBot } from '../../src/local/start.js';
import { startTestLocal } from './fixtures.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../helpers/chromium.js';

/** Where screenshots go for a person to look at (docs/local-mode.png is typing.png, chosen by hand). */
const SHOTS = process.env.LOCAL_SCREENSHOTS ?? path.join(os.tmpdir(), 'local-mode-shots');

let bot: LocalBot;
let context: BrowserContext;
let page: Page;
let profile: string;

beforeAll(async () => {
	if (!existsSync(CHROMIUM)) {
		throw new Error(
			`Chromium is missing at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (Debian's package), then rerun.`,
		);
	}
	bot = await startTestLocal();
	profile = mkdtempSync(path.join(os.tmpdir(), 'local-page-chromium-'));
	context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		args: CHROMIUM_ARGS,
		viewport: { width: 1280, height: 800 },
	});
	page = context.pages()[0] ?? (await context.newPage());
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	await page.goto(`${bot.url}/?member=Ada&role=organizer`);
	await page.locator('#status.live').waitFor();
	expect(errors).toEqual([]);
});

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

describe('local page in Chromium', () => {
	it('GIVEN the page THEN it shows the guild, its channels and #general', async () => {
		await expect.poll(() => page.locator('#guild-name').textContent()).toBe('LLM Study Group');
		expect(await page.locator('#channels .channel').allTextContents()).toEqual([
			'#general',
			'#study-group',
			'#announcements',
			'🔊Study Room',
		]);
		expect(await page.locator('#channel-name').textContent()).toBe('general');
	});

	it('GIVEN "/" typed THEN the command list appears, filtered while typing', async () => {
		await page.locator('#input').fill('/');
		await page.locator('#suggestions .suggestion').first().waitFor();
		const all = await page.locator('#suggestions .suggestion .label').allTextContents();
		expect(all).toEqual(['/help', '/about', '/echo', '/counter', '/feedback', '/chart', '/admin', '/quiz']);
		await page.locator('#input').pressSequentially('ab');
		await expect.poll(() => page.locator('#suggestions .suggestion .label').allTextContents()).toEqual(['/about']);
		await page.locator('#input').fill('');
	});

	it('GIVEN /help typed and Enter pressed THEN its embed appears, only for this member', async () => {
		await run('/help');
		const message = page.locator('article.msg', { has: page.locator('.embed-title', { hasText: 'LLM Study Bot' }) });
		await message.waitFor();
		expect(await message.locator('.reply-line').textContent()).toBe('Ada used /help');
		expect(await message.locator('.embed-field-name').allTextContents()).toEqual([
			'🧑‍🎓 For members',
			'🎤 For presenters',
			'🗓️ For organizers',
		]);
		expect(await message.locator('.ephemeral-note').textContent()).toContain('Only you can see this');
		await page.screenshot({ path: path.join(SHOTS, 'help.png') });
	});

	it('GIVEN a button of a test command THEN clicking it runs the handler, which edits the message in place', async () => {
		await run('/counter');
		const message = page.locator('article.msg', { hasText: 'Clicked 0 times' });
		await message.waitFor();
		expect(await message.locator('button.btn-danger').isDisabled()).toBe(true);
		await message.getByRole('button', { name: 'Add one' }).click();
		await page.locator('article.msg', { hasText: 'Clicked 1 times' }).waitFor();
		expect(await page.locator('article.msg', { hasText: 'Clicked 0 times' }).count()).toBe(0);
		expect(await page.locator('article.msg', { hasText: 'Clicked 1 times' }).locator('strong').textContent()).toBe('1');
	});

	it('GIVEN a select menu THEN choosing an option sends its value', async () => {
		const message = page.locator('article.msg', { hasText: 'Clicked 1 times' });
		await message.locator('.select-toggle').click();
		await message.locator('.select-option', { hasText: 'Week 2' }).click();
		await page.locator('article.msg', { hasText: 'Ada picked w2' }).waitFor();
	});

	it('GIVEN a modal reply THEN the dialog shows its inputs and submitting reaches the handler', async () => {
		await run('/feedback');
		const dialog = page.locator('dialog#modal');
		await dialog.waitFor({ state: 'visible' });
		expect(await dialog.locator('#modal-title').textContent()).toBe('Week 5 feedback');
		expect(await dialog.locator('textarea[name="learned"]').count()).toBe(1);
		await dialog.locator('input[name="name"]').fill('Ada');
		await dialog.locator('textarea[name="learned"]').fill('abc');
		await dialog.getByRole('button', { name: 'Submit' }).click();
		expect(await dialog.locator('#modal-error').textContent()).toMatch(/5/); // the browser's minlength check
		await dialog.locator('textarea[name="learned"]').fill('queries meet keys');
		await dialog.getByRole('button', { name: 'Submit' }).click();
		await page.locator('article.msg', { hasText: 'Thanks Ada: queries meet keys' }).waitFor();
		await dialog.waitFor({ state: 'hidden' });
	});

	it('GIVEN a chart reply THEN "thinking" turns into an embed with the PNG shown inline with its alt text', async () => {
		await run('/chart');
		const image = page.locator('.embed-image img[alt="Bar chart: mat 52%, floor 23%, sofa 15%, bed 10%"]');
		await image.waitFor();
		await expect
			.poll(() =>
				image.evaluate((img) => {
					const { complete, naturalWidth } = img as unknown as { complete: boolean; naturalWidth: number };
					return complete && naturalWidth;
				}),
			)
			.toBe(800);
		// eslint-disable-next-line @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-return -- runs in the page: the DOM types are not in this project's lib
		await page.locator('.messages').evaluate((el) => (el.scrollTop = el.scrollHeight));
		await page.screenshot({ path: path.join(SHOTS, 'chart.png') });
	});

	it('GIVEN member text with an <img onerror> and @everyone THEN it shows as text and runs nothing', async () => {
		await run('<img src=x onerror="window.__pwned = 1"> @everyone');
		await page.locator('article.msg', { hasText: '<img src=x onerror="window.__pwned = 1"> @everyone' }).waitFor();
		expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
		expect(await page.locator('.messages img[src="x"]').count()).toBe(0);
	});

	it('GIVEN Korean text and emoji THEN they render with the fonts the server ships (no tofu on a bare machine)', async () => {
		await run('/echo text:안녕하세요 👋🏽 **토큰화** 🤖');
		await page.locator('article.msg', { hasText: '안녕하세요' }).waitFor();
		const loaded = await page.evaluate(`(async () => {
			await document.fonts.ready;
			return [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replaceAll('"', ''));
		})()`);
		expect(loaded).toEqual(expect.arrayContaining(['Study Sans', 'Study Sans KR', 'Study Emoji']));
		await page.screenshot({ path: path.join(SHOTS, 'korean.png') });
	});

	it('GIVEN a post from the bot’s poster THEN it arrives live in another channel, marked unread', async () => {
		const { id } = await bot.app.deps.poster.send(bot.workspace.ids.channels.studyGroup, {
			content: '**Week 5** starts now',
		});
		await page.locator('#channels .channel.unread', { hasText: 'study-group' }).waitFor();
		await page.locator('#channels .channel', { hasText: 'study-group' }).click();
		await page.locator(`article.msg[data-id="${id}"] strong`, { hasText: 'Week 5' }).waitFor();
	});

	it('GIVEN a scheduled event created by the poster THEN the sidebar lists it with its voice channel', async () => {
		const startsAt = new Date(Date.now() + 86_400_000);
		const { studyRoom } = bot.workspace.ids.channels;
		await bot.app.deps.poster.createScheduledEvent(bot.workspace.guild.id, {
			name: 'Week 6: positional encoding',
			startsAt,
			endsAt: new Date(startsAt.getTime() + 7_200_000),
			channelId: studyRoom,
		});
		await page.locator('#events .event-name', { hasText: 'Week 6: positional encoding' }).waitFor();
		expect(await page.locator('#events .event-meta').textContent()).toContain('🔊 Study Room');
	});

	it('GIVEN a command being typed THEN its option chips, the option’s hint and its choices show', async () => {
		await page.locator('#channels .channel', { hasText: 'general' }).click();
		await page.locator('article.msg', { hasText: '안녕하세요' }).waitFor();
		const input = page.locator('#input');
		await input.fill('/echo text:hello ');
		await input.pressSequentially('me');
		await page.locator('#suggestions .suggestion', { hasText: 'member:' }).waitFor();
		expect(await page.locator('#chips .chip').allTextContents()).toEqual(['text', 'member', 'private']);
		expect(await page.locator('#chips .chip.given').allTextContents()).toEqual(['text']);
		await input.press('Tab');
		await expect.poll(() => input.inputValue()).toBe('/echo text:hello member:');
		await input.fill('/help command:co');
		await page.locator('#suggestions .suggestion', { hasText: '/counter' }).waitFor();
		expect(await page.locator('#hint').textContent()).toBe('command: Explain one command and its options');
		await page.screenshot({ path: path.join(SHOTS, 'typing.png') });
		await input.press('ArrowDown');
		await input.press('Enter'); // picks the highlighted suggestion, does not send
		await expect.poll(() => input.inputValue()).toMatch(/^\/help command:co\w+ $/);
		await input.fill('');
	});

	it('GIVEN a narrow screen THEN the channel list hides behind the menu button', async () => {
		await page.setViewportSize({ width: 420, height: 800 });
		expect(await page.locator('#menu').isVisible()).toBe(true);
		await page.locator('#menu').click();
		// eslint-disable-next-line @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-call -- runs in the page: the DOM types are not in this project's lib
		await expect.poll(() => page.locator('#sidebar').evaluate((el) => el.getBoundingClientRect().left)).toBe(0);
		await page.locator('#channels .channel', { hasText: 'general' }).click();
		await page.setViewportSize({ width: 1280, height: 800 });
	});
});
