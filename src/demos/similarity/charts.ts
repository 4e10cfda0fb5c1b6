import type { BarChartInput, HeatmapInput, ScatterInput } from '../../charts/index.js';
import type { AnalogyResult, MapResult, MatrixResult, NeighborsResult, PairResult } from './results.js';
import { formatNumber, t } from '../../i18n/index.js';

/** Above this many characters a text is drawn as `T1`, `T2`… in the matrix and listed in the reply instead. */
export const LABEL_MAX = 18;

const fixed = (x: number, digits = 4): string => x.toFixed(digits).replace(/^-/, '−');
const percent = (x: number): string => `${(x * 100).toFixed(1)}%`;
/** Cosines of nearest words are positive in practice; a fixed [0, 1] axis then compares charts, else the data's range. */
const unitDomain = (values: readonly number[]): [number, number] | undefined =>
	values.every((v) => v >= 0 && v <= 1) ? [0, 1] : undefined;

/** Chart labels for texts: the texts themselves when all are short, else `T1`, `T2`… */
export function chartLabels(labels: readonly string[]): string[] {
	return labels.every((l) => [...l].length <= LABEL_MAX) ? [...labels] : labels.map((_, i) => `T${i + 1}`);
}

function sourceLine(engine: PairResult['engine']): string {
	return t('similarity.engine.source', { name: engine.name, dimensions: engine.dimensions });
}

/**
 * The pair chart: the largest per-dimension terms (a_d/‖a‖)(b_d/‖b‖) of the cosine as horizontal bars, so a member
 * sees that cos(a, b) is a sum over dimensions and which dimensions carry it.
 */
export function pairChart(r: PairResult): BarChartInput {
	const [a, b] = chartLabels(r.labels);
	const shownSum = r.top.reduce((sum, t) => sum + t.value, 0);
	const others = r.engine.dimensions - r.top.length;
	return {
		title: `cos(${a}, ${b}) = ${fixed(r.cosine)}`,
		subtitle: t('similarity.chart.pairSubtitle', {
			dot: fixed(r.dot),
			normA: fixed(r.normA),
			normB: fixed(r.normB),
			cosine: fixed(r.cosine),
			dimensions: r.engine.dimensions,
		}),
		footer: t('similarity.chart.pairFooter', {
			shown: r.top.length,
			sum: fixed(shownSum),
			others,
			rest: fixed(r.rest),
			source: sourceLine(r.engine),
		}),
		categories: r.top.map((term) => t('similarity.chart.dimension', { d: term.dimension })),
		series: [{ name: t('similarity.chart.term'), values: r.top.map((term) => term.value) }],
		orientation: 'horizontal',
		valueAxis: { title: t('similarity.chart.term') },
		categoryAxis: { title: t('similarity.chart.dimensionAxis') },
		showValues: true,
		width: 1100,
		height: 680,
	};
}

/** The matrix chart: every pair's cosine on a diverging scale fixed to [−1, 1], numbers in the cells when they fit. */
export function matrixChart(r: MatrixResult): HeatmapInput {
	const labels = chartLabels(r.labels);
	// Cells stop growing at 64 px; size the card to the grid so it does not float in empty space.
	const grid = labels.length * 64;
	return {
		title: t(r.engine.kind === 'local' ? 'similarity.chart.matrixWords' : 'similarity.chart.matrixTexts', {
			count: r.labels.length,
		}),
		subtitle: t('similarity.chart.matrixSubtitle'),
		footer: sourceLine(r.engine),
		values: r.cosines,
		rowLabels: labels,
		colLabels: labels,
		scale: 'diverging',
		domain: [-1, 1],
		legendTitle: t('similarity.chart.cosine'),
		showValues: 'auto',
		width: Math.max(820, grid + 440),
		height: Math.max(400, grid + 200),
	};
}

/** One word's nearest neighbours as horizontal bars of cosine similarity, nearest first. */
export function neighborsChart(r: NeighborsResult, index: number): BarChartInput {
	const list = r.lists[index]!;
	return {
		title: t('similarity.chart.neighborsTitle', { count: list.neighbors.length, word: list.word }),
		subtitle: t('similarity.chart.neighborsSubtitle', { searched: formatNumber(r.searched) }),
		footer: sourceLine(r.engine),
		categories: list.neighbors.map((n) => n.text),
		series: [{ name: t('similarity.chart.cosine'), values: list.neighbors.map((n) => n.cosine) }],
		orientation: 'horizontal',
		valueAxis: { title: `cos(${list.word}, ·)`, domain: unitDomain(list.neighbors.map((n) => n.cosine)) },
		showValues: true,
		width: 1000,
		height: 560,
	};
}

/** The map: the words and their neighbours on their first two principal components, one colour per query word. */
export function mapChart(r: MapResult): ScatterInput {
	const [pc1, pc2] = r.explained;
	return {
		title: t('similarity.chart.mapTitle', { words: r.queries.join(', ') }),
		subtitle: t('similarity.chart.mapSubtitle', {
			count: r.points.length,
			dimensions: r.engine.dimensions,
			backend: r.backend,
		}),
		footer: t('similarity.chart.mapFooter', { pc1: percent(pc1), pc2: percent(pc2), both: percent(pc1 + pc2) }),
		points: r.points.map((p) => ({ x: p.x, y: p.y, label: p.text, group: p.group, emphasis: p.query })),
		leaders: true,
		groups: r.queries,
		xTitle: t('similarity.chart.pc1', { share: percent(pc1) }),
		yTitle: t('similarity.chart.pc2', { share: percent(pc2) }),
		width: 1200,
		height: 760,
	};
}

/** The analogy's answers as horizontal bars of cos(answer, b − a + c). */
export function analogyChart(r: AnalogyResult): BarChartInput {
	return {
		title: `${r.b} − ${r.a} + ${r.c} ≈ ${r.answers[0]?.text ?? '?'}`,
		subtitle: t('similarity.chart.analogySubtitle', { a: r.a, b: r.b, c: r.c }),
		footer: sourceLine(r.engine),
		categories: r.answers.map((n) => n.text),
		series: [{ name: t('similarity.chart.cosine'), values: r.answers.map((n) => n.cosine) }],
		orientation: 'horizontal',
		highlight: { index: 0 },
		valueAxis: {
			title: t('similarity.chart.analogyAxis', { a: r.a, b: r.b, c: r.c }),
			domain: unitDomain(r.answers.map((n) => n.cosine)),
		},
		showValues: true,
		width: 1000,
		height: 440,
	};
}
