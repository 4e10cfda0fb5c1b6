import {
	MessageFlags,
	MessageType,
	type APIAttachment,
	type APIEmbed,
	type APIMessage,
	type APIMessageInteractionMetadata,
	type APIMessageTopLevelComponent,
	type APIUser,
} from 'discord-api-types/v10';
import { readPngSize } from './png.js';
import type { StoredFile, StoredMessage } from './stored-message.js';
import type { World } from './world.js';

/** The message fields the bot sends (create and edit bodies, callback `data`). */
export interface MessageInput {
	content?: string | null;
	embeds?: APIEmbed[] | null;
	components?: APIMessageTopLevelComponent[] | null;
	attachments?: { id: string; filename?: string | null; description?: string | null }[] | null;
	flags?: number | null;
	allowed_mentions?: { parse?: string[]; users?: string[]; roles?: string[]; replied_user?: boolean } | null;
	nonce?: string | number | null;
	tts?: boolean | null;
	message_reference?: { message_id?: string; channel_id?: string } | null;
}

/** A multipart file part as parsed from a request. */
export interface UploadedFile {
	field: string;
	filename: string;
	contentType: string;
	bytes: Buffer;
}

export interface CreateMessageOptions {
	channelId: string;
	author: APIUser;
	input: MessageInput;
	uploads: UploadedFile[];
	type?: MessageType;
	webhookId?: string;
	applicationId?: string;
	interactionMetadata?: APIMessageInteractionMetadata;
	interactionId?: string;
	/** Base URL of the emulator, so attachment URLs can be fetched from it. */
	baseUrl: string;
}

const FILE_INDEX = /^files\[(\d+)\]$/;

function computePings(
	world: World,
	content: string,
	allowed: MessageInput['allowed_mentions'],
): StoredMessage['pinged'] {
	const users = [...content.matchAll(/<@!?(\d{17,20})>/g)].map((m) => m[1] ?? '');
	const roles = [...content.matchAll(/<@&(\d{17,20})>/g)].map((m) => m[1] ?? '');
	const everyone = /@(everyone|here)\b/.test(content);
	// Without allowed_mentions Discord notifies everyone mentioned.
	const parse = allowed ? (allowed.parse ?? []) : ['users', 'roles', 'everyone'];
	return {
		users: [...new Set(users)].filter(
			(id) => world.users.has(id) && (parse.includes('users') || allowed?.users?.includes(id)),
		),
		roles: [...new Set(roles)].filter((id) => parse.includes('roles') || allowed?.roles?.includes(id)),
		everyone: everyone && parse.includes('everyone'),
	};
}

function buildAttachments(
	world: World,
	channelId: string,
	input: MessageInput,
	uploads: UploadedFile[],
	kept: StoredFile[],
	baseUrl: string,
): { attachments: APIAttachment[]; files: StoredFile[] } {
	const files: StoredFile[] = [];
	const byIndex = new Map(uploads.map((u) => [FILE_INDEX.exec(u.field)?.[1] ?? u.field, u]));
	const declared: NonNullable<MessageInput['attachments']> =
		input.attachments ?? uploads.map((u) => ({ id: FILE_INDEX.exec(u.field)?.[1] ?? u.field }));
	for (const entry of declared) {
		const upload = byIndex.get(entry.id);
		if (upload) {
			const filename = entry.filename ?? upload.filename;
			files.push({
				field: upload.field,
				filename,
				contentType: upload.contentType,
				bytes: upload.bytes,
				size: upload.bytes.length,
				png: readPngSize(upload.bytes),
				attachmentId: world.ids.next(),
				...(entry.description ? { description: entry.description } : {}),
			});
			continue;
		}
		const previous = kept.find((f) => f.attachmentId === entry.id);
		if (previous) files.push(entry.description ? { ...previous, description: entry.description } : previous);
	}
	const attachments = files.map((f): APIAttachment => {
		const url = `${baseUrl}/attachments/${channelId}/${f.attachmentId}/${encodeURIComponent(f.filename)}`;
		return {
			id: f.attachmentId,
			filename: f.filename,
			size: f.size,
			url,
			proxy_url: url,
			content_type: f.contentType,
			...(f.description ? { description: f.description } : {}),
			...(f.png ? { width: f.png.width, height: f.png.height } : {}),
		};
	});
	return { attachments, files };
}

