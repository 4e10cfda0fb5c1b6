import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { App } from '../app.js';
import { en } from '../i18n/en/index.js';
import { languageOf, withLanguage } from '../i18n/index.js';
import { ko } from '../i18n/ko/index.js';
import type { Logger } from '../logger.js';
import { storeHealth } from '../storage/health.js';
import { LOCAL_ROLES, type LocalMember } from './guild.js';
import { HttpError, openEventStream, readJson, sendBytes, sendFont, sendJson, sendPageFile } from './http.js';
import type { LocalInteractionResult, LocalInteractions } from './interactions.js';
import { LocalApiError } from './message.js';
import { descriptionIn, nameIn, registered } from './localized.js';
import { canUse, suggest } from './suggest.js';
import { messageView, modalView, namesOf, scheduledEventView } from './view.js';
import type { LocalWorkspace, WorkspaceEvent } from './workspace.js';

export interface LocalServerParts {
	app: Pick<App, 'registry' | 'store' | 'log' | 'metrics'>;
	workspace: LocalWorkspace;
	interactions: LocalInteractions;
	log: Logger;
}

/** How many messages of a channel the page loads when it opens. */
const HISTORY = 200;
const KEEPALIVE_MS = 20_000;

/** The Discord locales the page's language pickers offer (the bot's languages; any other falls back to English). */
const LOCALES = ['en-US', 'ko'] as const;

const identity = {
	member: z.string().trim().min(1).max(32),
	role: z.enum(LOCAL_ROLES as ['member', 'presenter', 'organizer']).default('member'),
	locale: z.enum(LOCALES).optional(),
};
const SendBody = z.object({ ...identity, channelId: z.string(), text: z.string().min(1).max(4000) });
const SuggestBody = z.object({ ...identity, channelId: z.string(), line: z.string().max(4000) });
const ClickBody = z.object({
	...identity,
	messageId: z.string(),
	customId: z.string().max(100),
	values: z.array(z.string().max(100)).max(25).default([]),
});
const ModalBody = z.object({
	...identity,
	customId: z.string().max(100),
	fields: z.record(z.string(), z.string().max(4000)),
});
const DismissBody = z.object({ ...identity, messageId: z.string() });
const GuildBody = z.object({ ...identity, guildLocale: z.enum(LOCALES) });
const Identity = z.object(identity);

