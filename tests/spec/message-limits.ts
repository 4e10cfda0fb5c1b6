/**
 * Discord's documented message limits that the OpenAPI spec does not express (or expresses wrongly):
 * https://discord.com/developers/docs/resources/message and .../components/reference.
 */

/** A file part of a multipart request, as the validator needs it. */
export interface UploadedFileInfo {
	/** The form field, e.g. `files[0]`. */
	field: string;
	filename: string;
	size: number;
	contentType?: string;
}

/** What a message check needs besides the body. */
export interface MessageContext {
	files: UploadedFileInfo[];
	/** Attachments the edited message already has (ids and filenames), which `attachments[]` may keep. */
	existing: { id: string; filename: string }[];
	/** True for a channel message (flags like EPHEMERAL are refused there). */
	channelMessage: boolean;
	/** Upload limit of the guild in bytes (10 MiB without boosts). */
	uploadLimitBytes: number;
}

export const MESSAGE_CONTENT_MAX = 2000;
export const EMBED_TOTAL_MAX = 6000;
export const ACTION_ROWS_MAX = 5;
const IS_COMPONENTS_V2 = 1 << 15;
/** Flags a bot may set when creating a channel message: SUPPRESS_EMBEDS, SUPPRESS_NOTIFICATIONS, IS_VOICE_MESSAGE, IS_COMPONENTS_V2. */
const CHANNEL_MESSAGE_FLAGS = 4 | 4096 | 8192 | IS_COMPONENTS_V2;
const FILE_FIELD = /^files\[(\d+)\]$/;

interface EmbedLike {
	title?: string | null;
	description?: string | null;
	fields?: { name?: string; value?: string }[] | null;
	footer?: { text?: string | null; icon_url?: string | null } | null;
	author?: { name?: string | null; icon_url?: string | null } | null;
	image?: { url?: string | null } | null;
	thumbnail?: { url?: string | null } | null;
}

interface ComponentLike {
	type?: number;
	custom_id?: string;
	components?: ComponentLike[];
	accessory?: ComponentLike;
	min_values?: number | null;
	max_values?: number | null;
	options?: unknown[];
}

interface MessageLike {
	content?: string | null;
	embeds?: EmbedLike[] | null;
	components?: ComponentLike[] | null;
	attachments?: { id?: string; filename?: string | null }[] | null;
	flags?: number | null;
	allowed_mentions?: { parse?: string[]; users?: string[]; roles?: string[] } | null;
	nonce?: string | number | null;
	enforce_nonce?: boolean | null;
}

/** Length as Discord counts it: in code points, so an emoji is one character. */
export function charLength(text: string | null | undefined): number {
	return text ? [...text].length : 0;
}

/** The characters Discord adds up against the 6000 total of all embeds in one message. */
export function embedCharacters(embeds: readonly EmbedLike[]): number {
	let total = 0;
	for (const embed of embeds) {
		total += charLength(embed.title) + charLength(embed.description);
		total += charLength(embed.footer?.text) + charLength(embed.author?.name);
		for (const field of embed.fields ?? []) total += charLength(field.name) + charLength(field.value);
	}
	return total;
}

/** Discord refuses a message whose components repeat a custom_id, or a select whose min/max cannot be met. */
function checkCustomIds(
	components: readonly ComponentLike[],
	where: string,
	seen: Set<string>,
	errors: string[],
): void {
	components.forEach((component, i) => {
		const at = `${where}/${i}`;
		if (component.custom_id !== undefined) {
			if (seen.has(component.custom_id))
				errors.push(`${at}/custom_id "${component.custom_id}" is used twice in this message`);
			seen.add(component.custom_id);
		}
		const min = component.min_values ?? 1;
		const max = component.max_values ?? 1;
		if (component.type === 3 && (min > max || max > (component.options?.length ?? 0))) {
			errors.push(`${at} asks for ${min} to ${max} values out of ${component.options?.length ?? 0} options`);
		}
		checkCustomIds(component.components ?? [], `${at}/components`, seen, errors);
		if (component.accessory) checkCustomIds([component.accessory], `${at}/accessory`, seen, errors);
	});
}

