import { MessageFlags, type BaseMessageOptions, type MessageMentionOptions } from 'discord.js';
import type { Reply } from '../core/reply.js';

/** Nobody is pinged unless the reply names them: no @everyone, no roles, no reply ping. */
export function mentionsFor(reply: Reply): MessageMentionOptions {
	return { parse: [], users: reply.allowedUserMentions ?? [], repliedUser: false };
}

/** The message body of a reply (files as attachments with their alt text). */
export function messageBody(reply: Reply): BaseMessageOptions {
	return {
		content: reply.content,
		embeds: reply.embeds,
		components: reply.components,
		files: reply.files?.map((f) => ({ attachment: f.data, name: f.name, description: f.description })),
		allowedMentions: mentionsFor(reply),
	};
}

/** A body that replaces an existing message entirely: what the reply does not carry is cleared. */
export function replacementBody(reply: Reply): BaseMessageOptions & { attachments: [] } {
	const body = messageBody(reply);
	return {
		...body,
		content: reply.content ?? '',
		embeds: reply.embeds ?? [],
		components: body.components ?? [],
		files: body.files ?? [],
		attachments: [],
	};
}

export function ephemeralFlags(reply: Reply): MessageFlags.Ephemeral | undefined {
	return reply.ephemeral ? MessageFlags.Ephemeral : undefined;
}
