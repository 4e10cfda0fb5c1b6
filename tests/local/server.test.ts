import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_IDS } from '../../src/local/guild.js';
import type { LocalBot } from '../../src/local/start.js';
import type { MessageView, ModalView } from '../../src/local/view.js';
import { version } from '../../src/version.js';
import { startTestLocal } from './fixtures.js';
import { openEvents } from './sse-client.js';

const { general, studyGroup } = LOCAL_IDS.channels;
let bot: LocalBot;

beforeAll(async () => {
	bot = await startTestLocal();
});
afterAll(async () => {
	await bot.stop();
});

type Who = { member: string; role?: 'member' | 'presenter' | 'organizer' };
const ADA: Who = { member: 'Ada', role: 'organizer' };
const LINUS: Who = { member: 'Linus', role: 'member' };

async function post(path: string, who: Who, body: object): Promise<{ status: number; json: Record<string, unknown> }> {
	const response = await fetch(bot.url + path, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ ...who, ...body }),
	});
	return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

async function history(channelId: string, who: Who): Promise<MessageView[]> {
	const query = new URLSearchParams({ channel: channelId, member: who.member, role: who.role ?? 'member' });
	const response = await fetch(`${bot.url}/api/messages?${query.toString()}`);
	expect(response.status).toBe(200);
	return ((await response.json()) as { messages: MessageView[] }).messages;
}

const send = (who: Who, text: string, channelId = general) => post('/api/send', who, { channelId, text });

