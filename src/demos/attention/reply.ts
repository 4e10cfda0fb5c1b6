import type { APIEmbed } from 'discord-api-types/v10';
import type { AttentionFile } from './task.js';
import { toBuffer } from '../../compute/compute.js';
import type { Reply } from '../../core/reply.js';
import type { AttentionData } from './data.js';
import { rowMaxima } from './head-chart.js';
import { headName } from './labels.js';
import { stepsOf, STEPS_PARTS } from './steps-chart.js';
import { STEPS_DIMS_SHOWN } from './input.js';
// `tr`, not `t`: `t` is the token count throughout this file, as in the formulas.
import { t as tr } from '../../i18n/index.js';

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

/** How to read a row of an attention map, in the member's language. */
export const readARow = (): string => tr('attention.reply.readRow');

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
	return [readARow(), tr('attention.reply.whereLooks', { head: headName(data) }), strongestLines(data)].join('\n');
}

/** A token label in a code span, for lines of prose that may wrap. */
const tokenSpan = (label: string): string => `\`${label.replace(/`/g, 'ˋ')}\``;

/** One line per head: its habits and its strongest link, as prose that wraps on a phone instead of a table. */
export function headLines(data: AttentionData): string[] {
	return data.weights.map((w, h) => {
		const habits = headHabits(w);
		if (!habits) return tr('attention.reply.headAlone', { n: h + 1 });
		const top = rowMaxima(w)
			.map((m, q) => ({ ...m, q }))
			.filter((m) => m.q > 0)
			.sort((a, b) => b.weight - a.weight || a.q - b.q)[0]!;
		const link = `${tokenSpan(data.tokens[top.q]!.label)} → ${tokenSpan(data.tokens[top.key]!.label)} ${fixed(top.weight, 2)}`;
		return tr('attention.reply.headLine', {
			n: h + 1,
			previous: percent(habits.previous),
			first: percent(habits.first),
			self: percent(habits.self),
			link,
		});
	});
}

function headsText(data: AttentionData): string {
	const n = data.tokens.length;
	return [
		tr('attention.reply.headsIntro', { layer: data.layer + 1, readRow: readARow() }),
		tr('attention.reply.headsDiffer', { n }),
		...headLines(data),
		tr('attention.reply.shapes', {
			tokens: tr('attention.tokens', { count: n }),
			n,
			dk: data.headDim,
			heads: data.nHeads,
			d: data.dModel,
		}),
	].join('\n');
}

/** The walk-through of the last row of the steps: its q·k, ÷√d_k, e^(x−m) and weight for every key, as a table. */
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
	return [
		tr('attention.reply.walkRow', {
			row: q + 1,
			token: data.tokens[q]!.label,
			dk: data.headDim,
			root: fixed(root),
			max: fixed(max),
		}),
		tr('attention.reply.walkKeys', { keys }),
		'```',
		...lines,
		'```',
	].join('\n');
}

/** The last row's output: its first dimension as the sum of weight × v, then its first dimensions. */
export function stepsOutputText(data: AttentionData): string {
	const s = stepsOf(data);
	const t = s.scores.length;
	const q = t - 1;
	const w = s.weights[q]!;
	const factor = (x: number): string => (x < 0 ? `(${fixed(x)})` : fixed(x));
	const terms = Array.from({ length: t }, (_, k) => `${fixed(w[k]!)}×${factor(s.v[k]![0]!)}`);
	const out = s.output[q]!;
	return [
		tr('attention.reply.walkOutput', { terms: terms.join(' + '), value: fixed(out[0]!) }),
		tr('attention.reply.walkOutputRow', {
			row: q + 1,
			dims: Math.min(STEPS_DIMS_SHOWN, data.headDim),
			values: out
				.slice(0, STEPS_DIMS_SHOWN)
				.map((x) => fixed(x))
				.join(', '),
		}),
		tr('attention.reply.csvLine', { dk: data.headDim }),
	].join('\n');
}

/**
 * The steps' three embeds, one per chart (see STEPS_PARTS), each with the text that goes with its steps: ① and ②
 * with the last row worked by hand up to its weights, ③ and ④ with how the table's weights come about, V and ⑤ with
 * the output as a sum of products and where every number is.
 */
function stepsEmbeds(data: AttentionData, charts: readonly AttentionFile[], notes: readonly string[]): APIEmbed[] {
	const t = stepsOf(data).scores.length;
	const total = data.tokens.length;
	const cut = t < total ? tr('attention.reply.stepsCut', { t, total }) : '';
	const texts = [
		{
			title: tr('attention.reply.titleSteps', { head: headName(data) }),
			description: [
				tr('attention.reply.stepsIntro', {
					cut,
					head: headName(data),
					dk: data.headDim,
					dims: Math.min(STEPS_DIMS_SHOWN, data.headDim),
				}),
				tr('attention.reply.checkByHand'),
				stepsWalkthrough(data),
				...notes,
			].join('\n'),
		},
		{ title: tr('attention.reply.titleStepsSoftmax'), description: tr('attention.reply.stepsSoftmax', { row: t }) },
		{ title: tr('attention.reply.titleStepsOutput'), description: stepsOutputText(data) },
	];
	return STEPS_PARTS.map((part, i) => ({
		...texts[i]!,
		color: COLOR,
		image: { url: `attachment://${charts.find((f) => f.name === part.file)!.name}` },
	}));
}

/**
 * The /attention reply: the explanation and figures as text, each chart as an embed's image (`steps` has three, and
 * the CSV), the model's shape in the last embed's footer.
 */
export function attentionReply(
	data: AttentionData,
	files: readonly AttentionFile[],
	notes: readonly string[] = [],
): Reply {
	const footer = {
		text: tr('attention.reply.footer', {
			model: data.model,
			tokens: tr('attention.tokens', { count: data.tokens.length }),
			layers: data.nLayers,
			heads: data.nHeads,
			d: data.dModel,
			dk: data.headDim,
		}),
	};
	let embeds: APIEmbed[];
	if (data.view === 'steps') embeds = stepsEmbeds(data, files, notes);
	else {
		const chart = files.find((f) => f.name.endsWith('.png'))!;
		embeds = [
			{
				title:
					data.view === 'heads'
						? tr('attention.reply.titleHeads', { heads: data.nHeads, layer: data.layer + 1 })
						: tr('attention.reply.titleHead', { head: headName(data) }),
				description: [data.view === 'heads' ? headsText(data) : headText(data), ...notes].join('\n'),
				color: COLOR,
				image: { url: `attachment://${chart.name}` },
			},
		];
	}
	embeds[embeds.length - 1]!.footer = footer;
	return {
		embeds,
		files: files.map((f) => ({ name: f.name, data: toBuffer(f.bytes), description: f.description })),
	};
}