function resolveEmbeds(embeds: APIEmbed[], attachments: APIAttachment[]): APIEmbed[] {
	const resolve = <T extends { url?: string }>(media: T | undefined): T | undefined => {
		if (!media?.url?.startsWith('attachment://')) return media;
		const found = attachments.find((a) => a.filename === media.url?.slice('attachment://'.length));
		return found
			? { ...media, url: found.url, proxy_url: found.proxy_url, width: found.width, height: found.height }
			: media;
	};
	return embeds.map((embed) => {
		const resolved: APIEmbed = { type: embed.type ?? ('rich' as APIEmbed['type']), ...embed };
		if (embed.image) resolved.image = resolve(embed.image);
		if (embed.thumbnail) resolved.thumbnail = resolve(embed.thumbnail);
		return resolved;
	});
}

/** Creates a message the way Discord would store it (ids, timestamps, attachments with URLs, pings). */
export function createMessage(world: World, options: CreateMessageOptions): StoredMessage {
	const { input, channelId } = options;
	const { attachments, files } = buildAttachments(world, channelId, input, options.uploads, [], options.baseUrl);
	const content = input.content ?? '';
	const pinged = computePings(world, content, input.allowed_mentions);
	const flags = input.flags ?? 0;
	const message: APIMessage = {
		id: world.ids.next(),
		channel_id: channelId,
		author: options.author,
		content,
		timestamp: new Date().toISOString(),
		edited_timestamp: null,
		tts: input.tts ?? false,
		mention_everyone: pinged.everyone,
		mentions: pinged.users.map((id) => world.users.get(id)).filter((u): u is APIUser => u !== undefined),
		mention_roles: pinged.roles,
		attachments,
		embeds: resolveEmbeds(input.embeds ?? [], attachments),
		components: input.components ?? [],
		pinned: false,
		type: options.type ?? (input.message_reference ? MessageType.Reply : MessageType.Default),
		flags: flags,
		...(options.webhookId ? { webhook_id: options.webhookId } : {}),
		...(options.applicationId ? { application_id: options.applicationId } : {}),
		...(options.interactionMetadata ? { interaction_metadata: options.interactionMetadata } : {}),
		...(input.nonce !== undefined && input.nonce !== null ? { nonce: input.nonce } : {}),
	};
	const stored: StoredMessage = {
		message,
		files,
		ephemeral: (flags & MessageFlags.Ephemeral) !== 0,
		pinged,
		history: [],
		deleted: false,
		...(options.interactionId ? { interactionId: options.interactionId } : {}),
	};
	world.addMessage(channelId, stored);
	return stored;
}

/** Applies an edit body: only the fields present change, `attachments` (when given) says which files stay. */
export function editMessage(
	world: World,
	stored: StoredMessage,
	input: MessageInput,
	uploads: UploadedFile[],
	baseUrl: string,
): void {
	const previous = stored.message;
	stored.history.push(structuredClone(previous));
	const next: APIMessage = { ...previous, edited_timestamp: new Date().toISOString() };
	if (input.content !== undefined) next.content = input.content ?? '';
	if (input.components !== undefined) next.components = input.components ?? [];
	if (input.flags !== undefined && input.flags !== null) {
		// Only SUPPRESS_EMBEDS can change on edit; Loading is cleared once a deferred response is edited.
		next.flags =
			((previous.flags ?? 0) & ~(MessageFlags.SuppressEmbeds | MessageFlags.Loading)) |
			(input.flags & MessageFlags.SuppressEmbeds);
	} else {
		next.flags = (previous.flags ?? 0) & ~MessageFlags.Loading;
	}
	if (input.attachments !== undefined || uploads.length > 0) {
		const keep: MessageInput = {
			attachments: input.attachments ?? [
				...stored.files.map((f) => ({ id: f.attachmentId })),
				...uploads.map((u) => ({ id: FILE_INDEX.exec(u.field)?.[1] ?? u.field })),
			],
		};
		const built = buildAttachments(world, previous.channel_id, keep, uploads, stored.files, baseUrl);
		next.attachments = built.attachments;
		stored.files = built.files;
	}
	if (input.embeds !== undefined) next.embeds = resolveEmbeds(input.embeds ?? [], next.attachments);
	if (input.content !== undefined || input.allowed_mentions !== undefined) {
		stored.pinged = computePings(world, next.content, input.allowed_mentions);
		next.mentions = stored.pinged.users.map((id) => world.users.get(id)).filter((u): u is APIUser => u !== undefined);
		next.mention_roles = stored.pinged.roles;
		next.mention_everyone = stored.pinged.everyone;
	}
	stored.message = next;
}
