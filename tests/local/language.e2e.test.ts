import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { defineCommand } from '../../src/core/command.js';
import { koCommands } from '../../src/i18n/ko/commands.js';
import { repoRoot } from '../../src/paths.js';
import { openLocalPage, type LocalPage } from '../helpers/local-page.js';

// The screenshot for docs/display/ is written only when asked (WRITE_DEMO_EXAMPLES=1), as docs/local-mode.png is.
const write = process.env.WRITE_DEMO_EXAMPLES === '1';
const SHOT = write
	? path.join(repoRoot(), 'docs', 'display', 'local-mode-ko.png')
	: path.join(os.tmpdir(), 'local-mode-ko.png');

/** Answers with the languages the interaction carried: what Discord would send as `locale` and `guild_locale`. */
const probe = defineCommand({
	data: { name: 'probe', description: 'Says which languages the bot received' },
	run: ({ locale, guildLocale }) => ({ content: `locale=${locale} guild_locale=${guildLocale ?? 'none'}` }),
});

let local: LocalPage;
let page: Page;

beforeAll(async () => {
	local = await openLocalPage({ path: '/?member=민지&role=organizer', commands: [...commands, probe] });
	page = local.page;
}, 60_000);
afterAll(() => local?.close());

async function run(line: string): Promise<void> {
	const input = page.locator('#input');
	await input.fill(line);
	await input.press('Enter');
	await expect.poll(() => input.inputValue(), { timeout: 10_000 }).toBe('');
}

const labels = () => page.locator('#suggestions .suggestion .label').allTextContents();

describe('the local page’s language pickers', () => {
	it('GIVEN the page THEN it starts in English, the member’s and the server’s language both en-US', async () => {
		expect(await page.locator('#events-title').textContent()).toBe('Scheduled events');
		expect(await page.locator('#me-locale').inputValue()).toBe('en-US');
		expect(await page.locator('#guild-locale').inputValue()).toBe('en-US');
		await run('/probe');
		await page.locator('article.msg .content', { hasText: 'locale=en-US guild_locale=en-US' }).waitFor();
	});

	it('GIVEN Korean picked as the member’s language THEN the page’s own words turn Korean', async () => {
		await page.locator('#me-locale').selectOption('ko');
		await expect.poll(() => page.locator('#events-title').textContent()).toBe('예정된 이벤트');
		expect(await page.locator('#input').getAttribute('placeholder')).toBe('#general에 메시지 보내기 · 명령어는 / 입력');
		expect(await page.locator('html').getAttribute('lang')).toBe('ko');
		expect(await page.locator('#me-role option:checked').textContent()).toBe('운영진 (서버 관리)');
	});

	it('GIVEN "/" typed in Korean THEN the command list shows the Korean names and descriptions Discord would', async () => {
		await page.locator('#input').fill('/');
		await page.locator('#suggestions .suggestion').first().waitFor();
		const all = await labels();
		expect(all).toEqual(expect.arrayContaining(['/도움말', '/토큰화', '/유사도', '/설정', '/probe']));
		const tokenize = page.locator('#suggestions .suggestion', { hasText: '/토큰화' });
		expect(await tokenize.locator('.detail').textContent()).toBe(koCommands.tokenize!.description);
		// Typing the English name still finds the command, shown by its Korean name.
		await page.locator('#input').fill('/tokeni');
		await expect.poll(labels, { timeout: 10_000 }).toEqual(['/토큰화']);
	});

	it('GIVEN a command typed by its Korean name THEN the form shows Korean options, hints and choices', async () => {
		await page.locator('#input').fill('/토큰화 ');
		await expect
			.poll(() => page.locator('#chips .chip').allTextContents())
			.toEqual(['텍스트', '인코딩', '계열', '표시', '시스템']);
		expect(await page.locator('#hint').textContent()).toBe(`/토큰화: ${koCommands.tokenize!.description}`);
		await page.locator('#input').fill('/토큰화 텍스트:안녕 인코딩:');
		await expect.poll(labels, { timeout: 10_000 }).toContain(koCommands.tokenize!.options!.encoding!.choices!.all);
		expect(await page.locator('#hint').textContent()).toBe(
			`인코딩: ${koCommands.tokenize!.options!.encoding!.description}`,
		);
		await page.locator('#input').fill('');
	});

	it('GIVEN Korean picked THEN the bot receives locale ko, and guild_locale ko once the server’s language is Korean', async () => {
		await run('/probe');
		const first = page.locator('article.msg', {
			has: page.locator('.content', { hasText: 'locale=ko guild_locale=en-US' }),
		});
		await first.waitFor();
		expect(await first.locator('.reply-line').textContent()).toBe('민지님이 /probe 명령어를 사용함');
		await page.locator('#guild-locale').selectOption('ko');
		await run('/probe');
		await page.locator('article.msg .content', { hasText: 'locale=ko guild_locale=ko' }).waitFor();
	});

	it('GIVEN /설정 보기 typed by its Korean names THEN the settings answer in Korean, following the server’s language', async () => {
		await run('/설정 보기');
		const reply = page.locator('article.msg', { hasText: '공개 게시물의 언어' });
		await reply.waitFor();
		expect(await reply.locator('.reply-line').textContent()).toBe('민지님이 /설정 명령어를 사용함');
		expect(await reply.locator('.content').textContent()).toContain('서버의 Discord 언어를 따름 (지금은 한국어)');
	});

	it('GIVEN the Korean page THEN its picture shows a Korean reply and a command’s Korean form (docs/display/local-mode-ko.png)', async () => {
		mkdirSync(path.dirname(SHOT), { recursive: true });
		await page.locator('#channels .channel', { hasText: 'study-group' }).click();
		await expect.poll(() => page.locator('#channel-name').textContent()).toBe('study-group');
		await run('/설정 보기');
		await page.locator('article.msg', { hasText: '공개 게시물의 언어' }).waitFor();
		// Typed as a member types (the last key pressed), not set at once.
		await page.locator('#input').fill('/토큰화 텍스트:안녕하세요 인코딩');
		await page.locator('#input').press(':');
		const compare = koCommands.tokenize!.options!.encoding!.choices!.compare!;
		// On a loaded machine the list has once stayed empty after the first key (not understood; a member's next key
		// shows it): while it is empty, type the last key again, as a member would.
		await expect
			.poll(
				async () => {
					const shown = await labels();
					if (!shown.includes(compare)) {
						await page.locator('#input').press('Backspace');
						await page.locator('#input').press(':');
					}
					return shown;
				},
				{ timeout: 15_000, interval: 2_000 },
			)
			.toContain(compare);
		await page.screenshot({ path: SHOT });
		await page.locator('#input').fill('');
	});

	it('GIVEN English picked again THEN the page and the bot’s locale are English again', async () => {
		await page.locator('#me-locale').selectOption('en-US');
		await expect.poll(() => page.locator('#events-title').textContent()).toBe('Scheduled events');
		await run('/probe');
		await page.locator('article.msg .content', { hasText: 'locale=en-US guild_locale=ko' }).waitFor();
	});
});
