import type { APIMessage } from 'discord-api-types/v10';

/** A file the bot uploaded, kept with its bytes so tests can look at it. */
export interface StoredFile {
	/** Multipart field it came in, e.g. `files[0]`. */
	field: string;
	filename: string;
	contentType: string;
	bytes: Buffer;
	size: number;
	/** Width and height read from the PNG header; null when the bytes are not a PNG. */
	png: { width: number; height: number } | null;
	attachmentId: string;
	/** The alt text the bot gave it (`attachments[].description`), which Discord keeps on the attachment. */
	description?: string;
}

/** A message as the emulator keeps it: the API object plus what a test wants to check. */
export interface StoredMessage {
	message: APIMessage;
	files: StoredFile[];
	/** Only the invoking member sees it; it is not part of the channel's visible history. */
	ephemeral: boolean;
	/** The interaction whose response or follow-up this is. */
	interactionId?: string;
	/** Who the message actually notifies, after allowed_mentions. */
	pinged: { users: string[]; roles: string[]; everyone: boolean };
	/** Earlier versions, oldest first. */
	history: APIMessage[];
	deleted: boolean;
	/** The nonce and when it was used, for enforce_nonce deduplication. */
	nonce?: { value: string; at: number };
}
