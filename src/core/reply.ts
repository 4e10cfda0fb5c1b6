import type {
	APIActionRowComponent,
	APIComponentInMessageActionRow,
	APIEmbed,
	APIModalInteractionResponseCallbackData,
} from 'discord-api-types/v10';

/** A file attached to a reply (charts are PNGs). */
export interface ReplyFile {
	name: string;
	data: Buffer;
	/** Alt text, shown to screen readers and in the local mode. */
	description?: string;
}

/**
 * What a handler answers with. Transports (Discord, local mode, tests) turn it into messages;
 * handlers never see discord.js.
 */
export interface Reply {
	content?: string;
	embeds?: APIEmbed[];
	files?: ReplyFile[];
	components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
	/** Only the member who asked sees it. */
	ephemeral?: boolean;
	/** Users that may be pinged by this message. Nobody is pinged unless listed here. */
	allowedUserMentions?: string[];
	/** For button, select-menu and modal handlers: edit the message the component sits on instead of sending a new one. */
	update?: boolean;
	/** Further messages sent after this one, in order (for answers longer than one message). */
	followUps?: Reply[];
}

/** A handler may open a modal instead of replying (only as the first response to a command or component). */
export interface ModalReply {
	modal: APIModalInteractionResponseCallbackData;
}

export type HandlerResponse = Reply | ModalReply;

export function isModalReply(response: HandlerResponse): response is ModalReply {
	return 'modal' in response;
}