function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
	const result = schema.safeParse(value);
	if (!result.success)
		throw new HttpError(
			400,
			`Bad request: ${result.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
		);
	return result.data;
}

/**
 * The local page's HTTP API: the page, its history and live events (Server-Sent Events), and one POST per thing a
 * member does. The member is named in every request (the page's identity picker); a new name joins the guild.
 */
export function createRequestHandler(parts: LocalServerParts): {
	handle(req: IncomingMessage, res: ServerResponse): void;
	close(): void;
} {
	const { workspace, interactions, app, log } = parts;
	const names = namesOf(workspace);
	const streams = new Set<() => void>();

	const who = (value: unknown): LocalMember => {
		const { member, role, locale } = parse(Identity, value);
		return workspace.join(member, role, locale);
	};
	const languageOfMember = (member: LocalMember) => languageOf(member.locale);
	const query = (url: URL) => Object.fromEntries(url.searchParams);
	const answer = (result: LocalInteractionResult) => ({
		ok: result.outcome.ok,
		modal: result.modal ? modalView(result.modal, names) : null,
	});

	const routes: Record<string, (url: URL, req: IncomingMessage, res: ServerResponse) => Promise<void>> = {
		'GET /': async (_url, _req, res) => sendPageFile(res, 'index.html'),
		'GET /healthz': async (_url, _req, res) => {
			const store = await storeHealth(app.store);
			sendJson(res, store.ok ? 200 : 503, { mode: 'local', ok: store.ok, store });
		},
		'GET /metrics': async (_url, _req, res) => {
			res.writeHead(200, { 'content-type': app.metrics.contentType }).end(await app.metrics.text());
		},
		'GET /api/bootstrap': async (url, _req, res) => {
			const me = who(query(url));
			const language = languageOfMember(me);
			sendJson(res, 200, {
				guild: workspace.guild,
				bot: workspace.bot,
				me,
				language,
				// The page's own words, in the member's language ({{placeholders}} filled in by the page).
				ui: { en, ko }[language].local.page,
				members: workspace.members(),
				roles: workspace.roles,
				channels: workspace.channels(),
				events: workspace.scheduledEvents().map((e) => scheduledEventView(e, (id) => workspace.channel(id))),
				commands: app.registry.all
					.filter((c) => canUse(c, workspace.actor(me).permissions))
					.map((c) => registered(c.data))
					.map((data) => ({
						name: data.name,
						label: nameIn(data, language),
						description: descriptionIn(data, language),
					})),
			});
		},
		'GET /api/messages': async (url, _req, res) => {
			const me = who(query(url));
			const channel = workspace.requireChannel(url.searchParams.get('channel') ?? '');
			const messages = workspace.messages(channel.id, { as: me.id }).slice(-HISTORY);
			sendJson(res, 200, { messages: messages.map((m) => messageView(m, names, me.id)) });
		},
		'GET /api/events': async (url, req, res) => {
			const me = who(query(url));
			const send = openEventStream(res);
			const unsubscribe = workspace.subscribe((event: WorkspaceEvent) => {
				if (event.type === 'message' && (event.message.visibleTo ?? me.id) === me.id)
					send('message', messageView(event.message, names, me.id));
				else if (event.type === 'delete' && (event.visibleTo ?? me.id) === me.id)
					send('delete', { channelId: event.channelId, id: event.messageId });
				else if (event.type === 'channel') send('channel', event.channel);
				else if (event.type === 'channel-delete') send('channel-delete', { id: event.channelId });
				else if (event.type === 'scheduled-event')
					send(
						'scheduled-event',
						scheduledEventView(event.event, (id) => workspace.channel(id)),
					);
			});
			const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
			const stop = () => {
				clearInterval(keepalive);
				unsubscribe();
				streams.delete(stop);
				res.end();
			};
			streams.add(stop);
			req.on('close', stop);
		},
		'GET /api/modal': async (url, _req, res) => {
			const modal = interactions.pendingModal(who(query(url)));
			sendJson(res, 200, { modal: modal ? modalView(modal, names) : null });
		},
		'POST /api/send': async (_url, req, res) => {
			const body = parse(SendBody, await readJson(req));
			const member = workspace.join(body.member, body.role, body.locale);
			if (body.text.trimStart().startsWith('/')) {
				sendJson(res, 200, answer(await interactions.command(body.text, member, body.channelId)));
			} else {
				interactions.say(body.text, member, body.channelId);
				sendJson(res, 200, { ok: true, modal: null });
			}
		},
		'POST /api/suggest': async (_url, req, res) => {
			const body = parse(SuggestBody, await readJson(req));
			const member = workspace.join(body.member, body.role, body.locale);
			const permissions = workspace.actor(member).permissions;
			const language = languageOfMember(member);
			sendJson(
				res,
				200,
				await withLanguage(language, () =>
					suggest(
						body.line,
						app.registry,
						permissions,
						(focused) => interactions.autocomplete(body.line, member, body.channelId, focused),
						language,
					),
				),
			);
		},
		'POST /api/click': async (_url, req, res) => {
			const body = parse(ClickBody, await readJson(req));
			sendJson(
				res,
				200,
				answer(
					await interactions.click(
						body.messageId,
						body.customId,
						workspace.join(body.member, body.role, body.locale),
						body.values,
					),
				),
			);
		},
		'POST /api/modal': async (_url, req, res) => {
			const body = parse(ModalBody, await readJson(req));
			sendJson(
				res,
				200,
				answer(
					await interactions.submitModal(
						body.customId,
						body.fields,
						workspace.join(body.member, body.role, body.locale),
					),
				),
			);
		},
		'POST /api/modal/dismiss': async (_url, req, res) => {
			interactions.dismissModal(who(await readJson(req)));
			sendJson(res, 200, { ok: true });
		},
		'POST /api/guild': async (_url, req, res) => {
			// The server's language, as an organizer sets it in Discord's server settings (any member may here).
			const body = parse(GuildBody, await readJson(req));
			workspace.guild.preferredLocale = body.guildLocale;
			sendJson(res, 200, { ok: true, guild: workspace.guild });
		},
		'POST /api/dismiss': async (_url, req, res) => {
			const body = parse(DismissBody, await readJson(req));
			const member = workspace.join(body.member, body.role, body.locale);
			const message = workspace.requireMessage(body.messageId);
			if (message.visibleTo !== member.id)
				throw new HttpError(403, 'Only your own ephemeral messages can be dismissed.');
			workspace.deleteMessage(message.id);
			sendJson(res, 200, { ok: true });
		},
	};

	const attachment = (url: URL, res: ServerResponse) => {
		const [, , messageId = '', fileId = ''] = url.pathname.split('/');
		const message = workspace.message(messageId);
		const file = message?.attachments.find((a) => a.id === fileId);
		if (!message || !file) throw new HttpError(404, 'Not found.');
		if (message.visibleTo) {
			const viewer = url.searchParams.get('member');
			if (!viewer || workspace.member(viewer)?.id !== message.visibleTo) throw new HttpError(404, 'Not found.');
		}
		// Only images display inline; anything else downloads, so a file can never run as a page of this origin.
		const disposition = file.contentType.startsWith('image/') ? 'inline' : 'attachment';
		sendBytes(res, file.contentType, file.data, {
			'Content-Disposition': `${disposition}; filename*=UTF-8''${encodeURIComponent(file.name)}`,
			'Cache-Control': 'private, max-age=3600',
		});
	};

	const handle = (req: IncomingMessage, res: ServerResponse): void => {
		const url = new URL(req.url ?? '/', 'http://local');
		// Node sends no body for HEAD, so a HEAD is answered as the GET it asks about.
		const method = req.method === 'HEAD' ? 'GET' : req.method;
		const key = `${method} ${url.pathname}`;
		const run = async () => {
			const route = routes[key];
			if (route) return route(url, req, res);
			if (method === 'GET' && url.pathname.startsWith('/page/'))
				return sendPageFile(res, url.pathname.slice('/page/'.length));
			if (method === 'GET' && url.pathname.startsWith('/attachments/')) return attachment(url, res);
			if (method === 'GET' && url.pathname.startsWith('/fonts/'))
				return sendFont(res, url.pathname.slice('/fonts/'.length));
			throw new HttpError(404, 'Not found.');
		};
		run().catch((error: unknown) => {
			if (res.headersSent) {
				res.end();
				return;
			}
			if (error instanceof HttpError) return sendJson(res, error.status, { error: error.message });
			if (error instanceof LocalApiError) return sendJson(res, 400, { error: error.message, code: error.code });
			log.error({ err: error, route: key }, 'local page request failed');
			sendJson(res, 500, { error: 'Something went wrong in the local server; see its log.' });
		});
	};

	return {
		handle,
		close: () => {
			for (const stop of [...streams]) stop();
		},
	};
}