describe('local server', () => {
	it('GIVEN GET /healthz THEN it reports the local mode and a reachable store', async () => {
		const response = await fetch(`${bot.url}/healthz`);
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ mode: 'local', ok: true, store: { kind: 'sqlite', ok: true } });
	});

	it('GIVEN GET / THEN the page is served with a policy that loads nothing from elsewhere', async () => {
		const response = await fetch(`${bot.url}/`);
		expect(response.headers.get('content-type')).toMatch(/text\/html/);
		expect((await fetch(`${bot.url}/`, { method: 'HEAD' })).status).toBe(200);
		expect((await fetch(`${bot.url}/fonts/Twemoji.woff2`)).headers.get('content-type')).toBe('font/woff2');
		expect((await fetch(`${bot.url}/fonts/README.md`)).status).toBe(404);
		expect(response.headers.get('content-security-policy')).toMatch(/default-src 'none'; script-src 'self'/);
		const html = await response.text();
		expect(html).toContain('<script type="module" src="/page/app.js">');
		expect(html).not.toMatch(/https?:\/\//);
		for (const file of ['app.js', 'render.js', 'composer.js', 'modal.js', 'time.js', 'style.css']) {
			expect((await fetch(`${bot.url}/page/${file}`)).status, file).toBe(200);
		}
		expect((await fetch(`${bot.url}/page/..%2Fstart.ts`)).status).toBe(404);
		expect((await fetch(`${bot.url}/page/start.ts`)).status).toBe(404);
	});

	it('GIVEN /help over HTTP THEN its embed is in the member’s history and in nobody else’s', async () => {
		expect((await send(ADA, '/help')).json).toEqual({ ok: true, modal: null });
		const mine = await history(general, ADA);
		const reply = mine.find((m) => m.interaction?.commandName === 'help');
		expect(reply).toMatchObject({
			ephemeral: true,
			author: { name: 'LLM Study Bot', bot: true },
			interaction: { userName: 'Ada' },
		});
		expect(reply?.embeds[0]?.titleHtml).toBe('LLM Study Bot');
		expect(reply?.embeds[0]?.fields.map((f) => f.nameHtml)).toEqual([
			'🧑‍🎓 For members',
			'🎤 For presenters',
			'🗓️ For organizers',
		]);
		expect((await history(general, LINUS)).some((m) => m.id === reply?.id)).toBe(false);
	});

	it('GIVEN /about over HTTP THEN everyone sees its public embed with the version', async () => {
		await send(LINUS, '/about');
		const reply = (await history(general, ADA)).find((m) => m.interaction?.commandName === 'about');
		expect(reply?.ephemeral).toBe(false);
		expect(reply?.embeds[0]?.fields).toEqual(
			expect.arrayContaining([{ nameHtml: 'Version', valueHtml: `<div class="md-p">${version}</div>`, inline: true }]),
		);
	});

	it('GIVEN live event streams THEN each member receives public messages and only their own ephemeral ones', async () => {
		const query = (who: Who) => `${bot.url}/api/events?member=${who.member}&role=${who.role}`;
		const ada = await openEvents(query(ADA));
		const linus = await openEvents(query(LINUS));
		try {
			await send(ADA, '/echo text:secret plan private:true');
			await send(ADA, '/echo text:hello everyone');
			const isEcho = (text: string) => (e: { event: string; data: unknown }) =>
				e.event === 'message' && (e.data as MessageView).html.includes(text);
			await ada.next(isEcho('secret plan'));
			await linus.next(isEcho('hello everyone'));
			await ada.next(isEcho('hello everyone'));
			expect(linus.seen.some(isEcho('secret plan'))).toBe(false);
		} finally {
			ada.close();
			linus.close();
		}
	});

	it('GIVEN a scheduled post through the poster THEN an open page receives it live', async () => {
		const events = await openEvents(`${bot.url}/api/events?member=Linus`);
		try {
			const { id } = await bot.app.deps.poster.send(studyGroup, { content: 'Week 5 starts <t:1741000000:R>' });
			const event = await events.next((e) => e.event === 'message' && (e.data as MessageView).id === id);
			expect((event.data as MessageView).html).toContain(
				'<time class="ts" datetime="2025-03-03T11:06:40.000Z" data-style="R">',
			);
		} finally {
			events.close();
		}
	});

	it('GIVEN a member’s text with HTML THEN the page receives it escaped', async () => {
		await send(LINUS, '<img src=x onerror=alert(1)> @everyone', studyGroup);
		const [message] = (await history(studyGroup, LINUS)).filter((m) => !m.author.bot);
		expect(message).toMatchObject({
			author: { name: 'Linus', bot: false },
			html: '<div class="md-p">&lt;img src=x onerror=alert(1)&gt; @everyone</div>',
		});
	});

	it('GIVEN a button click over HTTP THEN the handler updates the message', async () => {
		await send(LINUS, '/counter');
		const message = (await history(general, LINUS)).findLast((m) => m.interaction?.commandName === 'counter')!;
		const click = await post('/api/click', ADA, { messageId: message.id, customId: 'counter:add:0' });
		expect(click).toEqual({ status: 200, json: { ok: true, modal: null } });
		const after = (await history(general, LINUS)).find((m) => m.id === message.id);
		expect(after?.html).toBe('<div class="md-p">Clicked <strong>1</strong> times</div>');
		expect(after?.editedAt).not.toBeNull();
		const refused = await post('/api/click', ADA, { messageId: message.id, customId: 'counter:locked' });
		expect(refused.status).toBe(400);
		expect(refused.json.error).toMatch(/disabled/);
	});

	it('GIVEN a modal over HTTP THEN the page gets its inputs and the submit reaches the handler', async () => {
		const opened = await send(LINUS, '/feedback');
		const modal = opened.json.modal as ModalView;
		expect(modal).toEqual({
			customId: 'feedback:submit',
			title: 'Week 5 feedback',
			items: [
				{ kind: 'text', html: '<div class="md-p">Tell us <strong>one</strong> thing.</div>' },
				expect.objectContaining({
					kind: 'text-input',
					customId: 'name',
					label: 'Your name',
					paragraph: false,
					required: true,
					maxLength: 20,
				}),
				expect.objectContaining({
					kind: 'text-input',
					customId: 'learned',
					label: 'What did you learn?',
					paragraph: true,
					required: false,
					minLength: 5,
				}),
			],
		});
		const bad = await post('/api/modal', LINUS, { customId: modal.customId, fields: { name: '' } });
		expect(bad.status).toBe(400);
		const good = await post('/api/modal', LINUS, {
			customId: modal.customId,
			fields: { name: 'Linus', learned: 'attention is a weighted sum' },
		});
		expect(good.json.ok).toBe(true);
		expect((await history(general, LINUS)).at(-1)).toMatchObject({
			ephemeral: true,
			html: '<div class="md-p">Thanks Linus: attention is a weighted sum</div>',
		});
	});

	it('GIVEN a chart reply THEN its PNG is served to the viewer and the embed shows it instead of listing it', async () => {
		await send(LINUS, '/chart');
		const reply = (await history(general, LINUS)).findLast((m) => m.interaction?.commandName === 'chart')!;
		expect(reply.attachments).toEqual([]);
		const image = reply.embeds[0]?.image;
		expect(image?.alt).toBe('Bar chart: mat 52%, floor 23%, sofa 15%, bed 10%');
		const response = await fetch(bot.url + image!.url);
		expect(response.headers.get('content-type')).toBe('image/png');
		const bytes = Buffer.from(await response.arrayBuffer());
		expect(bytes.subarray(1, 4).toString()).toBe('PNG');
		expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([800, 450]);
	});

	it('GIVEN an ephemeral message THEN only its member may dismiss it', async () => {
		await send(ADA, '/echo text:dismiss me private:true');
		const message = (await history(general, ADA)).findLast((m) => m.html.includes('dismiss me'))!;
		expect((await post('/api/dismiss', LINUS, { messageId: message.id })).status).toBe(403);
		expect((await post('/api/dismiss', ADA, { messageId: message.id })).status).toBe(200);
		expect((await history(general, ADA)).some((m) => m.id === message.id)).toBe(false);
	});

	it('GIVEN suggestions THEN commands, option chips, choices and autocomplete answers come back', async () => {
		const suggest = async (who: Who, line: string) =>
			(await post('/api/suggest', who, { channelId: general, line })).json;
		expect(await suggest(LINUS, '/ec')).toMatchObject({ items: [{ label: '/echo', line: '/echo ' }] });
		expect(((await suggest(LINUS, '/')).items as { label: string }[]).map((i) => i.label)).not.toContain('/admin');
		expect(((await suggest(ADA, '/')).items as { label: string }[]).map((i) => i.label)).toContain('/admin');
		expect(await suggest(LINUS, '/quiz ')).toMatchObject({
			items: [{ label: '/quiz practice' }, { label: '/quiz stats' }],
		});
		expect(await suggest(LINUS, '/echo text:hi ')).toMatchObject({
			chips: [
				{ name: 'text', given: true, required: true },
				{ name: 'member', given: false },
				{ name: 'private', given: false },
			],
		});
		expect(await suggest(LINUS, '/echo text:hi pri')).toMatchObject({
			items: [{ label: 'private:', line: '/echo text:hi private:' }],
		});
		expect(await suggest(LINUS, '/help command:cou')).toMatchObject({
			items: [{ detail: 'counter', line: '/help command:counter ' }],
		});
		expect(await suggest(LINUS, '/help cou')).toMatchObject({ items: [{ detail: 'counter', line: '/help counter ' }] });
	});

	it('GIVEN requests a page of another site could send THEN they are refused', async () => {
		const form = await fetch(`${bot.url}/api/send`, {
			method: 'POST',
			headers: { 'Content-Type': 'text/plain' },
			body: JSON.stringify({ ...LINUS, channelId: general, text: '/about' }),
		});
		expect(form.status).toBe(415);
		const crossSite = await fetch(`${bot.url}/api/send`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', 'Origin': 'http://evil.example' },
			body: JSON.stringify({ ...LINUS, channelId: general, text: '/about' }),
		});
		expect(crossSite.status).toBe(403);
	});

	it('GIVEN bad requests THEN they get 400 or 404 with a message', async () => {
		expect((await send({ member: '' }, '/about')).status).toBe(400);
		expect((await send(LINUS, '/about', '1')).json).toEqual({ error: 'Unknown Channel (10003)', code: 10003 });
		expect((await fetch(`${bot.url}/nope`)).status).toBe(404);
		expect((await fetch(`${bot.url}/attachments/1/2/x.png`)).status).toBe(404);
	});
});

