import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { discordSpec } from '../spec/openapi.js';
import { validateRequest } from '../spec/validate-request.js';
import type { EmulatorCore, RouteResult, RouteTable } from './core.js';
import type { FaultPlan, HttpFault } from './faults.js';
import { parseBody } from './request-body.js';

/** One request the bot made, as the emulator saw and answered it. */
export interface RecordedRequest {
	seq: number;
	at: number;
	method: string;
	/** Path under the API version, e.g. `/channels/123/messages`. */
	path: string;
	/** Full request URL path and query, e.g. `/api/v10/channels/123/messages?x=1`. */
	url: string;
	/** `POST /channels/{channel_id}/messages`, or null when Discord has no such route. */
	route: string | null;
	params: Record<string, string>;
	query: URLSearchParams;
	headers: IncomingMessage['headers'];
	json: unknown;
	files: { field: string; filename: string; contentType: string; size: number }[];
	status: number;
	response: unknown;
	/** The injected fault that answered it, if any. */
	fault?: number;
}

/** A request body that breaks Discord's spec or a documented limit. */
export interface SpecViolation {
	method: string;
	url: string;
	route: string | null;
	errors: string[];
	body: unknown;
}

interface Bucket {
	remaining: number;
	resetAt: number;
}

/** Turns `/data/embeds/0/title must …` lines into Discord's nested `errors` object of a 50035 answer. */
function formErrors(errors: string[]): Record<string, unknown> {
	const tree: Record<string, unknown> = {};
	for (const line of errors) {
		const match = /^(?:spec|limit): (\/\S*)\s+(.*)$/.exec(line);
		const keys = (match?.[1] ?? '/').split('/').filter(Boolean);
		let node = tree;
		for (const key of keys) node = (node[key] ??= {}) as Record<string, unknown>;
		const list = (node._errors ??= []) as { code: string; message: string }[];
		list.push({ code: 'BASE_TYPE_INVALID', message: match?.[2] ?? line });
	}
	return tree;
}

function majorParameter(params: Record<string, string>): string {
	return (
		params.channel_id ??
		params.guild_id ??
		(params.webhook_id ? `${params.webhook_id}/${params.webhook_token}` : (params.interaction_id ?? 'global'))
	);
}

/** The HTTP side of the emulator: records, injects faults, checks auth, rate limits and bodies, then routes. */
export class HttpPipeline {
	readonly requests: RecordedRequest[] = [];
	readonly violations: SpecViolation[] = [];
	readonly unknownRoutes: RecordedRequest[] = [];
	private readonly buckets = new Map<string, Bucket>();
	private seq = 0;

	constructor(
		private readonly core: EmulatorCore,
		private readonly routes: RouteTable,
		private readonly faults: FaultPlan,
		private readonly changed: () => void,
	) {}

