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
import { formatNumber, t } from '../../i18n/index.js';

const COLOR = 0x009e73;
const fixed = (x: number, digits = 4): string => x.toFixed(digits).replace(/^-/, '−');
const percent = (x: number): string => `${(x * 100).toFixed(1)}%`;

const HANGUL = /\p{Script=Hangul}/u;

/**
 * The error for words not in the vocabulary: each one named, with the closest spellings that are in it. Korean words
 * get the reason instead (the vectors were learnt from English text and have no Korean word at all, so a spelling
 * suggestion would mislead) and the demos that do read Korean: /tokenize, and `engine:openai` when the bot has one.
 */
export function missingWordsError(result: MissingResult, openaiConfigured = false): UserError {
	const korean = result.missing.filter((m) => HANGUL.test(m.text));
	const size = formatNumber(result.vocabulary);
	const lines = result.missing
		.filter((m) => !HANGUL.test(m.text))
		.map(({ text, suggestions }) =>
			suggestions.length > 0
				? t('similarity.errors.missingSuggest', {
						word: shown(text),
						suggestions: suggestions.map((s) => shown(s)).join(', '),
					})
				: t('similarity.errors.missingNone', { word: shown(text) }),
		);
	if (lines.length > 0) lines.push(t('similarity.errors.vocabulary', { size }));
	if (korean.length > 0)
		lines.push(
			t('similarity.korean.missing', { words: korean.map((m) => shown(m.text)).join(', '), size }),
			openaiConfigured ? t('similarity.korean.openai') : t('similarity.korean.openaiOff'),
			t('similarity.korean.tokenize'),
		);
	return new UserError(lines.join('\n'), 'similarity.unknown-word');
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
		t('similarity.reply.pairNote', { a: shown(a, 120), b: shown(b, 120), dimensions: r.engine.dimensions }),
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
	if (most) lines.push(t('similarity.reply.mostSimilar', { pair: name(most), cosine: fixed(most.c) }));
	if (least && pairs.length > 1)
		lines.push(t('similarity.reply.leastSimilar', { pair: name(least), cosine: fixed(least.c) }));
	return lines.join('\n');
}

function neighborsEmbeds(r: NeighborsResult, files: readonly DemoFile[]): APIEmbed[] {
	return r.lists.map((list, i) => ({
		title: t('similarity.reply.nearestTo', { word: list.word }),
		description: list.neighbors.map((n, k) => `${k + 1}. ${n.text} — ${fixed(n.cosine)}`).join('\n'),
		color: COLOR,
		image: files[i] ? { url: `attachment://${files[i].name}` } : undefined,
	}));
}

/** The map's rule for neighbours, as the reply states it (in the member's language). */
export const mapRule = (): string => t('similarity.reply.mapRule');

function mapText(r: MapResult): string {
	const [pc1, pc2] = r.explained;
	// Every word drawn is listed here too, for a member who cannot read the chart.
	const groups = r.queries.map((q) => {
		const near = r.points.filter((p) => p.group === q && !p.query).map((p) => p.text);
		return `**${q}**: ${near.join(', ')}`;
	});
	return [
		t('similarity.reply.mapIntro', {
			words: r.queries.map((q) => `**${q}**`).join(', '),
			perWord: r.neighborsPerWord,
			count: r.points.length,
		}),
		t('similarity.reply.mapVariance', {
			pc1: percent(pc1),
			pc2: percent(pc2),
			both: percent(pc1 + pc2),
			backend: r.backend,
		}),
		...groups,
		mapRule(),
	].join('\n');
}

function analogyText(r: AnalogyResult): string {
	return [
		t('similarity.reply.analogyIntro', { a: r.a, b: r.b, c: r.c }),
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
			return t(r.engine.kind === 'local' ? 'similarity.chart.matrixWords' : 'similarity.chart.matrixTexts', {
				count: r.labels.length,
			});
		case 'map':
			return t('similarity.reply.mapTitle');
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
		text: [t('similarity.engine.footer', { name: result.engine.name, dimensions: result.engine.dimensions }), quota]
			.filter(Boolean)
			.join(' · '),
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
