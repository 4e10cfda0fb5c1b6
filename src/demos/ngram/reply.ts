import type { APIEmbed } from 'discord-api-types/v10';
import { toBuffer } from '../../compute/compute.js';
import type { Reply } from '../../core/reply.js';
import { codeSpan } from '../../core/visible-text.js';
import { barValueLabel } from '../../charts/index.js';
import { contextText } from './chart.js';
import type { NgramTaskOutput } from './task.js';
import type { NgramPanel } from './view.js';

const COLOR = 0x009e73;

const tokenSpan = (label: string) => `\`${label.replace(/`/g, 'ˋ')}\``;

/** A panel as one line of prose: the model, what it looked at, and its three likeliest tokens. */
function panelLine(panel: NgramPanel): string {
	const top = panel.rows
		.slice(0, 3)
		.map(
			(r) =>
				`${tokenSpan(r.label)} ${barValueLabel(r.p, 'percent')}${r.count ? ` (${r.count.toLocaleString('en-US')}×)` : ''}`,
		)
		.join(', ');
	return `**${panel.model}** — ${contextText(panel, tokenSpan)}: ${top}`;
}

/** The held-out table, narrow enough for a phone's code block (40 characters). */
function heldOutTable(panels: readonly NgramPanel[]): string {
	const lines = panels.map(
		(p) =>
			`${p.model.padEnd(9)} ${p.heldOut.toFixed(3).padStart(9)} ${String(Math.round(Math.exp(p.heldOut))).padStart(6)}`,
	);
	return `\`\`\`\n${'model'.padEnd(9)} ${'nats/tok'.padStart(9)} ${'ppl'.padStart(6)}\n${lines.join('\n')}\n\`\`\``;
}

/** The /ngram reply: each model's top tokens in prose, the held-out table, the four-panel chart. */
export function ngramReply(out: NgramTaskOutput): Reply {
	const { view } = out;
	const embed: APIEmbed = {
		title: 'Next token: unigram, bigram, trigram and tiny-gpt',
		description: [
			`**Prompt** (${view.promptTokens} token${view.promptTokens === 1 ? '' : 's'} of tiny-gpt’s tokenizer): ${codeSpan(view.prompt, 160)}`,
			...view.panels.map(panelLine),
			'**Held-out cross-entropy** (the model card’s, every model on the same held-out tokens; lower is better):',
			heldOutTable(view.panels),
			'More context, better guesses: each count model sees one token more than the one above it, and tiny-gpt sees them all — with 1.3 M weights instead of a table of counts.',
		].join('\n'),
		color: COLOR,
		image: { url: 'attachment://ngram.png' },
		footer: {
			text:
				`Counted on tiny-gpt’s ${view.trainTokens.toLocaleString('en-US')} training tokens (Shakespeare, Tolstoy). ` +
				'Unigram: add-one smoothing. Bigram and trigram: Witten–Bell interpolation, λ = c/(c + n) for a context seen c times with n different next tokens, the rest from the order below. (×) = times the token followed the context.',
		},
	};
	return { embeds: [embed], files: [{ name: 'ngram.png', data: toBuffer(out.png), description: out.description }] };
}