	async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of request) chunks.push(chunk as Buffer);
		const raw = Buffer.concat(chunks);
		const url = new URL(request.url ?? '/', this.core.baseUrl());
		const method = (request.method ?? 'GET').toUpperCase();

		if (method === 'GET' && url.pathname.startsWith('/attachments/'))
			return this.serveAttachment(url.pathname, response);
		const versioned = /^\/api(?:\/v(\d+))?(\/.*)$/.exec(url.pathname);
		const version = versioned?.[1] === undefined ? 10 : Number(versioned[1]);
		const path = (versioned?.[2] ?? url.pathname).replace(/(.)\/+$/, '$1');
		const body = await parseBody(request.headers['content-type'], raw);
		const match = versioned && (version === 9 || version === 10) ? discordSpec().match(method, path) : null;
		const route = match ? `${match.operation.method} ${match.operation.template}` : null;
		const record: RecordedRequest = {
			seq: ++this.seq,
			at: Date.now(),
			method,
			path,
			url: url.pathname + url.search,
			route,
			params: match?.params ?? {},
			query: url.searchParams,
			headers: request.headers,
			json: body.json,
			files: body.files.map((f) => ({
				field: f.field,
				filename: f.filename,
				contentType: f.contentType,
				size: f.bytes.length,
			})),
			status: 0,
			response: undefined,
		};
		this.requests.push(record);

		const delayMs = this.faults.takeDelay(method, path, route);
		let receivedAt = record.at;
		if (delayMs > 0) {
			// A delayed request reaches "Discord" late: its deadlines count to the end of the delay.
			await sleep(delayMs);
			receivedAt = Date.now();
		}
		const fault = this.faults.takeHttpFault(method, path, route);
		if (fault && fault.when !== 'after')
			return this.send(response, record, this.faultResult(fault), this.faultHeaders(fault, route), fault.status);

		const handler = route ? this.routes[route] : undefined;
		if (!match || !handler) {
			this.unknownRoutes.push(record);
			return this.send(response, record, { status: 404, body: { message: '404: Not Found', code: 0 } });
		}
		if (match.operation.requiresBotToken && request.headers.authorization !== `Bot ${this.core.options.token}`) {
			return this.send(response, record, { status: 401, body: { message: '401: Unauthorized', code: 0 } });
		}
		const bucketKey = `${route} ${majorParameter(match.params)}`;
		const limited = this.takeBucket(bucketKey);
		if (limited) return this.send(response, record, limited.result, limited.headers);

		if (body.error) {
			this.violations.push({
				method,
				url: record.url,
				route,
				errors: [`body: ${body.error}`],
				body: raw.toString('utf8').slice(0, 2000),
			});
			return this.send(
				response,
				record,
				{ status: 400, body: { message: 'The request body contains invalid JSON.', code: 50109 } },
				this.bucketHeaders(bucketKey, route),
			);
		}
		const errors = this.validate(method, record, body.kind === 'none' ? undefined : body.json);
		if (errors.length > 0) {
			this.violations.push({ method, url: record.url, route, errors, body: body.json });
			if (this.core.options.rejectInvalidBodies) {
				return this.send(
					response,
					record,
					{ status: 400, body: { message: 'Invalid Form Body', code: 50035, errors: formErrors(errors) } },
					this.bucketHeaders(bucketKey, route),
				);
			}
		}

		const result = await handler({
			core: this.core,
			method,
			template: match.operation.template,
			params: match.params,
			query: url.searchParams,
			json: body.json,
			files: body.files,
			receivedAt,
		});
		if (fault)
			return this.send(response, record, this.faultResult(fault), this.faultHeaders(fault, route), fault.status);
		return this.send(response, record, result, this.bucketHeaders(bucketKey, route));
	}

	private validate(method: string, record: RecordedRequest, json: unknown): string[] {
		const existing = this.existingAttachments(record, json);
		const result = validateRequest(method, record.url, json, {
			files: record.files.map((f) => ({
				field: f.field,
				filename: f.filename,
				size: f.size,
				contentType: f.contentType,
			})),
			existingAttachments: existing,
			now: new Date(record.at),
			uploadLimitBytes: this.core.options.uploadLimitBytes,
		});
		return result.errors;
	}

	/** For edits: the attachments the target message has, which the body may keep by id. */
	private existingAttachments(record: RecordedRequest, json: unknown): { id: string; filename: string }[] {
		const { world, interactions } = this.core;
		let messageId: string | undefined = record.params.message_id;
		if (record.route?.endsWith('/messages/@original')) {
			const interaction = interactions.recordByToken(record.params.webhook_token ?? '');
			messageId = interaction?.original?.message.id;
		} else if (record.route?.endsWith('/callback') && (json as { type?: number } | undefined)?.type === 7) {
			messageId = interactions.records.get(record.params.interaction_id ?? '')?.componentMessageId;
		}
		const stored = messageId ? world.findMessage(messageId) : undefined;
		return stored?.message.attachments.map((a) => ({ id: a.id, filename: a.filename })) ?? [];
	}

	private takeBucket(key: string): { result: RouteResult; headers: Record<string, string> } | undefined {
		const now = Date.now();
		const { limit, windowMs } = this.core.options.rateLimit;
		let bucket = this.buckets.get(key);
		if (!bucket || now >= bucket.resetAt) {
			bucket = { remaining: limit, resetAt: now + windowMs };
			this.buckets.set(key, bucket);
		}
		if (bucket.remaining > 0) {
			bucket.remaining -= 1;
			return undefined;
		}
		const retryAfter = (bucket.resetAt - now) / 1000;
		return {
			result: { status: 429, body: { message: 'You are being rate limited.', retry_after: retryAfter, global: false } },
			headers: {
				...this.bucketHeaders(key, key.split(' ').slice(0, 2).join(' ')),
				'Retry-After': String(retryAfter),
				'X-RateLimit-Scope': 'user',
			},
		};
	}

	private bucketHeaders(key: string, route: string | null): Record<string, string> {
		const bucket = this.buckets.get(key);
		const now = Date.now();
		const resetAt = bucket?.resetAt ?? now;
		return {
			'X-RateLimit-Limit': String(this.core.options.rateLimit.limit),
			'X-RateLimit-Remaining': String(bucket?.remaining ?? this.core.options.rateLimit.limit),
			'X-RateLimit-Reset': (resetAt / 1000).toFixed(3),
			'X-RateLimit-Reset-After': ((resetAt - now) / 1000).toFixed(3),
			'X-RateLimit-Bucket': createHash('sha1')
				.update(route ?? 'unknown')
				.digest('hex')
				.slice(0, 32),
		};
	}

	private faultResult(fault: HttpFault): RouteResult {
		if (fault.status !== 429)
			return { status: fault.status, body: { message: `${fault.status}: emulator fault`, code: 0 } };
		const retryAfter = (fault.retryAfterMs ?? 1000) / 1000;
		return {
			status: 429,
			body: { message: 'You are being rate limited.', retry_after: retryAfter, global: fault.global ?? false },
		};
	}

	private faultHeaders(fault: HttpFault, route: string | null): Record<string, string> {
		if (fault.status !== 429) return {};
		const retryAfter = (fault.retryAfterMs ?? 1000) / 1000;
		return {
			'Retry-After': String(retryAfter),
			'X-RateLimit-Limit': String(this.core.options.rateLimit.limit),
			'X-RateLimit-Remaining': '0',
			'X-RateLimit-Reset': ((Date.now() + retryAfter * 1000) / 1000).toFixed(3),
			'X-RateLimit-Reset-After': retryAfter.toFixed(3),
			'X-RateLimit-Bucket': createHash('sha1')
				.update(route ?? 'unknown')
				.digest('hex')
				.slice(0, 32),
			'X-RateLimit-Scope': fault.scope ?? (fault.global ? 'global' : 'user'),
			...(fault.global ? { 'X-RateLimit-Global': 'true' } : {}),
		};
	}

	private serveAttachment(pathname: string, response: ServerResponse): void {
		const [, , channelId, attachmentId] = pathname.split('/');
		const file = this.core.world
			.messagesIn(channelId ?? '')
			.flatMap((m) => m.files)
			.find((f) => f.attachmentId === attachmentId);
		if (!file) {
			response.writeHead(404).end();
			return;
		}
		response.writeHead(200, { 'content-type': file.contentType, 'content-length': file.size }).end(file.bytes);
	}

	private send(
		response: ServerResponse,
		record: RecordedRequest,
		result: RouteResult,
		headers: Record<string, string> = {},
		fault?: number,
	): void {
		record.status = result.status;
		record.response = result.body;
		if (fault !== undefined) record.fault = fault;
		const payload = result.body === undefined ? undefined : JSON.stringify(result.body);
		response.writeHead(result.status, {
			...headers,
			...(payload === undefined ? {} : { 'content-type': 'application/json' }),
			via: '1.1 discord-emulator',
		});
		response.end(payload);
		this.changed();
	}
}