describe('the member’s Discord language in the local page', () => {
	const lastHelp = async (who: Who) =>
		(await history(general, who)).filter((m) => m.interaction?.commandName === 'help').at(-1)!;

	it('GIVEN a request with locale ko THEN the member keeps it and the bot answers in Korean; an unknown locale is refused', async () => {
		const mina = { member: 'Mina', locale: 'ko' } as Who;
		expect((await post('/api/send', mina, { channelId: general, text: '/help' })).json.ok).toBe(true);
		expect(bot.workspace.member('Mina')!.locale).toBe('ko');
		expect((await lastHelp(mina)).embeds[0]!.fields.map((f) => f.nameHtml).join()).toMatch(/\p{Script=Hangul}/u);
		// A request that does not name the locale leaves it as it was.
		await send({ member: 'Mina' }, '/about');
		expect(bot.workspace.member('Mina')!.locale).toBe('ko');
		const french = await post('/api/send', { member: 'Mina', locale: 'fr' } as Who, {
			channelId: general,
			text: '/about',
		});
		expect(french.status).toBe(400);
		// Without a locale, a member is en-US, as before.
		await send({ member: 'Grace' }, '/help');
		expect((await lastHelp({ member: 'Grace' })).embeds[0]!.fields.map((f) => f.nameHtml)).toEqual([
			'🧑‍🎓 For members',
			'🎤 For presenters',
			'🗓️ For organizers',
		]);
	});
});
