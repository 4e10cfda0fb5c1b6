import type { APIEmbed } from 'discord-api-types/v10';
import { toBuffer } from '../../compute/compute.js';
import type { Reply } from '../../core/reply.js';
import type { BeamSequence, BeamView } from './beam.js';
import { codeSpan } from '../../core/visible-text.js';
import { quoteBlock } from './reply.js';
import { t } from '../../i18n/index.js';

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
	if (view.partAt === null) return t('sample.beam.agree', { length: view.length });
	const k = view.partAt;
	const before = k === 0 ? 0 : best.cumulative[k - 1]!;
	const beamStep = best.cumulative[k]! - before;
	const greedyStep = greedy.cumulative[k]! - before;
	const gain = best.score - greedy.score;
	return (
		t('sample.beam.part', {
			token: k + 1,
			greedy: tokenSpan(greedy.labels[k]!),
			greedyStep: greedyStep.toFixed(2),
			beam: tokenSpan(best.labels[k]!),
			beamStep: beamStep.toFixed(2),
		}) +
		(gain > 0
			? t('sample.beam.gain', {
					length: view.length,
					best: best.score.toFixed(2),
					greedy: greedy.score.toFixed(2),
					gain: gain.toFixed(2),
					ratio: Math.exp(gain).toPrecision(3),
				})
			: t('sample.beam.noGain', { greedy: greedy.score.toFixed(2), best: best.score.toFixed(2) }))
	);
}

const sequenceField = (name: string, seq: BeamSequence) => ({
	name: t('sample.beam.sequence', { name, score: seq.score.toFixed(2) }),
	value: quoteBlock(seq.text, 300),
});

/**
 * The /sample strategy:beam reply: where beam and greedy part, both texts with their scores, the other beams, the tree.
 * `note` (see englishOnlyNote) follows the prompt line.
 */
export function beamReply(view: BeamView, png: Uint8Array, description: string, note = ''): Reply {
	const best = view.beams[0]!;
	const others = view.beams.slice(1, 4).map((b, i) => sequenceField(t('sample.beam.beamName', { index: i + 2 }), b));
	const embed: APIEmbed = {
		title: t('sample.beam.title', { model: view.model, width: view.width }),
		description: [
			t('sample.beam.prompt', { count: view.promptTokens, prompt: codeSpan(view.prompt, 160) }),
			...(note ? [note] : []),
			partSentence(view),
			t('sample.beam.best', { score: best.score.toFixed(2) }),
			quoteBlock(best.text),
			t('sample.beam.greedy', { score: view.greedy.score.toFixed(2) }),
			quoteBlock(view.greedy.text),
		].join('\n'),
		color: COLOR,
		image: { url: 'attachment://sample-beam.png' },
		...(others.length > 0 ? { fields: others } : {}),
		footer: {
			text: t('sample.beam.footer', {
				width: view.width,
				nodes: view.nodes.length,
				pruned: view.nodes.filter((n) => !n.kept).length,
			}),
		},
	};
	return { embeds: [embed], files: [{ name: 'sample-beam.png', data: toBuffer(png), description }] };
}
