import type { APIEmbed } from 'discord-api-types/v10';
import type { DemoFile } from '../demo-file.js';
import { toBuffer } from '../../compute/compute.js';
import { UserError } from '../../core/errors.js';
import type { Reply } from '../../core/reply.js';
import { chartLabels } from './charts.js';
import { shown } from './parse.js';
import type {
	AnalogyResult,
	MapResult,
	MatrixResult,
	MissingResult,
	NeighborsResult,
	PairResult,
	SimilarityResult,
} from './results.js';

const COLOR = 0x009e73;
const fixed = (x: number, digits = 4): string => x.toFixed(digits).replace(/^-/, '−');
const percent = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** The error for words not in the vocabulary: each one named, with the closest spellings that are in it. */
export function missingWordsError(result: MissingResult): UserError {
	const lines = result.missing.map(({ text, suggestions }) =>
		suggestions.length > 0
			? `${shown(text)} is not in the vocabulary. Did you mean ${suggestions.map((s) => shown(s)).join(', ')}?`
			: `${shown(text)} is not in the vocabulary, and no word in it is spelled close to it.`,
	);
	const size = result.vocabulary.toLocaleString('en-US');
	return new UserError(
		`${lines.join('\n')}\nThe word vectors know ${size} lowercase English words.`,
		'similarity.unknown-word',
	);
}

/** The texts behind `T1`, `T2`… when the charts could not use them as labels. */
function legendLines(labels: readonly string[]): string[] {
	const short = chartLabels(labels);
	if (short.every((l, i) => l === labels[i])) return [];
	return labels.map((l, i) => `**${short[i]}** ${shown(l, 120)}`);
}

function pairText(r: PairResult): string {
	const [a, b] = r.labels;
	return [
		...legendLines(r.labels),
		'```',
		'cos(a, b) = a·b / (‖a‖ ‖b‖)',
		`          = ${fixed(r.dot)} / (${fixed(r.normA)} × ${fixed(r.normB)})`,
		`          = ${fixed(r.cosine)}`,
		'```',
		`a = ${shown(a, 120)}, b = ${shown(b, 120)}; ${r.engine.dimensions} dimensions. 1 means the same direction, 0 unrelated, −1 opposite.`,
	].join('\n');
}

function matrixText(r: MatrixResult): string {
	const pairs: { i: number; j: number; c: number }[] = [];
	r.cosines.forEach((row, i) => row.forEach((c, j) => j > i && pairs.push({ i, j, c })));
	pairs.sort((x, y) => y.c - x.c);
	const name = (p: { i: number; j: number }) => `${shown(r.labels[p.i]!, 30)} – ${shown(r.labels[p.j]!, 30)}`;
	const lines = [...legendLines(r.labels)];
	const most = pairs[0];
	const least = pairs[pairs.length - 1];
	if (most) lines.push(`Most similar: ${name(most)} **${fixed(most.c)}**`);
	if (least && pairs.length > 1) lines.push(`Least similar: ${name(least)} **${fixed(least.c)}**`);
	return lines.join('\n');
}

function neighborsEmbeds(r: NeighborsResult, files: readonly DemoFile[]): APIEmbed[] {
	return r.lists.map((list, i) => ({
		title: `Nearest to ${list.word}`,
		description: list.neighbors.map((n, k) => `${k + 1}. ${n.text} — ${fixed(n.cosine)}`).join('\n'),
		color: COLOR,
		image: files[i] ? { url: `attachment://${files[i].name}` } : undefined,
	}));
}

/** The map's rule for neighbours, as the reply states it. */
export const MAP_RULE =
	'Neighbours skip tokens without a letter (punctuation, numbers) and common function words (the, of, and, …); a word near two of yours is drawn once, with the first, and the next nearest takes its place.';

function mapText(r: MapResult): string {
	const [pc1, pc2] = r.explained;
	// Every word drawn is listed here too, for a member who cannot read the chart.
	const groups = r.queries.map((q) => {
		const near = r.points.filter((p) => p.group === q && !p.query).map((p) => p.text);
		return `**${q}**: ${near.join(', ')}`;
	});
	return [
		`${r.queries.map((q) => `**${q}**`).join(', ')} and their ${r.neighborsPerWord} nearest words, ${r.points.length} in all.`,
		`Explained variance: PC1 **${percent(pc1)}**, PC2 **${percent(pc2)}** (${percent(pc1 + pc2)} together); computed with TensorFlow.js (${r.backend}).`,
		...groups,
		MAP_RULE,
	].join('\n');
}

function analogyText(r: AnalogyResult): string {
	return [
		`“${r.a} is to ${r.b} as ${r.c} is to …”: the words whose vectors point most nearly along ${r.b} − ${r.a} + ${r.c} (each unit length), the three inputs excluded.`,
		...r.answers.map((n, k) => `${k + 1}. ${k === 0 ? `**${n.text}**` : n.text} — ${fixed(n.cosine)}`),
	].join('\n');
}

function titleOf(r: Exclude<SimilarityResult, NeighborsResult>): string {
	switch (r.kind) {
		case 'pair': {
			const [a, b] = chartLabels(r.labels);
			return `cos(${a}, ${b}) = ${fixed(r.cosine)}`;
		}
		case 'matrix':
			return `Cosine similarity of ${r.labels.length} ${r.engine.kind === 'local' ? 'words' : 'texts'}`;
		case 'map':
			return 'Word map (PCA)';
		case 'analogy':
			return `${r.b} − ${r.a} + ${r.c} ≈ ${r.answers[0]?.text ?? '?'}`;
	}
}

function textOf(r: Exclude<SimilarityResult, NeighborsResult>): string {
	switch (r.kind) {
		case 'pair':
			return pairText(r);
		case 'matrix':
			return matrixText(r);
		case 'map':
			return mapText(r);
		case 'analogy':
			return analogyText(r);
	}
}

/** The /similarity reply: an embed per chart with the figures as text, and the charts as PNG files. */
export function similarityReply(result: SimilarityResult, files: readonly DemoFile[], quota = ''): Reply {
	const footer = {
		text: [`${result.engine.name}, ${result.engine.dimensions} dimensions`, quota].filter(Boolean).join(' · '),
	};
	const embeds: APIEmbed[] =
		result.kind === 'neighbors'
			? neighborsEmbeds(result, files)
			: [
					{
						title: titleOf(result),
						description: textOf(result),
						color: COLOR,
						image: files[0] ? { url: `attachment://${files[0].name}` } : undefined,
					},
				];
	embeds[embeds.length - 1]!.footer = footer;
	return {
		embeds,
		files: files.map((f) => ({ name: f.name, data: toBuffer(f.png), description: f.description.slice(0, 1000) })),
	};
}
