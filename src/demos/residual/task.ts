import { renderHeatmap, sceneToPng } from '../../charts/index.js';
import { plainWeights } from '../ffn/weights.js';
import { lensScene, normsHeatmap } from './charts.js';
import { LENS_TOP, residualData, type ResidualData } from './data.js';
import { tokenizeForModel } from './model-text.js';
import { loadTinyGpt } from '../../models/transformer/index.js';
import type { DemoFile } from '../demo-file.js';
import { t } from '../../i18n/index.js';

export interface ResidualInput {
	text: string;
}

export type ResidualOutput =
	{ kind: 'too-long'; tokens: number; contextLength: number } | { kind: 'ok'; data: ResidualData; files: DemoFile[] };

/** /residual in a worker: one traced forward pass, the lens at every depth, and the two charts. */
export async function residualRun(input: ResidualInput): Promise<ResidualOutput> {
	const [model, weights] = await Promise.all([loadTinyGpt(), plainWeights()]);
	const tokenized = tokenizeForModel(model.tokenizer!, input.text, model.config.contextLength);
	if (tokenized.kind === 'too-long') return { ...tokenized, contextLength: model.config.contextLength };
	const { trace } = model.trace(
		tokenized.tokens.map((t) => t.id),
		{ lensTopK: LENS_TOP },
	);
	const data = residualData(tokenized.tokens, trace, weights);
	const [norms, lens] = await Promise.all([renderHeatmap(normsHeatmap(data)), sceneToPng(lensScene(data))]);
	return {
		kind: 'ok',
		data,
		files: [
			{
				name: 'residual-norms.png',
				png: norms,
				description: t('residual.chart.normsDescription', { count: data.tokens.length, layers: data.layers }),
			},
			{
				name: 'residual-lens.png',
				png: lens,
				description: t('residual.chart.lensDescription', { layers: data.layers }),
			},
		],
	};
}

/** The /residual task, spread into the task registry. */
export const residualTasks = {
	'residual.run': residualRun,
};
