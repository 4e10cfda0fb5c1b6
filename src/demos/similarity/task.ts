import { renderBarChart, renderHeatmap, renderScatter } from '../../charts/index.js';
import { analogyChart, mapChart, matrixChart, neighborsChart, pairChart } from './charts.js';
import { computeLocal } from './local.js';
import type { SimilarityRequest } from './parse.js';
import type { MissingResult, SimilarityResult } from './results.js';
import type { DemoFile } from '../demo-file.js';
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
					description: `Bar chart: the largest per-dimension terms of the cosine similarity of ${result.labels.join(' and ')}.`,
				},
			];
		case 'matrix':
			return [
				{
					name: 'similarity-matrix.png',
					png: await renderHeatmap(matrixChart(result)),
					description: `Heatmap of the cosine similarity of every pair of ${result.labels.length} items.`,
				},
			];
		case 'neighbors':
			return Promise.all(
				result.lists.map(async (list, i) => ({
					name: `similarity-neighbors-${i + 1}.png`,
					png: await renderBarChart(neighborsChart(result, i)),
					description: `Bar chart: the ${list.neighbors.length} nearest words to ${list.word} by cosine similarity.`,
				})),
			);
		case 'map':
			return [
				{
					name: 'similarity-map.png',
					png: await renderScatter(mapChart(result)),
					description: `Scatter plot: ${result.points.length} words on their first two principal components.`,
				},
			];
		case 'analogy':
			return [
				{
					name: 'similarity-analogy.png',
					png: await renderBarChart(analogyChart(result)),
					description: `Bar chart: the ${result.answers.length} best answers to ${result.b} − ${result.a} + ${result.c}.`,
				},
			];
	}
}

/** The /similarity tasks, spread into the task registry. */
export const similarityTasks = {
	'similarity.compute': similarityCompute,
	'similarity.render': similarityRender,
};
