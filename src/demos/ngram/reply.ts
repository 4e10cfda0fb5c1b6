import type { APIEmbed } from 'discord-api-types/v10';
import { toBuffer } from '../../compute/compute.js';
import type { Reply } from '../../core/reply.js';
import { codeSpan } from '../../core/visible-text.js';
import { barValueLabel } from '../../charts/bar-input.js';
import { t } from '../../i18n/index.js';
import { contextText, modelName } from './chart.js';
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
	return t('ngram.reply.panel', { model: modelName(panel.model), context: contextText(panel, tokenSpan), top });
}

/** The held-out table, narrow enough for a phone's code block (40 characters). */
function heldOutTable(panels: readonly NgramPanel[]): string {
	const lines = panels.map(
		(p) =>
			`${p.model.padEnd(9)} ${p.heldOut.toFixed(3).padStart(9)} ${String(Math.round(Math.exp(p.heldOut))).padStart(6)}`,
	);
	return `\`\`\`\n${'model'.padEnd(9)} ${'nats/tok'.padStart(9)} ${'ppl'.padStart(6)}\n${lines.join('\n')}\n\`\`\``;
}

/**
 * The /ngram reply: each model's top tokens in prose, the held-out table, the four-panel chart. `note` (see
 * englishOnlyNote) follows the prompt line.
 */
export function ngramReply(out: NgramTaskOutput, note = ''): Reply {
	const { view } = out;
	const embed: APIEmbed = {
		title: t('ngram.reply.title'),
		description: [
			t('ngram.reply.prompt', { count: view.promptTokens, prompt: codeSpan(view.prompt, 160) }),
			note,
			...view.panels.map(panelLine),
			t('ngram.reply.heldOut'),
			heldOutTable(view.panels),
			t('ngram.reply.moral'),
		]
			.filter(Boolean)
			.join('\n'),
		color: COLOR,
		image: { url: 'attachment://ngram.png' },
		footer: {
			text: t('ngram.reply.footer', { tokens: view.trainTokens.toLocaleString('en-US') }),
		},
	};
	return { embeds: [embed], files: [{ name: 'ngram.png', data: toBuffer(out.png), description: out.description }] };
}
