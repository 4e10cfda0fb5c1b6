import type { APIEmbed } from 'discord-api-types/v10';
import { toBuffer } from '../../compute/compute.js';
import type { Reply } from '../../core/reply.js';
import { t } from '../../i18n/index.js';
import { CHAT_FAMILIES, CHAT_FORMATS, FAMILY_INFO, type Family } from '../../models/tokenizers/index.js';
import type { TokenizeChatOutput } from './chat.js';

/** The chart's file name, referenced by the embed. */
export const CHAT_FILE = 'tokenize-chat.png';

/** Which chat format a strip came from, in the member's language. */
export function sourceLine(family: Family): string {
	const format = CHAT_FORMATS[family];
	if (format.kind === 'config') return t('chat.reply.sourceConfig', { package: format.package });
	if (format.kind === 'chatml') return t('chat.reply.sourceChatml');
	if (format.kind === 'legacy-text') return t('chat.reply.sourceLegacyText');
	return noneLine(family);
}

/** Why a family has no strip. */
export function noneLine(family: Family): string {
	const format = CHAT_FORMATS[family];
	if (format.kind !== 'none') return '';
	if (format.why === 'unpublished') return t('chat.reply.noneUnpublished', { family });
	if (format.why === 'not-chat') return t('chat.reply.noneNotChat', { family });
	return t('chat.reply.noneNoTemplate', { family, package: FAMILY_INFO[family].source });
}

/** The show:chat reply: per family its count, its special tokens and the template it came from; then the chart. */
export function chatReply(out: TokenizeChatOutput): Reply {
	const lines = [
		...out.strips.map((s) =>
			t('chat.reply.count', {
				family: s.family,
				tokens: s.ids.length,
				special: s.special,
				source: sourceLine(s.family),
			}),
		),
		...out.strips
			.filter((s) => s.drawn < s.ids.length)
			.map((s) => t('chat.reply.cut', { family: s.family, drawn: s.drawn, tokens: s.ids.length })),
		...out.without.map(noneLine),
		...(out.strips.some((s) => s.family === 'deepseek-v3') ? [t('chat.reply.deepseekMarkers')] : []),
		t('chat.reply.userInside'),
		t('chat.reply.pick', { families: CHAT_FAMILIES.join(', ') }),
	];
	const embed: APIEmbed = {
		title: t('chat.reply.title'),
		description: lines.join('\n'),
		color: 0x56b4e9,
		image: { url: `attachment://${CHAT_FILE}` },
	};
	const counts = out.strips.map((s) => `${s.family} ${s.ids.length} (${s.special})`).join(', ');
	return {
		embeds: [embed],
		files: [{ name: CHAT_FILE, data: toBuffer(out.png), description: t('chat.reply.alt', { counts }) }],
	};
}
