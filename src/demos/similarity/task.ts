import { renderBarChart, renderHeatmap, renderScatter } from '../../charts/index.js';
import { analogyChart, mapChart, matrixChart, neighborsChart, pairChart } from './charts.js';
import { computeLocal } from './local.js';
import type { SimilarityRequest } from './parse.js';
import type { MissingResult, SimilarityResult } from './results.js';
import type { DemoFile } from '../demo-file.js';
import { t } from '../../i18n/index.js';
import { vectorsFromShared, type SharedVectorData } from '../../models/embeddings/index.js';

export interface SimilarityComputeInput {
	/** `(await loadWordVectors()).share()` from the main thread. */
	vectors: SharedVectorData;
	request: SimilarityRequest;
}

/** Computes a /similarity request with the local word vectors (see `computeLocal`). */
export function similarityCompute(input: SimilarityComputeInput): Promise<SimilarityResult | MissingResult> {
	return computeLocal(vectorsFromShared(input.vectors), input.request);
}

/** Draws the chart(s) of a result: one per word for `neighbors`, else one. */
export async function similarityRender(result: SimilarityResult): Promise<DemoFile[]> {
	switch (result.kind) {
		case 'pair':
			return [
				{
					name: 'similarity-pair.png',
					png: await renderBarChart(pairChart(result)),
					description: t('similarity.files.pair', { a: result.labels[0], b: result.labels[1] }),
				},
			];
		case 'matrix':
			return [
				{
					name: 'similarity-matrix.png',
					png: await renderHeatmap(matrixChart(result)),
					description: t('similarity.files.matrix', { count: result.labels.length }),
				},
			];
		case 'neighbors':
			return Promise.all(
				result.lists.map(async (list, i) => ({
					name: `similarity-neighbors-${i + 1}.png`,
					png: await renderBarChart(neighborsChart(result, i)),
					description: t('similarity.files.neighbors', { count: list.neighbors.length, word: list.word }),
				})),
			);
		case 'map':
			return [
				{
					name: 'similarity-map.png',
					png: await renderScatter(mapChart(result)),
					description: t('similarity.files.map', { count: result.points.length }),
				},
			];
		case 'analogy':
			return [
				{
					name: 'similarity-analogy.png',
					png: await renderBarChart(analogyChart(result)),
					description: t('similarity.files.analogy', {
						count: result.answers.length,
						a: result.a,
						b: result.b,
						c: result.c,
					}),
				},
			];
	}
}

/** The /similarity tasks, spread into the task registry. */
export const similarityTasks = {
	'similarity.compute': similarityCompute,
	'similarity.render': similarityRender,
};
