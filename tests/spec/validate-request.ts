import type { ErrorObject } from 'ajv/dist/2020.js';
import { checkCommandLimits, checkCommandListLimits } from './command-limits.js';
import { checkScheduledEventLimits } from './event-limits.js';
import { checkMessageLimits, type UploadedFileInfo } from './message-limits.js';
import { discordSpec, type SpecOperation } from './openapi.js';

export type { UploadedFileInfo } from './message-limits.js';

/** What else a request carried besides its JSON body. */
export interface RequestExtras {
	/** Query string (with or without `?`); also read from `path` if it holds one. */
	query?: string | URLSearchParams;
	/** Multipart file parts; their presence means the body came from `payload_json`. */
	files?: UploadedFileInfo[];
	/** For edits: the attachments the message already has, which `attachments[]` may keep by id. */
	existingAttachments?: { id: string; filename: string }[];
	/** For scheduled events: the time the request arrived (start times must be later). */
	now?: Date;
	/** Upload limit in bytes; 10 MiB, a guild without boosts. */
	uploadLimitBytes?: number;
}

export interface ValidationResult {
	ok: boolean;
	/** One line per problem: `spec: /data/content must NOT have more than 2000 characters` or `limit: …`. */
	errors: string[];
	/** `POST /channels/{channel_id}/messages`, or undefined when no operation matched. */
	operation?: string;
	/** The path parameters by name, when an operation matched. */
	params?: Record<string, string>;
}

const DEFAULT_UPLOAD_LIMIT = 10 * 1024 * 1024;

/** Strips `/api`, `/api/v10` (or any version) and the query from a request path. */
export function apiPath(path: string): { path: string; query: string } {
	const [rawPath = '', query = ''] = path.split('?', 2);
	return { path: rawPath.replace(/^\/api(\/v\d+)?(?=\/)/, '').replace(/\/+$/, '') || '/', query };
}

function formatAjvError(error: ErrorObject): string {
	const where = error.instancePath || '/';
	const allowed = error.keyword === 'enum' ? ` (${JSON.stringify(error.params.allowedValues)})` : '';
	return `spec: ${where} ${error.message ?? error.keyword}${allowed}`;
}

function coerceQueryValue(value: string, schema: { type?: unknown }): unknown {
	if (schema.type === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
	if (schema.type === 'integer' || schema.type === 'number') return value.trim() === '' ? value : Number(value);
	return value;
}

function checkParameters(operation: SpecOperation, params: Record<string, string>, query: URLSearchParams): string[] {
	const spec = discordSpec();
	const errors: string[] = [];
	for (const parameter of operation.pathParams) {
		const value = params[parameter.name];
		if (value === undefined) continue;
		for (const e of spec.validateSchema(parameter.schema, value))
			errors.push(`spec: path {${parameter.name}}="${value}" ${e.message}`);
	}
	for (const parameter of operation.queryParams) {
		const value = query.get(parameter.name);
		if (value === null) {
			if (parameter.required) errors.push(`spec: query ${parameter.name} is required`);
			continue;
		}
		const coerced = coerceQueryValue(value, parameter.schema);
		for (const e of spec.validateSchema(parameter.schema, coerced))
			errors.push(`spec: query ${parameter.name}="${value}" ${e.message}`);
	}
	return errors;
}

/** The message-like part of a body, for the routes that create or edit messages. */
function messageOf(operation: SpecOperation, body: Record<string, unknown>): Record<string, unknown> | undefined {
	switch (`${operation.method} ${operation.template}`) {
		case 'POST /interactions/{interaction_id}/{interaction_token}/callback': {
			const type = body.type;
			const data = body.data;
			return (type === 4 || type === 7) && typeof data === 'object' && data !== null
				? (data as Record<string, unknown>)
				: undefined;
		}
		case 'POST /channels/{channel_id}/messages':
		case 'PATCH /channels/{channel_id}/messages/{message_id}':
		case 'POST /webhooks/{webhook_id}/{webhook_token}':
		case 'PATCH /webhooks/{webhook_id}/{webhook_token}/messages/@original':
		case 'PATCH /webhooks/{webhook_id}/{webhook_token}/messages/{message_id}':
			return body;
		default:
			return undefined;
	}
}

function checkLimits(operation: SpecOperation, body: unknown, extras: RequestExtras): string[] {
	const key = `${operation.method} ${operation.template}`;
	if (
		key === 'PUT /applications/{application_id}/commands' ||
		key === 'PUT /applications/{application_id}/guilds/{guild_id}/commands'
	) {
		return Array.isArray(body) ? checkCommandListLimits(body) : [];
	}
	if (typeof body !== 'object' || body === null || Array.isArray(body)) return [];
	const record = body as Record<string, unknown>;
	if (
		key === 'POST /applications/{application_id}/commands' ||
		key === 'POST /applications/{application_id}/guilds/{guild_id}/commands'
	) {
		return checkCommandLimits(record);
	}
	if (key === 'POST /guilds/{guild_id}/scheduled-events')
		return checkScheduledEventLimits(record, extras.now ?? new Date());
	const message = messageOf(operation, record);
	if (message) {
		return checkMessageLimits(message, {
			files: extras.files ?? [],
			existing: extras.existingAttachments ?? [],
			channelMessage: operation.template.startsWith('/channels/'),
			uploadLimitBytes: extras.uploadLimitBytes ?? DEFAULT_UPLOAD_LIMIT,
		});
	}
	if ((extras.files?.length ?? 0) > 0) return [`multipart files sent to ${key}, which takes no files`];
	return [];
}

/**
 * Validates one request the bot sends to Discord: the operation must exist, path and query parameters must fit
 * their schemas, the JSON body (or a multipart `payload_json`) must fit the operation's request schema, and the
 * documented limits the spec leaves out must hold (message content 2000, embeds 6000 in total, five action rows,
 * `files[n]` ↔ `attachments[].id`, `attachment://` references, command naming rules, scheduled-event rules).
 *
 * @param method HTTP method.
 * @param path Request path, with or without `/api/v10` and query string.
 * @param body Parsed JSON body, or the parsed `payload_json` of a multipart body; `undefined` when none was sent.
 */
export function validateRequest(
	method: string,
	path: string,
	body: unknown,
	extras: RequestExtras = {},
): ValidationResult {
	const spec = discordSpec();
	const split = apiPath(path);
	const match = spec.match(method, split.path);
	if (!match)
		return { ok: false, errors: [`spec: no operation ${method.toUpperCase()} ${split.path} in Discord's API`] };
	const { operation, params } = match;
	const query = new URLSearchParams(extras.query === undefined ? split.query : String(extras.query).replace(/^\?/, ''));
	const errors = checkParameters(operation, params, query);

	if (body === undefined) {
		if (operation.bodyRequired) errors.push('spec: request body is required');
	} else if (operation.requestSchema === undefined) {
		errors.push(`spec: ${operation.method} ${operation.template} takes no request body`);
	} else {
		errors.push(...spec.validateBody(operation, body).map(formatAjvError));
		errors.push(...checkLimits(operation, body, extras).map((e) => `limit: ${e}`));
	}
	return { ok: errors.length === 0, errors, operation: `${operation.method} ${operation.template}`, params };
}
