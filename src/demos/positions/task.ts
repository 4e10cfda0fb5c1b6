import { renderLineChart, sceneToPng } from '../../charts/index.js';
import { analysePositions, type PositionsData } from './analysis.js';
import { distanceChart, learntChart, sinusoidalChart } from './charts.js';
import { rowsOf } from './encoding.js';
import type { DemoFile } from '../demo-file.js';
import { loadTinyGpt } from '../../models/transformer/index.js';

export interface PositionsInput {
	length: number;
	/** Even; default: the model's width. */
	dims?: number;
}

export interface PositionsOutput {
	data: PositionsData;
	files: DemoFile[];
}

/**
 * /positions: the sinusoidal encoding next to our model's learnt position table (loaded once per thread), with the
 * numbers the reply states and three charts.
 */
export async function positionsRun(input: PositionsInput): Promise<PositionsOutput> {
	const model = await loadTinyGpt();
	const { contextLength, dModel } = model.config;
	const table = rowsOf(model.positionEmbeddings(), contextLength, dModel);
	const { data, matrices } = analysePositions(input.length, input.dims ?? dModel, table);
	const [sinusoidal, learnt, distance] = await Promise.all([
		sceneToPng(sinusoidalChart(data, matrices)),
		sceneToPng(learntChart(data, matrices)),
		renderLineChart(distanceChart(data)),
	]);
	return {
		data,
		files: [
			{
				name: 'positions-sinusoidal.png',
				png: sinusoidal,
				description: `Two heatmaps: the sinusoidal encoding of ${data.length} positions in ${data.dims} dimensions, and the dot product of every pair of positions.`,
			},
			{
				name: 'positions-learnt.png',
				png: learnt,
				description: `Two heatmaps: our model's learnt position embeddings for ${matrices.learnt.length} positions, and the cosine similarity of every pair.`,
			},
			{
				name: 'positions-distance.png',
				png: distance,
				description: 'Line chart: mean cosine similarity of positions k apart, sinusoidal and learnt.',
			},
		],
	};
}

/** The /positions task, spread into the task registry. */
export const positionsTasks = {
	'positions.run': positionsRun,
};
