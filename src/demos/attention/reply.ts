import type { APIEmbed } from 'discord-api-types/v10';
import type { AttentionFile } from './task.js';
import { toBuffer } from '../../compute/compute.js';
import type { Reply } from '../../core/reply.js';
import type { AttentionData } from './data.js';
import { rowMaxima } from './head-chart.js';
import { headName } from './labels.js';
import { stepsOf } from './steps-chart.js';

const COLOR = 0xcc79a7;
const LABEL_W = 12;
const fixed = (x: number, digits = 4): string => x.toFixed(digits).replace(/^-/, '−');
const percent = (x: number): string => `${Math.round(x * 100)}%`;

/** A token's label for a code block: at most `width` characters, padded so columns line up. */
function cell(label: string, width = LABEL_W): string {
	const chars = [...label.replace(/`/g, 'ˋ')];
	const cut = chars.length > width ? `${chars.slice(0, width - 1).join('')}…` : chars.join('');
	return cut + ' '.repeat(Math.max(0, width - [...cut].length));
}

const numbered = (data: AttentionData, i: number): string =>
	`${String(i + 1).padStart(2)} ${cell(data.tokens[i]!.label)}`;

export const READ_A_ROW =
	'Each **row** is one token acting as the **query**; each **column** is a **key** token at or before it. A cell is the weight the query ' +
	'gives that key; every row sums to 1 (softmax). Hatched cells lie in the future: the causal mask gives them weight 0.';

/** For every query token, the key it attends to most, as a code block (`3 ⋅or → 1 To 0.41`). */
export function strongestLines(data: AttentionData): string {
	const maxima = rowMaxima(data.weights[data.head]!);
	const lines = maxima.map((m, q) => `${numbered(data, q)} → ${numbered(data, m.key)} ${fixed(m.weight, 2)}`);
	return `\`\`\`\n${lines.join('\n')}\n\`\`\``;
}

/** Average weight, over query rows 2…T, on the previous token, on the first token and on the query itself. */
export function headHabits(
	weights: readonly (readonly number[])[],
): { previous: number; first: number; self: number } | null {
	const n = weights.length;
	if (n < 2) return null;
	let previous = 0;
	let first = 0;
	let self = 0;
	for (let q = 1; q < n; q++) {
		const row = weights[q]!;
		previous += row[q - 1]!;
		first += row[0]!;
		self += row[q]!;
	}
	return { previous: previous / (n - 1), first: first / (n - 1), self: self / (n - 1) };
}

function headText(data: AttentionData): string {
	return [
		READ_A_ROW,
		`**Where each token looks most** (${headName(data)}; tokens numbered from 1):`,
		strongestLines(data),
	].join('\n');
}

/** A token label in a code span, for lines of prose that may wrap. */
const tokenSpan = (label: string): string => `\`${label.replace(/`/g, 'ˋ')}\``;

/** One line per head: its habits and its strongest link, as prose that wraps on a phone instead of a table. */
export function headLines(data: AttentionData): string[] {
	return data.weights.map((w, h) => {
		const habits = headHabits(w);
		if (!habits) return `**Head ${h + 1}**: one token, so it can only attend to itself.`;
		const top = rowMaxima(w)
			.map((m, q) => ({ ...m, q }))
			.filter((m) => m.q > 0)
			.sort((a, b) => b.weight - a.weight || a.q - b.q)[0]!;
		const link = `${tokenSpan(data.tokens[top.q]!.label)} → ${tokenSpan(data.tokens[top.key]!.label)} ${fixed(top.weight, 2)}`;
		return `**Head ${h + 1}**: previous ${percent(habits.previous)} · first ${percent(habits.first)} · itself ${percent(habits.self)} · strongest ${link}`;
	});
}

function headsText(data: AttentionData): string {
	const n = data.tokens.length;
	return [
		`The chart has one map per head of layer ${data.layer + 1}. ${READ_A_ROW} Each head has its own W_Q, W_K and W_V, so each learns to look for something else.`,
		`**How the heads differ** (average weight over query tokens 2–${n} on the previous token, the first token and itself; and the strongest link):`,
		...headLines(data),
		`**Shapes** (T = ${n} ${n === 1 ? 'token' : 'tokens'}): each head makes Q, K, V of ${n} × ${data.headDim}, weights of ${n} × ${n}, and an output weights · V of ${n} × ${data.headDim}. ` +
			`The ${data.nHeads} outputs side by side make ${n} × ${data.dModel}; × W_O (${data.dModel} × ${data.dModel}) plus a bias gives ${n} × ${data.dModel}, which is added to the residual stream.`,
	].join('\n');
}

