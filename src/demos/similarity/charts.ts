import type { BarChartInput, HeatmapInput, ScatterInput } from '../../charts/index.js';
import type { AnalogyResult, MapResult, MatrixResult, NeighborsResult, PairResult } from './results.js';

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
	return `Vectors: ${engine.name}, ${engine.dimensions} dimensions.`;
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
		subtitle:
			`a·b / (‖a‖ ‖b‖) = ${fixed(r.dot)} / (${fixed(r.normA)} × ${fixed(r.normB)}) = ${fixed(r.cosine)}. ` +
			`Each bar is one dimension’s term (a_d / ‖a‖)(b_d / ‖b‖); all ${r.engine.dimensions} terms add up to the cosine.`,
		footer: `The ${r.top.length} largest terms add up to ${fixed(shownSum)}; the other ${others} add ${fixed(r.rest)}. Dimensions are numbered from 0. ${sourceLine(r.engine)}`,
		categories: r.top.map((t) => `dim ${t.dimension}`),
		series: [{ name: 'term of the cosine', values: r.top.map((t) => t.value) }],
		orientation: 'horizontal',
		valueAxis: { title: 'term of the cosine' },
		categoryAxis: { title: 'dimension' },
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
		title: `Cosine similarity of ${r.labels.length} ${r.engine.kind === 'local' ? 'words' : 'texts'}`,
		subtitle: 'cos(a, b) = a·b / (‖a‖ ‖b‖): 1 = same direction, 0 = unrelated, −1 = opposite',
		footer: sourceLine(r.engine),
		values: r.cosines,
		rowLabels: labels,
		colLabels: labels,
		scale: 'diverging',
		domain: [-1, 1],
		legendTitle: 'cosine',
		showValues: 'auto',
		width: Math.max(820, grid + 440),
		height: Math.max(400, grid + 200),
	};
}

/** One word's nearest neighbours as horizontal bars of cosine similarity, nearest first. */
export function neighborsChart(r: NeighborsResult, index: number): BarChartInput {
	const list = r.lists[index]!;
	return {
		title: `The ${list.neighbors.length} nearest words to “${list.word}”`,
		subtitle: `By cosine similarity, among the ${r.searched.toLocaleString('en-US')} most frequent words of the vocabulary`,
		footer: sourceLine(r.engine),
		categories: list.neighbors.map((n) => n.text),
		series: [{ name: 'cosine', values: list.neighbors.map((n) => n.cosine) }],
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
		title: `Word map: ${r.queries.join(', ')} and their nearest words`,
		subtitle: `The ${r.points.length} words’ unit vectors (${r.engine.dimensions}-d) projected on their first two principal components with TensorFlow.js (${r.backend})`,
		footer:
			`PC1 explains ${percent(pc1)} of the variance, PC2 ${percent(pc2)} (${percent(pc1 + pc2)} together): ` +
			`the rest is not drawn, so closeness on the map only roughly follows cosine similarity.`,
		points: r.points.map((p) => ({ x: p.x, y: p.y, label: p.text, group: p.group, emphasis: p.query })),
		leaders: true,
		groups: r.queries,
		xTitle: `principal component 1 (${percent(pc1)})`,
		yTitle: `principal component 2 (${percent(pc2)})`,
		width: 1200,
		height: 760,
	};
}

/** The analogy's answers as horizontal bars of cos(answer, b − a + c). */
export function analogyChart(r: AnalogyResult): BarChartInput {
	return {
		title: `${r.b} − ${r.a} + ${r.c} ≈ ${r.answers[0]?.text ?? '?'}`,
		subtitle: `“${r.a} is to ${r.b} as ${r.c} is to …”: the words nearest to the unit vectors’ sum ${r.b} − ${r.a} + ${r.c} (3CosAdd), the three inputs excluded`,
		footer: sourceLine(r.engine),
		categories: r.answers.map((n) => n.text),
		series: [{ name: 'cosine', values: r.answers.map((n) => n.cosine) }],
		orientation: 'horizontal',
		highlight: { index: 0 },
		valueAxis: { title: `cos(answer, ${r.b} − ${r.a} + ${r.c})`, domain: unitDomain(r.answers.map((n) => n.cosine)) },
		showValues: true,
		width: 1000,
		height: 440,
	};
}
