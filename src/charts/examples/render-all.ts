import { layoutBarChart, type BarChartInput } from '../bar-chart.js';
import { layoutCard } from '../card.js';
import { layoutHeatmapGrid } from '../heatmap-grid.js';
import { layoutHeatmap } from '../heatmap.js';
import { layoutLineChart } from '../line-chart.js';
import { layoutScatter } from '../scatter.js';
import type { Scene } from '../scene.js';
import { layoutTokenStrips } from '../token-strip.js';
import * as ex from './index.js';

/** The small figure embedded in the example card: quiz accuracy by week (example data, like the card). */
export const CARD_FIGURE: BarChartInput = {
	title: 'Quiz accuracy by week',
	categories: ['Week 1', 'Week 2', 'Week 3'],
	series: [{ name: 'accuracy', values: [0.7, 0.85, 0.9] }],
	valueAxis: { format: 'percent', domain: [0, 1] },
	width: 840,
	height: 280,
};

/**
 * Every example scene, by the file name it is written under in docs/charts/ (inputs built once, up front). `size`
 * overrides each chart's width and height (token strips and cards take only the width: their height follows content).
 */
export async function exampleScenes(size?: { width: number; height: number }): Promise<Record<string, () => Scene>> {
	const inputs = {
		tokens: ex.tokenStripsExample(),
		bars: await ex.nextWordExample(),
		attention: ex.attentionExample(),
		matrix: ex.positionalMatrixExample(),
		heads: ex.attentionHeadsExample(),
		words: await ex.wordMapExample(),
		loss: await ex.lossCurveExample(),
		encoding: ex.positionalEncodingExample(),
	};
	if (size) {
		for (const input of [
			inputs.bars,
			inputs.attention,
			inputs.matrix,
			inputs.heads,
			inputs.words,
			inputs.loss,
			inputs.encoding,
		])
			Object.assign(input, size);
		inputs.tokens.width = size.width;
	}
	const card = ex.cardExample(layoutBarChart(CARD_FIGURE));
	if (size) card.width = size.width;
	return {
		'token-strips': () => layoutTokenStrips(inputs.tokens),
		'bar-next-word': () => layoutBarChart(inputs.bars),
		'bar-next-word-horizontal': () =>
			layoutBarChart({
				...inputs.bars,
				orientation: 'horizontal',
				series: inputs.bars.series.slice(1),
				line: undefined,
			}),
		'heatmap-attention': () => layoutHeatmap(inputs.attention),
		'heatmap-positional-matrix': () => layoutHeatmap(inputs.matrix),
		'heatmap-grid-heads': () => layoutHeatmapGrid(inputs.heads),
		'scatter-word-map': () => layoutScatter(inputs.words),
		'line-loss-log': () => layoutLineChart(inputs.loss),
		'line-positional-encoding': () => layoutLineChart(inputs.encoding),
		'card-progress': () => layoutCard(card),
	};
}