/** The walk-through of the last row of the steps: every number from q·k to the output's first dimension. */
export function stepsWalkthrough(data: AttentionData): string {
	const s = stepsOf(data);
	const t = s.scores.length;
	const q = t - 1;
	const root = Math.sqrt(data.headDim);
	const scaled = s.scaled[q]!.slice(0, t);
	const max = Math.max(...scaled);
	const exps = scaled.map((x) => Math.exp(x - max));
	const sum = exps.reduce((a, b) => a + b, 0);
	const w = s.weights[q]!;
	const keys = Array.from({ length: t }, (_, k) => `${k + 1} ${tokenSpan(data.tokens[k]!.label)}`).join(' · ');
	// Numbers only, keys by number: 36 characters a line, which a phone shows without wrapping.
	const row = (a: string, b: string, c: string, d: string, e: string): string =>
		`${a.padStart(2)} ${b.padStart(8)} ${c.padStart(8)} ${d.padStart(7)} ${e.padStart(7)}`;
	const lines = [
		row('#', 'q·k', '÷√d_k', 'e^(x−m)', 'weight'),
		...Array.from({ length: t }, (_, k) =>
			row(String(k + 1), fixed(s.scores[q]![k]!), fixed(scaled[k]!), fixed(exps[k]!), fixed(w[k]!)),
		),
		row('Σ', '', '', fixed(sum), fixed(w.slice(0, t).reduce((a, b) => a + b, 0))),
	];
	const factor = (x: number): string => (x < 0 ? `(${fixed(x)})` : fixed(x));
	const terms = Array.from({ length: t }, (_, k) => `${fixed(w[k]!)}×${factor(s.v[k]![0]!)}`);
	const out = s.output[q]!;
	return [
		`Row ${q + 1} (query “${data.tokens[q]!.label}”), d_k = ${data.headDim}, √${data.headDim} = ${fixed(root)}; m = the row's largest ÷√d_k, ${fixed(max)}.`,
		`Keys: ${keys}`,
		'```',
		...lines,
		'```',
		`**Output, dimension 1** = Σ weight × v (d1 of each key's V row): ${terms.join(' + ')} = **${fixed(out[0]!)}**`,
		`Output row ${q + 1}, dims 1–${Math.min(8, data.headDim)}: ${out
			.slice(0, 8)
			.map((x) => fixed(x))
			.join(', ')}`,
	].join('\n');
}

function stepsText(data: AttentionData): string {
	const t = stepsOf(data).scores.length;
	const total = data.tokens.length;
	const cut =
		t < total
			? `These are the first ${t} of your ${total} tokens. A token only sees the tokens before it, so these ${t} rows are exactly rows 1–${t} of the whole text's map. `
			: '';
	return [
		`${cut}The chart follows ${headName(data)} through ① Q·Kᵀ, ② ÷ √d_k, ③ the causal mask, ④ the softmax of each row and ⑤ the weighted sum of V. ` +
			`V has ${data.headDim} dimensions; the chart shows 1–${Math.min(8, data.headDim)} and \`attention-steps.csv\` has all of them, with q and k, at full precision.`,
		'**Check the last row by hand:**',
		stepsWalkthrough(data),
	].join('\n');
}

/** The /attention reply: the explanation and figures as text, the chart as the embed's image, the CSV for `steps`. */
export function attentionReply(
	data: AttentionData,
	files: readonly AttentionFile[],
	notes: readonly string[] = [],
): Reply {
	const chart = files.find((f) => f.name.endsWith('.png'))!;
	const title =
		data.view === 'heads'
			? `Attention: all ${data.nHeads} heads of layer ${data.layer + 1}`
			: data.view === 'steps'
				? `Attention step by step: ${headName(data)}`
				: `Attention: ${headName(data)}`;
	const body = data.view === 'heads' ? headsText(data) : data.view === 'steps' ? stepsText(data) : headText(data);
	const embed: APIEmbed = {
		title,
		description: [body, ...notes].join('\n'),
		color: COLOR,
		image: { url: `attachment://${chart.name}` },
		footer: {
			text: `${data.model} · ${data.tokens.length} tokens · ${data.nLayers} layers × ${data.nHeads} heads, counted from 1 · d_model ${data.dModel}, d_k ${data.headDim}`,
		},
	};
	return {
		embeds: [embed],
		files: files.map((f) => ({ name: f.name, data: toBuffer(f.bytes), description: f.description })),
	};
}
