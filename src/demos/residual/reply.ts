import type { APIEmbed } from 'discord-api-types/v10';
import { toBuffer } from '../../compute/compute.js';
import type { ResidualOutput } from './task.js';
import type { Reply } from '../../core/reply.js';
import type { ResidualData } from './data.js';
import { lensRows } from './charts.js';
import { tokenCode } from './model-text.js';

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
	const where = b.kind === 'attention' ? 'the attention' : 'the FFN';
	return [
		'Each layer adds two updates to every token’s vector, attention (mixing in the tokens before it) and the FFN (each token alone); the stream is only ever added to. Mean lengths over the tokens (stream: going into the layer; +attn, +FFN: what each adds):',
		meansTable(data),
		`Biggest change relative to its token’s stream: ${where} of layer ${b.layer + 1} at ${b.position + 1} ${tokenCode(data.tokens[b.position]!.text)}, length **${f(b.norm)}**, **${f(b.ratio, 1)}×** the stream it was added to.`,
	];
}

/** Where the final prediction is the top token: from some depth on, or at scattered depths. */
function formsWhere(data: ResidualData, names: readonly string[]): string {
	const { byDepth, formsAt } = data.last;
	const tops = byDepth.flatMap((r, depth) => (r.rank === 1 ? [names[depth]!] : []));
	if (formsAt !== null && formsAt < data.layers && tops.length === data.layers - formsAt + 1)
		return `It is the top token from ${names[formsAt]} on.`;
	if (tops.length === 1) return 'It is the top token only at the output.';
	return `It is the top token ${tops.join(', ')}; in between another token leads.`;
}

/** The lens's numbers: the last position's prediction at every depth, and the hits on the actual text. */
export function lensLines(data: ResidualData): string[] {
	const n = data.tokens.length;
	const names = lensRows(data.layers);
	const { final, byDepth } = data.last;
	const lines = [
		`After ${tokenCode(data.tokens[n - 1]!.text)} the output's most likely next token is ${tokenCode(final.text)} (**${pct(final.prob)}**). The same token read out earlier:`,
		byDepth
			.map(
				(r, depth) =>
					`${names[depth]}: ${r.rank === 1 ? '**top**' : `rank ${r.rank.toLocaleString('en-US')}`}, ${pct(r.prob)}`,
			)
			.join(' → '),
		formsWhere(data, names),
		`Top tokens at the last position: ${data.lens.map((depth, d) => `${names[d]} ${tokenCode(depth[n - 1]![0]!.text)} ${pct(depth[n - 1]![0]!.prob)}`).join(' · ')}.`,
	];
	if (n > 1) {
		const hits = hitCounts(data);
		lines.push(
			`Top token = the text's actual next token, at ${n - 1} positions: ${hits.map((h, d) => `${names[d]} **${h}**`).join(', ')}.`,
		);
		const echoes = data.lens[0]!.filter((top, t) => top[0]!.id === data.tokens[t]!.id).length;
		if (echoes * 2 > n)
			lines.push(
				`With the embeddings only, ${echoes} of ${n} positions “predict” the input token itself: the output head is the embedding matrix (tied weights), so a token’s own embedding scores highest until the layers add something.`,
			);
	}
	return lines.filter((l) => l !== '');
}

/** The /residual reply: the norms with their heatmap, and the logit lens with its grid. */
export function residualReply(out: Extract<ResidualOutput, { kind: 'ok' }>): Reply {
	const data = out.data;
	const [norms, lens] = out.files;
	const embeds: APIEmbed[] = [
		{
			title: `Residual stream · ${data.tokens.length} ${data.tokens.length === 1 ? 'token' : 'tokens'} through ${data.layers} layers`,
			color: COLOR,
			description: streamLines(data).join('\n'),
			image: { url: `attachment://${norms!.name}` },
		},
		{
			title: 'Logit lens: the prediction forming, layer by layer',
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
