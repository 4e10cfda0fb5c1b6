import type { APIEmbed } from 'discord-api-types/v10';
import { toBuffer } from '../../compute/compute.js';
import type { Reply } from '../../core/reply.js';
import type { FamilyCountsOutput } from './families.js';
import { formatNumber, t } from '../../i18n/index.js';

/** The encoding:all reply: a phone-wide table of counts and characters per token, and the chart. */
export function familyCountsReply(out: FamilyCountsOutput): Reply {
	const sorted = [...out.counts].sort((a, b) => a.tokens - b.tokens);
	const fewest = sorted[0]!;
	const lines = sorted.map(
		(c) => `${c.family.padEnd(12)} ${String(c.tokens).padStart(6)} ${c.perToken.toFixed(2).padStart(6)}`,
	);
	const most = sorted[sorted.length - 1]!;
	const embed: APIEmbed = {
		title: t('tokenize.families.title'),
		description: [
			t('tokenize.families.summary', {
				characters: formatNumber(out.characters),
				most: most.family,
				ratio: (most.tokens / Math.max(1, fewest.tokens)).toFixed(2),
				fewest: fewest.family,
			}),
			`\`\`\`\n${'family'.padEnd(12)} ${'tokens'.padStart(6)} ${'ch/tok'.padStart(6)}\n${lines.join('\n')}\n\`\`\``,
			`claude: ${t('tokenize.families.claudeModels')}. mistral: ${t('tokenize.families.mistralModels')}.`,
		].join('\n'),
		color: 0x5865f2,
		image: { url: 'attachment://tokenize-families.png' },
	};
	return {
		embeds: [embed],
		files: [
			{
				name: 'tokenize-families.png',
				data: toBuffer(out.png),
				description: t('tokenize.families.alt', {
					counts: sorted.map((c) => `${c.family} ${c.tokens}`).join(', '),
				}),
			},
		],
	};
}
