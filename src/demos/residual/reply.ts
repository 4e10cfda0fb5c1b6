import type { APIEmbed } from 'discord-api-types/v10';
import { toBuffer } from '../../compute/compute.js';
import type { ResidualOutput } from './task.js';
import type { Reply } from '../../core/reply.js';
import type { ResidualData } from './data.js';
import { lensRows } from './charts.js';
import { tokenCode } from './model-text.js';
import { t } from '../../i18n/index.js';

const COLOR = 0xe69f00;
const f = (x: number, digits = 2): string => x.toFixed(digits);
const pct = (p: number): string => (p >= 0.0001 ? `${(p * 100).toFixed(p >= 0.001 ? 1 : 2)}%` : '<0.01%');

/** The mean lengths per layer as a small fixed-width table, narrow enough for a phone (29 characters a line). */
export function meansTable(data: ResidualData): string {
	const { stream, attention, ffn } = data.means;
	const row = (a: string, b: string, c = '', d = ''): string =>
		`${a.padStart(5)} ${b.padStart(7)} ${c.padStart(7)} ${d.padStart(7)}`.trimEnd();
	const lines = [row('layer', 'stream', '+attn', '+FFN')];
	for (let l = 0; l < data.layers; l++) lines.push(row(String(l + 1), f(stream[l]!), f(attention[l]!), f(ffn[l]!)));
	lines.push(row('out', f(stream[data.layers]!)));
	return `\`\`\`\n${lines.join('\n')}\n\`\`\``;
}

/** How often the top token at each depth is the text's actual next token. */
export function hitCounts(data: ResidualData): number[] {
	const n = data.tokens.length;
	return data.lens.map(
		(depth) => depth.slice(0, n - 1).filter((top, t) => top[0]!.id === data.tokens[t + 1]!.id).length,
	);
}

/** The stream's numbers: mean lengths per layer and the biggest single change. */
export function streamLines(data: ResidualData): string[] {
	const b = data.biggest;
	const where = t(b.kind === 'attention' ? 'residual.reply.attention' : 'residual.reply.ffn');
	return [
		t('residual.reply.streamIntro'),
		meansTable(data),
		t('residual.reply.biggest', {
			where,
			layer: b.layer + 1,
			position: b.position + 1,
			token: tokenCode(data.tokens[b.position]!.text),
			norm: f(b.norm),
			ratio: f(b.ratio, 1),
		}),
	];
}

/** Where the final prediction is the top token: from some depth on, or at scattered depths. */
function formsWhere(data: ResidualData, names: readonly string[]): string {
	const { byDepth, formsAt } = data.last;
	const tops = byDepth.flatMap((r, depth) => (r.rank === 1 ? [names[depth]!] : []));
	if (formsAt !== null && formsAt < data.layers && tops.length === data.layers - formsAt + 1)
		return t('residual.reply.topFrom', { depth: names[formsAt] });
	if (tops.length === 1) return t('residual.reply.topAtOutput');
	return t('residual.reply.topAt', { depths: tops.join(', ') });
}

/** The lens's numbers: the last position's prediction at every depth, and the hits on the actual text. */
export function lensLines(data: ResidualData): string[] {
	const n = data.tokens.length;
	const names = lensRows(data.layers);
	const { final, byDepth } = data.last;
	const lines = [
		t('residual.reply.final', {
			last: tokenCode(data.tokens[n - 1]!.text),
			token: tokenCode(final.text),
			prob: pct(final.prob),
		}),
		byDepth
			.map(
				(r, depth) =>
					`${names[depth]}: ${r.rank === 1 ? t('residual.reply.top') : t('residual.reply.rank', { rank: r.rank.toLocaleString('en-US') })}, ${pct(r.prob)}`,
			)
			.join(' → '),
		formsWhere(data, names),
		t('residual.reply.topTokens', {
			tokens: data.lens
				.map((depth, d) => `${names[d]} ${tokenCode(depth[n - 1]![0]!.text)} ${pct(depth[n - 1]![0]!.prob)}`)
				.join(' · '),
		}),
	];
	if (n > 1) {
		const hits = hitCounts(data);
		lines.push(t('residual.reply.hits', { count: n - 1, hits: hits.map((h, d) => `${names[d]} **${h}**`).join(', ') }));
		const echoes = data.lens[0]!.filter((top, t) => top[0]!.id === data.tokens[t]!.id).length;
		if (echoes * 2 > n) lines.push(t('residual.reply.echoes', { echoes, count: n }));
	}
	return lines.filter((l) => l !== '');
}

/**
 * The /residual reply: the norms with their heatmap, and the logit lens with its grid. `note` (see englishOnlyNote)
 * comes first.
 */
export function residualReply(out: Extract<ResidualOutput, { kind: 'ok' }>, note = ''): Reply {
	const data = out.data;
	const [norms, lens] = out.files;
	const embeds: APIEmbed[] = [
		{
			title: t('residual.reply.title', { count: data.tokens.length, layers: data.layers }),
			color: COLOR,
			description: [...(note ? [note, ''] : []), ...streamLines(data)].join('\n'),
			image: { url: `attachment://${norms!.name}` },
		},
		{
			title: t('residual.reply.lensTitle'),
			color: COLOR,
			description: lensLines(data).join('\n'),
			image: { url: `attachment://${lens!.name}` },
		},
	];
	return {
		embeds,
		files: out.files.map((file) => ({ name: file.name, data: toBuffer(file.png), description: file.description })),
	};
}
