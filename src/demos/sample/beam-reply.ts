import type { APIEmbed } from 'discord-api-types/v10';
import { toBuffer } from '../../compute/compute.js';
import type { Reply } from '../../core/reply.js';
import type { BeamSequence, BeamView } from './beam.js';
import { codeSpan } from '../../core/visible-text.js';
import { quoteBlock } from './reply.js';

const COLOR = 0xe69f00;

/** A log-probability with two decimals, and the probability it stands for. */
export function logP(x: number): string {
	const p = Math.exp(x);
	const prob = p >= 0.001 ? `${(p * 100).toPrecision(2)}%` : p.toExponential(1);
	return `${x.toFixed(2)} (p = ${prob})`;
}

const tokenSpan = (label: string) => `\`${label.replace(/`/g, 'ˋ')}\``;

/** Where the best beam and greedy part ways, and why that can pay off: the sentence the reply leads with. */
export function partSentence(view: BeamView): string {
	const best = view.beams[0]!;
	const greedy = view.greedy;
	if (view.partAt === null)
		return `**Beam and greedy agree** on all ${view.length} tokens: at every step the greedy choice stayed best.`;
	const k = view.partAt;
	const before = k === 0 ? 0 : best.cumulative[k - 1]!;
	const beamStep = best.cumulative[k]! - before;
	const greedyStep = greedy.cumulative[k]! - before;
	const gain = best.score - greedy.score;
	return (
		`**They part at token ${k + 1}**: greedy takes ${tokenSpan(greedy.labels[k]!)} (log p ${greedyStep.toFixed(2)}), ` +
		`the best beam ${tokenSpan(best.labels[k]!)} (log p ${beamStep.toFixed(2)}). ` +
		(gain > 0
			? `Over ${view.length} tokens the beam’s sequence is more likely: total log p ${best.score.toFixed(2)} against ${greedy.score.toFixed(2)}, ${gain.toFixed(2)} higher (×${Math.exp(gain).toPrecision(3)} the probability).`
			: `Greedy’s sequence scores ${greedy.score.toFixed(2)}, the beam’s ${best.score.toFixed(2)}.`)
	);
}

const sequenceField = (name: string, seq: BeamSequence) => ({
	name: `${name}: total log p ${seq.score.toFixed(2)}`,
	value: quoteBlock(seq.text, 300),
});

/** The /sample strategy:beam reply: where beam and greedy part, both texts with their scores, the other beams, the tree. */
export function beamReply(view: BeamView, png: Uint8Array, description: string): Reply {
	const best = view.beams[0]!;
	const others = view.beams.slice(1, 4).map((b, i) => sequenceField(`Beam ${i + 2}`, b));
	const embed: APIEmbed = {
		title: `${view.model}: beam search (width ${view.width}) and greedy`,
		description: [
			`**Prompt** (${view.promptTokens} token${view.promptTokens === 1 ? '' : 's'}): ${codeSpan(view.prompt, 160)}`,
			partSentence(view),
			`**Best beam**, total log p ${best.score.toFixed(2)}:`,
			quoteBlock(best.text),
			`**Greedy**, total log p ${view.greedy.score.toFixed(2)}:`,
			quoteBlock(view.greedy.text),
		].join('\n'),
		color: COLOR,
		image: { url: 'attachment://sample-beam.png' },
		...(others.length > 0 ? { fields: others } : {}),
		footer: {
			text:
				`Each step, each of the ${view.width} beams proposes its ${view.width} likeliest next tokens and the ${view.width} best sums of log p go on ` +
				`(${view.nodes.length} candidates in all, ${view.nodes.filter((n) => !n.kept).length} pruned). ` +
				'No length penalty, no sampling: the same prompt always gives the same beams. Greedy is beam width 1.',
		},
	};
	return { embeds: [embed], files: [{ name: 'sample-beam.png', data: toBuffer(png), description }] };
}
