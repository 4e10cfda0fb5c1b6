import type {
	APIActionRowComponent,
	APIComponentInMessageActionRow,
	APIEmbed,
	APIModalInteractionResponseCallbackData,
} from 'discord-api-types/v10';
import type { LocalChannel } from './guild.js';
import { renderMarkdown, type MentionNames } from './markdown.js';
import type { LocalAttachment, LocalMessage } from './message.js';
import { modalItems, type ModalItem } from './modal.js';
import type { LocalScheduledEvent, LocalWorkspace } from './workspace.js';

/**
 * What the page receives for a message. Every `…Html` field is escaped markdown from {@link renderMarkdown}; every
 * other string is plain text the page sets with `textContent`, so no member text reaches the DOM as markup.
 */
export interface MessageView {
	id: string;
	channelId: string;
	author: { id: string; name: string; bot: boolean };
	createdAt: string;
	editedAt: string | null;
	/** Only the viewer sees it ("Only you can see this"). */
	ephemeral: boolean;
	thinking: boolean;
	interaction: { userName: string; commandName: string | null; summary: string } | null;
	html: string;
	embeds: EmbedView[];
	/** Files not already shown as an embed's image. */
	attachments: AttachmentView[];
	components: APIActionRowComponent<APIComponentInMessageActionRow>[];
	thread: { id: string; name: string } | null;
}

export interface EmbedView {
	color: string | null;
	authorName: string | null;
	titleHtml: string | null;
	/** The title's link, shown as a tooltip (the page follows no links). */
	url: string | null;
	descriptionHtml: string | null;
	fields: { nameHtml: string; valueHtml: string; inline: boolean }[];
	image: { url: string; alt: string } | null;
	thumbnail: { url: string; alt: string } | null;
	/** Image URLs outside the message (never fetched: shown as text). */
	externalImages: string[];
	footerText: string | null;
	timestamp: string | null;
}

export interface AttachmentView {
	id: string;
	name: string;
	url: string;
	description: string | null;
	contentType: string;
	size: number;
	width: number | null;
	height: number | null;
	image: boolean;
}

/** A modal item as the page draws it: as {@link ModalItem}, with a text item's markdown rendered to HTML. */
export type ModalItemView = Exclude<ModalItem, { kind: 'text' }> | { kind: 'text'; html: string };

export interface ModalView {
	customId: string;
	title: string;
	items: ModalItemView[];
}

export interface ScheduledEventView {
	id: string;
	name: string;
	description: string | null;
	startsAt: string;
	endsAt: string;
	where: string;
}

/** Names of the workspace's members, channels and roles, for mentions. */
export function namesOf(workspace: LocalWorkspace): MentionNames {
	return {
		user: (id) => (id === workspace.bot.id ? workspace.bot.name : workspace.member(id)?.name),
		channel: (id) => workspace.channel(id)?.name,
		role: (id) => workspace.roles.find((r) => r.id === id)?.name,
	};
}

function attachmentView(message: LocalMessage, file: LocalAttachment, viewerId: string): AttachmentView {
	// An ephemeral message's files are served only to the member who sees the message.
	const query = message.visibleTo ? `?member=${encodeURIComponent(viewerId)}` : '';
	return {
		id: file.id,
		name: file.name,
		url: `/attachments/${message.id}/${file.id}/${encodeURIComponent(file.name)}${query}`,
		description: file.description,
		contentType: file.contentType,
		size: file.size,
		width: file.width,
		height: file.height,
		image: file.contentType.startsWith('image/'),
	};
}

function embedView(embed: APIEmbed, files: AttachmentView[], used: Set<string>, names: MentionNames): EmbedView {
	const externalImages: string[] = [];
	const media = (url: string | undefined) => {
		if (!url) return null;
		const name = url.startsWith('attachment://') ? url.slice('attachment://'.length) : null;
		const file = name === null ? undefined : files.find((f) => f.name === name);
		if (!file) {
			externalImages.push(url);
			return null;
		}
		used.add(file.id);
		return { url: file.url, alt: file.description ?? file.name };
	};
	const md = (text: string | undefined, blocks: boolean) => (text ? renderMarkdown(text, names, { blocks }) : null);
	return {
		color: embed.color === undefined ? null : `#${embed.color.toString(16).padStart(6, '0')}`,
		authorName: embed.author?.name ?? null,
		titleHtml: md(embed.title, false),
		url: embed.url ?? null,
		descriptionHtml: md(embed.description, true),
		fields: (embed.fields ?? []).map((f) => ({
			nameHtml: renderMarkdown(f.name, names, { blocks: false }),
			valueHtml: renderMarkdown(f.value, names),
			inline: f.inline === true,
		})),
		image: media(embed.image?.url),
		thumbnail: media(embed.thumbnail?.url),
		externalImages,
		footerText: embed.footer?.text ?? null,
		timestamp: embed.timestamp ?? null,
	};
}

/** The page's view of a message, for the member `viewerId`. */
export function messageView(message: LocalMessage, names: MentionNames, viewerId: string): MessageView {
	const files = message.attachments.map((file) => attachmentView(message, file, viewerId));
	const used = new Set<string>();
	const embeds = message.embeds.map((embed) => embedView(embed, files, used, names));
	return {
		id: message.id,
		channelId: message.channelId,
		author: message.author,
		createdAt: message.createdAt.toISOString(),
		editedAt: message.editedAt?.toISOString() ?? null,
		ephemeral: message.visibleTo !== null,
		thinking: message.thinking,
		interaction: message.interaction
			? {
					userName: message.interaction.user.name,
					commandName: message.interaction.commandName,
					summary: message.interaction.summary,
				}
			: null,
		html: renderMarkdown(message.content, names),
		embeds,
		// As in Discord, a file an embed shows as its image is not listed again below the embed.
		attachments: files.filter((f) => !used.has(f.id)),
		components: message.components,
		thread: message.thread,
	};
}

export function modalView(modal: APIModalInteractionResponseCallbackData, names: MentionNames): ModalView {
	return {
		customId: modal.custom_id,
		title: modal.title,
		items: modalItems(modal).map((item) =>
			item.kind === 'text' ? { kind: 'text', html: renderMarkdown(item.content, names) } : item,
		),
	};
}

export function scheduledEventView(
	event: LocalScheduledEvent,
	channels: (id: string) => LocalChannel | undefined,
): ScheduledEventView {
	return {
		id: event.id,
		name: event.name,
		description: event.description,
		startsAt: event.startsAt.toISOString(),
		endsAt: event.endsAt.toISOString(),
		where: event.channelId ? `🔊 ${channels(event.channelId)?.name ?? 'voice channel'}` : `📍 ${event.location ?? ''}`,
	};
}
