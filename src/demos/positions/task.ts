import { renderLineChart, sceneToPng } from '../../charts/index.js';
import { analysePositions, type PositionsData } from './analysis.js';
import { distanceChart, learntChart, sinusoidalChart } from './charts.js';
import { rowsOf } from './encoding.js';
import type { DemoFile } from '../demo-file.js';
import { loadTinyGpt } from '../../models/transformer/index.js';
import { t } from '../../i18n/index.js';

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
				description: t('positions.chart.sinusoidalDescription', { length: data.length, dims: data.dims }),
			},
			{
				name: 'positions-learnt.png',
				png: learnt,
				description: t('positions.chart.learntDescription', { rows: matrices.learnt.length }),
			},
			{
				name: 'positions-distance.png',
				png: distance,
				description: t('positions.chart.distanceDescription'),
			},
		],
	};
}

/** The /positions task, spread into the task registry. */
export const positionsTasks = {
	'positions.run': positionsRun,
};