function checkComponents(components: readonly ComponentLike[], flags: number, errors: string[]): void {
	checkCustomIds(components, '/components', new Set(), errors);
	if ((flags & IS_COMPONENTS_V2) !== 0) return;
	if (components.length > ACTION_ROWS_MAX) {
		errors.push(`/components has ${components.length} action rows; at most ${ACTION_ROWS_MAX} are allowed`);
	}
	components.forEach((row, i) => {
		if (row.type !== 1) {
			errors.push(
				`/components/${i} is of type ${row.type}; without IS_COMPONENTS_V2 only action rows (1) may be top-level`,
			);
			return;
		}
		const children = row.components ?? [];
		const selects = children.filter((c) => c.type !== 2).length;
		if (selects > 0 && children.length > 1) {
			errors.push(`/components/${i} mixes a select menu with other components; a select must be alone in its row`);
		}
	});
}

function checkAttachments(message: MessageLike, context: MessageContext, errors: string[]): void {
	const fileIndexes = new Map<string, UploadedFileInfo>();
	for (const file of context.files) {
		const index = FILE_FIELD.exec(file.field)?.[1];
		if (index === undefined) {
			errors.push(`multipart field "${file.field}" is not of the form files[n]`);
			continue;
		}
		fileIndexes.set(index, file);
	}
	const attachments = message.attachments ?? [];
	const declared = new Set(attachments.map((a) => a.id ?? ''));
	for (const [index, file] of fileIndexes) {
		if (!declared.has(index))
			errors.push(`${file.field} (${file.filename}) has no attachments[] entry with id "${index}"`);
	}
	const existing = new Set(context.existing.map((a) => a.id));
	attachments.forEach((attachment, i) => {
		const id = attachment.id ?? '';
		if (!fileIndexes.has(id) && !existing.has(id)) {
			errors.push(
				`/attachments/${i} has id "${id}", which is neither an uploaded files[n] nor an attachment the message has`,
			);
		}
	});
	if (context.files.length > 10) errors.push(`${context.files.length} files uploaded; at most 10 are allowed`);
	const bytes = context.files.reduce((sum, f) => sum + f.size, 0);
	if (bytes > context.uploadLimitBytes) {
		errors.push(`uploads total ${bytes} bytes, over the ${context.uploadLimitBytes}-byte upload limit`);
	}

	// An embed may show an uploaded file through attachment://<filename>; the name must exist in this message.
	const names = new Set<string>();
	for (const file of context.files) names.add(file.filename);
	for (const attachment of attachments) if (attachment.filename) names.add(attachment.filename);
	for (const kept of context.existing)
		if (declared.has(kept.id) || message.attachments == null) names.add(kept.filename);
	(message.embeds ?? []).forEach((embed, i) => {
		const urls = [embed.image?.url, embed.thumbnail?.url, embed.footer?.icon_url, embed.author?.icon_url];
		for (const url of urls) {
			if (!url?.startsWith('attachment://')) continue;
			const name = url.slice('attachment://'.length);
			if (!names.has(name))
				errors.push(`/embeds/${i} refers to ${url}, but no attachment of this message is named "${name}"`);
		}
	});
}

/** Checks a message-like body (content, embeds, components, attachments) against the documented limits. */
export function checkMessageLimits(message: MessageLike, context: MessageContext): string[] {
	const errors: string[] = [];
	const contentLength = charLength(message.content);
	if (contentLength > MESSAGE_CONTENT_MAX) {
		errors.push(`/content has ${contentLength} characters; Discord allows ${MESSAGE_CONTENT_MAX}`);
	}
	const embeds = message.embeds ?? [];
	const embedTotal = embedCharacters(embeds);
	if (embedTotal > EMBED_TOTAL_MAX) {
		errors.push(`/embeds total ${embedTotal} characters; all embeds of a message together allow ${EMBED_TOTAL_MAX}`);
	}
	const flags = message.flags ?? 0;
	checkComponents(message.components ?? [], flags, errors);
	checkAttachments(message, context, errors);
	if (context.channelMessage && (flags & ~CHANNEL_MESSAGE_FLAGS) !== 0) {
		errors.push(
			`/flags ${flags} sets flags a channel message cannot have (EPHEMERAL is for interaction responses only)`,
		);
	}
	const mentions = message.allowed_mentions;
	if (mentions?.parse?.includes('users') && mentions.users?.length) {
		errors.push('/allowed_mentions sets both parse:["users"] and users[]; Discord refuses the pair');
	}
	if (mentions?.parse?.includes('roles') && mentions.roles?.length) {
		errors.push('/allowed_mentions sets both parse:["roles"] and roles[]; Discord refuses the pair');
	}
	if (message.enforce_nonce && (message.nonce === undefined || message.nonce === null)) {
		errors.push('/enforce_nonce is true but no nonce is given');
	}
	return errors;
}
