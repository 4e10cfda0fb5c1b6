import {
	ButtonStyle,
	ComponentType,
	type APIActionRowComponent,
	type APIComponentInMessageActionRow,
	type APIEmbed,
	RESTJSONErrorCodes,
} from 'discord-api-types/v10';
import { embedLength, LIMITS } from '../core/limits.js';
import type { Reply } from '../core/reply.js';

/** A file on a local message; `data` is served to the page at `/attachments/<message>/<id>`. */
export interface LocalAttachment {
	id: string;
	name: string;
	description: string | null;
	contentType: string;
	size: number;
	data: Buffer;
	/** Pixel size, for PNGs (read from the IHDR chunk) so the page can reserve the space. */
	width: number | null;
	height: number | null;
}

export interface LocalAuthor {
	id: string;
	name: string;
	bot: boolean;
}

/** A message in a local channel, as Discord would hold it. */
export interface LocalMessage {
	id: string;
	channelId: string;
	author: LocalAuthor;
	content: string;
	embeds: APIEmbed[];
	attachments: LocalAttachment[];
	components: APIActionRowComponent<APIComponentInMessageActionRow>[];
	/** For an ephemeral message: the one member who sees it ("Only you can see this"). */
	visibleTo: string | null;
	/** A deferred response that has not been answered yet ("Bot is thinking…"). */
	thinking: boolean;
	/**
	 * The interaction the message answers. Discord shows "<member> used /command" above it; for a component or a
	 * modal, `summary` says what the member did ("clicked “Add one”").
	 */
	interaction: { id: string; user: { id: string; name: string }; commandName: string | null; summary: string } | null;
	/** Users the message may ping (nobody else is pinged, whatever the text says). */
	allowedUserMentions: string[];
	createdAt: Date;
	editedAt: Date | null;
	nonce: string | null;
	/** The thread started on this message, if any. */
	thread: { id: string; name: string } | null;
}

/** The content part of a message that a reply sets and an edit replaces. */
export type MessageBody = Pick<
	LocalMessage,
	'content' | 'embeds' | 'attachments' | 'components' | 'allowedUserMentions'
>;

/** An error as Discord's API would return it, with its JSON error code (e.g. 10008 Unknown Message). */
export class LocalApiError extends Error {
	override readonly name = 'LocalApiError';
	constructor(
		readonly code: RESTJSONErrorCodes,
		message: string,
	) {
		super(`${message} (${code})`);
	}
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
	png: 'image/png',
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	gif: 'image/gif',
	webp: 'image/webp',
	txt: 'text/plain; charset=utf-8',
	csv: 'text/csv; charset=utf-8',
	json: 'application/json',
};

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function isPng(data: Buffer): boolean {
	return data.length >= 24 && data.subarray(0, 8).equals(PNG_SIGNATURE);
}

/** The MIME type of an attachment: a PNG by its signature (as Discord sniffs it), otherwise by the file extension. */
export function contentTypeOf(name: string, data: Buffer): string {
	if (isPng(data)) return 'image/png';
	const ext = name.split('.').pop()?.toLowerCase() ?? '';
	return CONTENT_TYPES[ext] ?? 'application/octet-stream';
}

function invalid(detail: string): LocalApiError {
	return new LocalApiError(RESTJSONErrorCodes.InvalidFormBodyOrContentType, `Invalid Form Body: ${detail}`);
}

function checkComponents(rows: readonly APIActionRowComponent<APIComponentInMessageActionRow>[]): void {
	if (rows.length > LIMITS.actionRows) throw invalid(`more than ${LIMITS.actionRows} action rows`);
	const ids = new Set<string>();
	for (const row of rows) {
		if (row.type !== ComponentType.ActionRow) throw invalid('top-level components must be action rows');
		if (row.components.length === 0 || row.components.length > 5)
			throw invalid('an action row holds 1 to 5 components');
		for (const component of row.components) {
			const isLink =
				component.type === ComponentType.Button &&
				(component.style === ButtonStyle.Link || component.style === ButtonStyle.Premium);
			if (component.type !== ComponentType.Button && row.components.length > 1)
				throw invalid('a select menu must be alone in its row');
			if (isLink) continue;
			const customId = 'custom_id' in component ? component.custom_id : undefined;
			if (!customId) throw invalid('a component needs a custom_id');
			if (customId.length > 100) throw invalid(`custom_id longer than 100: ${customId}`);
			if (ids.has(customId)) throw invalid(`custom_id used twice in one message: ${customId}`);
			ids.add(customId);
			if (
				component.type === ComponentType.StringSelect &&
				(component.options.length === 0 || component.options.length > 25)
			)
				throw invalid('a select menu holds 1 to 25 options');
		}
	}
}

/**
 * Refuses what Discord's API would refuse (empty message, content or embeds over the limits, bad components), so a
 * feature that works locally does not fail in Discord. Replies from interactions were already cut by `fitReply`.
 */
export function checkReply(reply: Reply): void {
	const empty = !reply.content && !reply.embeds?.length && !reply.files?.length && !reply.components?.length;
	if (empty) throw new LocalApiError(RESTJSONErrorCodes.CannotSendAnEmptyMessage, 'Cannot send an empty message');
	if ((reply.content?.length ?? 0) > LIMITS.content) throw invalid(`content longer than ${LIMITS.content} characters`);
	const embeds = reply.embeds ?? [];
	if (embeds.length > LIMITS.embeds) throw invalid(`more than ${LIMITS.embeds} embeds`);
	if (embeds.reduce((sum, e) => sum + embedLength(e), 0) > LIMITS.embedTotal)
		throw invalid(`embeds longer than ${LIMITS.embedTotal} characters in total`);
	if ((reply.files?.length ?? 0) > LIMITS.files) throw invalid(`more than ${LIMITS.files} files`);
	checkComponents(reply.components ?? []);
}

/** A message body from a reply; `newId` gives attachment ids. */
export function bodyOf(reply: Reply, newId: () => string): MessageBody {
	return {
		content: reply.content ?? '',
		embeds: structuredClone(reply.embeds ?? []),
		components: structuredClone(reply.components ?? []),
		allowedUserMentions: [...(reply.allowedUserMentions ?? [])],
		attachments: (reply.files ?? []).map((file) => {
			const png = isPng(file.data);
			return {
				id: newId(),
				name: file.name,
				description: file.description ?? null,
				contentType: contentTypeOf(file.name, file.data),
				size: file.data.length,
				data: Buffer.from(file.data),
				width: png ? file.data.readUInt32BE(16) : null,
				height: png ? file.data.readUInt32BE(20) : null,
			};
		}),
	};
}
