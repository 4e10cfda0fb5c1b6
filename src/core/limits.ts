import type { APIEmbed } from 'discord-api-types/v10';
import type { Reply } from './reply.js';

/** Discord's message limits (https://discord.com/developers/docs/resources/message). */
export const LIMITS = {
	content: 2000,
	embeds: 10,
	embedTotal: 6000,
	embedTitle: 256,
	embedDescription: 4096,
	embedFields: 25,
	fieldName: 256,
	fieldValue: 1024,
	footerText: 2048,
	authorName: 256,
	files: 10,
	/** A file's alt text (`attachments[].description`). */
	fileDescription: 1024,
	actionRows: 5,
	autocompleteChoices: 25,
	choiceName: 100,
} as const;

const ELLIPSIS = '…';

/**
 * Cuts `text` to at most `max` UTF-16 units, ending with `…` when cut, never splitting a surrogate pair.
 * A cut inside a ``` code block closes the block so the rest of the message still renders.
 */
export function truncate(text: string, max: number): string {
	if (text.length <= max) return text;
	let cut = max - ELLIPSIS.length;
	const closeFence = '\n```';
	let out = text.slice(0, cut);
	if (((out.match(/```/g) ?? []).length & 1) === 1) {
		cut -= closeFence.length;
		out = text.slice(0, cut);
	}
	const last = out.charCodeAt(out.length - 1);
	if (last >= 0xd800 && last <= 0xdbff) out = out.slice(0, -1);
	out += ELLIPSIS;
	if (((out.match(/```/g) ?? []).length & 1) === 1) out += closeFence;
	return out;
}

/** The characters of an embed that count toward Discord's 6000-character total. */
export function embedLength(embed: APIEmbed): number {
	return (
		(embed.title?.length ?? 0) +
		(embed.description?.length ?? 0) +
		(embed.footer?.text.length ?? 0) +
		(embed.author?.name.length ?? 0) +
		(embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
	);
}

function fitEmbed(embed: APIEmbed): APIEmbed {
	const out: APIEmbed = { ...embed };
	if (out.title !== undefined) out.title = truncate(out.title, LIMITS.embedTitle);
	if (out.description !== undefined) out.description = truncate(out.description, LIMITS.embedDescription);
	if (out.footer) out.footer = { ...out.footer, text: truncate(out.footer.text, LIMITS.footerText) };
	if (out.author) out.author = { ...out.author, name: truncate(out.author.name, LIMITS.authorName) };
	if (out.fields) {
		out.fields = out.fields.slice(0, LIMITS.embedFields).map((field) => ({
			...field,
			name: truncate(field.name || '\u200b', LIMITS.fieldName),
			value: truncate(field.value || '\u200b', LIMITS.fieldValue),
		}));
	}
	return out;
}

/** Keeps embeds within the 6000-character total by shortening descriptions, then dropping trailing fields. */
function fitEmbedTotal(embeds: APIEmbed[]): APIEmbed[] {
	const out = embeds.map(fitEmbed);
	let total = out.reduce((sum, e) => sum + embedLength(e), 0);
	for (let i = out.length - 1; i >= 0 && total > LIMITS.embedTotal; i--) {
		const embed = out[i]!;
		while (embed.fields && embed.fields.length > 0 && total > LIMITS.embedTotal) {
			const field = embed.fields.pop()!;
			total -= field.name.length + field.value.length;
		}
		if (total > LIMITS.embedTotal && embed.description) {
			const keep = Math.max(0, embed.description.length - (total - LIMITS.embedTotal));
			total -= embed.description.length;
			embed.description = keep > 0 ? truncate(embed.description, keep) : undefined;
			total += embed.description?.length ?? 0;
		}
	}
	return out;
}

/** Returns `reply` cut to Discord's limits, so a long answer is shortened rather than rejected. */
export function fitReply(reply: Reply): Reply {
	const out: Reply = { ...reply };
	if (out.content !== undefined) out.content = truncate(out.content, LIMITS.content);
	if (out.embeds) out.embeds = fitEmbedTotal(out.embeds.slice(0, LIMITS.embeds));
	// Alt text often quotes the member's input (their text, their name): keep it within Discord's limit too.
	if (out.files)
		out.files = out.files
			.slice(0, LIMITS.files)
			.map((f) =>
				f.description && f.description.length > LIMITS.fileDescription
					? { ...f, description: truncate(f.description, LIMITS.fileDescription) }
					: f,
			);
	if (out.components) out.components = out.components.slice(0, LIMITS.actionRows);
	if (out.followUps) out.followUps = out.followUps.map(fitReply);
	return out;
}
