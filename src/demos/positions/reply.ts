import type { APIEmbed } from 'discord-api-types/v10';
import { toBuffer } from '../../compute/compute.js';
import type { PositionsOutput } from './task.js';
import type { Reply } from '../../core/reply.js';
import type { EncodingSummary, PositionsData } from './analysis.js';
import { t } from '../../i18n/index.js';

const COLOR = 0x56b4e9;
const f = (x: number, digits = 2): string => x.toFixed(digits).replace(/^-/, '−');
const whole = (x: number): string => Math.round(x).toLocaleString('en-US');

function falloff(s: EncodingSummary): string {
	return s.halfAt === null
		? t('positions.reply.staysAbove', { distance: s.positions - 1 })
		: t('positions.reply.fallsBelow', { distance: s.halfAt });
}

function lookalikeLine(s: EncodingSummary, farApart: number): string {
	if (!s.lookalike) return '';
	const { p, q, value } = s.lookalike;
	const than = t(value > s.neighbour ? 'positions.reply.moreAlike' : 'positions.reply.lessAlike', {
		neighbour: f(s.neighbour),
	});
	return t('positions.reply.lookalike', { farApart, q, p, distance: p - q, value: f(value), than });
}

/** The sinusoidal encoding in numbers: frequencies, equal lengths, similarity as a function of distance only. */
export function sinusoidalLines(d: PositionsData): string[] {
	const s = d.sinusoidal;
	const slowest = d.slowest < 100 ? f(d.slowest) : whole(d.slowest);
	const pairs =
		d.dims === 2
			? t('positions.reply.onePair', { fastest: f(d.fastest) })
			: t('positions.reply.pairs', { fastest: f(d.fastest), last: d.dims / 2 - 1, slowest });
	const lines = [
		t('positions.reply.sinusoidal', { length: d.length, dims: d.dims, pairs }),
		t('positions.reply.lengths', {
			norm: f(Math.sqrt(d.dims / 2)),
			dot: f(s.neighbourDot),
			cosine: f(s.neighbour),
			falloff: falloff(s),
		}),
	];
	const far = lookalikeLine(s, d.farApart);
	if (far) lines.push(`${far}${s.lookalike && s.lookalike.value > s.neighbour ? t('positions.reply.lineUp') : ''}`);
	return lines;
}

/** The learnt table in numbers. */
export function learntLines(d: PositionsData): string[] {
	const s = d.learnt;
	const lines = [
		t('positions.reply.learnt', {
			context: d.contextLength,
			dModel: d.dModel,
			positions: s.positions,
			min: f(s.norms.min),
			minAt: s.norms.minAt,
			max: f(s.norms.max),
			maxAt: s.norms.maxAt,
			mean: f(s.norms.mean),
		}),
		t('positions.reply.learntNeighbours', { neighbour: f(s.neighbour), falloff: falloff(s) }),
	];
	const far = lookalikeLine(s, d.farApart);
	if (far) lines.push(far);
	if (d.length > d.contextLength)
		lines.push(t('positions.reply.tableEnds', { last: d.contextLength - 1, context: d.contextLength }));
	return lines;
}

/** What differs between the two, with the numbers that show it. */
export function differenceLines(d: PositionsData): string[] {
	const s = d.sinusoidal;
	const l = d.learnt;
	const spread = (r: [number, number]): string =>
		r[1] - r[0] < 0.005
			? t('positions.reply.allSame', { value: f(r[0]) })
			: t('positions.reply.range', { from: f(r[0]), to: f(r[1]) });
	return [
		t('positions.reply.distanceOnly', { sinusoidal: spread(s.neighbourRange), learnt: spread(l.neighbourRange) }),
		t('positions.reply.normsDiffer', { norm: f(Math.sqrt(d.dims / 2)), min: f(l.norms.min), max: f(l.norms.max) }),
		t('positions.reply.neighbours', {
			sinusoidal: f(s.neighbour),
			dims: d.dims,
			learnt: f(l.neighbour),
			dModel: d.dModel,
		}),
		t('positions.reply.reach', { context: d.contextLength }),
	];
}

/** The /positions reply: three embeds, each with its chart. */
export function positionsReply(out: PositionsOutput): Reply {
	const d = out.data;
	const [sinusoidal, learnt, distance] = out.files;
	const embeds: APIEmbed[] = [
		{
			title: t('positions.reply.title', { dims: d.dims }),
			color: COLOR,
			description: sinusoidalLines(d).join('\n'),
			image: { url: `attachment://${sinusoidal!.name}` },
		},
		{ color: COLOR, description: learntLines(d).join('\n'), image: { url: `attachment://${learnt!.name}` } },
		{
			title: t('positions.reply.differs'),
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
