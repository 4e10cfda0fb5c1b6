import type { APIEmbed } from 'discord-api-types/v10';
import { toBuffer } from '../../compute/compute.js';
import type { PositionsOutput } from './task.js';
import type { Reply } from '../../core/reply.js';
import type { EncodingSummary, PositionsData } from './analysis.js';

const COLOR = 0x56b4e9;
const f = (x: number, digits = 2): string => x.toFixed(digits).replace(/^-/, '−');
const whole = (x: number): string => Math.round(x).toLocaleString('en-US');

function falloff(s: EncodingSummary): string {
	return s.halfAt === null
		? `stays above 0.5 up to distance ${s.positions - 1}`
		: `falls below 0.5 at distance **${s.halfAt}**`;
}

function lookalikeLine(s: EncodingSummary, farApart: number): string {
	if (!s.lookalike) return '';
	const { p, q, value } = s.lookalike;
	const than =
		value > s.neighbour
			? `**more** alike than the average neighbours (${f(s.neighbour)})`
			: `less alike than the average neighbours (${f(s.neighbour)})`;
	return `Most alike pair at least ${farApart} apart: positions **${q}** and **${p}** (distance ${p - q}), cosine **${f(value)}**, ${than}.`;
}

/** The sinusoidal encoding in numbers: frequencies, equal lengths, similarity as a function of distance only. */
export function sinusoidalLines(d: PositionsData): string[] {
	const s = d.sinusoidal;
	const slowest = d.slowest < 100 ? f(d.slowest) : whole(d.slowest);
	const pairs =
		d.dims === 2
			? `one pair, which repeats every **${f(d.fastest)}** positions`
			: `pair 0 repeats every **${f(d.fastest)}** positions, pair ${d.dims / 2 - 1} every **${slowest}**`;
	const lines = [
		`**Sinusoidal**, ${d.length} positions × ${d.dims} dimensions: pair i turns at ωᵢ = 1/10000^(2i/${d.dims}); ${pairs}.`,
		`Every row has length √(d/2) = **${f(Math.sqrt(d.dims / 2))}**, so a dot product is d/2 × the cosine, and it depends only on the distance: neighbours score **${f(s.neighbourDot)}** (cosine **${f(s.neighbour)}**). The mean cosine ${falloff(s)}.`,
	];
	const far = lookalikeLine(s, d.farApart);
	if (far)
		lines.push(
			`${far}${s.lookalike && s.lookalike.value > s.neighbour ? ' With few dimensions the waves line up again; more dimensions tell far positions apart.' : ''}`,
		);
	return lines;
}

/** The learnt table in numbers. */
export function learntLines(d: PositionsData): string[] {
	const s = d.learnt;
	const lines = [
		`**Learnt** (our tiny-gpt's position table, ${d.contextLength} positions × ${d.dModel}; the first ${s.positions} compared): lengths from **${f(s.norms.min)}** (position ${s.norms.minAt}) to **${f(s.norms.max)}** (position ${s.norms.maxAt}), mean ${f(s.norms.mean)}.`,
		`Neighbours have mean cosine **${f(s.neighbour)}**; the mean cosine ${falloff(s)}.`,
	];
	const far = lookalikeLine(s, d.farApart);
	if (far) lines.push(far);
	if (d.length > d.contextLength)
		lines.push(
			`The table ends at position ${d.contextLength - 1}: the model was trained on ${d.contextLength}-token windows and has no vector for later positions. The formula has no such end.`,
		);
	return lines;
}

/** What differs between the two, with the numbers that show it. */
export function differenceLines(d: PositionsData): string[] {
	const s = d.sinusoidal;
	const l = d.learnt;
	const spread = (r: [number, number]): string =>
		r[1] - r[0] < 0.005 ? `all **${f(r[0])}**` : `from **${f(r[0])}** to **${f(r[1])}**`;
	return [
		`• **Distance only vs each position its own:** neighbouring pairs' cosines are ${spread(s.neighbourRange)} (sinusoidal) and ${spread(l.neighbourRange)} (learnt). Sinusoidal similarity is a function of p − q alone, so every diagonal of its heatmap is one colour.`,
		`• **Lengths:** sinusoidal rows are all ${f(Math.sqrt(d.dims / 2))} long; learnt rows range from ${f(l.norms.min)} to ${f(l.norms.max)}.`,
		`• **Neighbours:** mean cosine ${f(s.neighbour)} (sinusoidal, d = ${d.dims}) vs ${f(l.neighbour)} (learnt, d = ${d.dModel}).`,
		`• **Reach:** the formula gives a vector for any position; the learnt table stops at ${d.contextLength}.`,
	];
}

/** The /positions reply: three embeds, each with its chart. */
export function positionsReply(out: PositionsOutput): Reply {
	const d = out.data;
	const [sinusoidal, learnt, distance] = out.files;
	const embeds: APIEmbed[] = [
		{
			title: `Positions: sinusoidal (d = ${d.dims}) and our model's learnt table`,
			color: COLOR,
			description: sinusoidalLines(d).join('\n'),
			image: { url: `attachment://${sinusoidal!.name}` },
		},
		{ color: COLOR, description: learntLines(d).join('\n'), image: { url: `attachment://${learnt!.name}` } },
		{
			title: 'What differs',
			color: COLOR,
			description: differenceLines(d).join('\n'),
			image: { url: `attachment://${distance!.name}` },
		},
	];
	return {
		embeds,
		files: out.files.map((file) => ({ name: file.name, data: toBuffer(file.png), description: file.description })),
	};
}
