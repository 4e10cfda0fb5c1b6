import { renderBarChart, renderHeatmap } from '../../charts/index.js';
import { repeatChart, unitsHeatmap } from './charts.js';
import { ffnData, type FfnData } from './data.js';
import { loadTopExamples } from './top-examples.js';
import { plainWeights } from './weights.js';
import { tokenizeForModel } from '../residual/model-text.js';
import { loadTinyGpt } from '../../models/transformer/index.js';
import type { DemoFile } from '../demo-file.js';
import { t } from '../../i18n/index.js';

export interface FfnInput {
	text: string;
	/** 0-based (the command converts from the members' 1-based numbers). */
	layer: number;
}

export type FfnOutput =
	{ kind: 'too-long'; tokens: number; contextLength: number } | { kind: 'ok'; data: FfnData; files: DemoFile[] };

/**
 * /ffn in a worker: tokenizes with our model's BPE, runs one traced forward pass, recomputes each position's FFN
 * alone from the weights, looks up what fires the units in ffn-top.json, and draws the charts.
 */
export async function ffnRun(input: FfnInput): Promise<FfnOutput> {
	const [model, weights, examples] = await Promise.all([loadTinyGpt(), plainWeights(), loadTopExamples()]);
	const tokenized = tokenizeForModel(model.tokenizer!, input.text, model.config.contextLength);
	if (tokenized.kind === 'too-long') return { ...tokenized, contextLength: model.config.contextLength };
	const { trace } = model.trace(
		tokenized.tokens.map((t) => t.id),
		{ lensTopK: 1 },
	);
	const l = input.layer;
	const data = ffnData(
		tokenized.tokens,
		l,
		{
			residualPre: trace.residualPre[l]!,
			attnOut: trace.attnOut[l]!,
			ffnHidden: trace.ffnHidden[l]!,
			ffnOut: trace.ffnOut[l]!,
		},
		weights,
		examples,
	);
	const files: DemoFile[] = [
		{
			name: 'ffn-units.png',
			png: await renderHeatmap(unitsHeatmap(data)),
			description: t('ffn.chart.unitsDescription', { layer: l + 1, count: data.tokens.length }),
		},
	];
	const bars = repeatChart(data);
	if (bars)
		files.push({
			name: 'ffn-repeat.png',
			png: await renderBarChart(bars),
			description: t('ffn.chart.repeatDescription'),
		});
	return { kind: 'ok', data, files };
}

/** The /ffn task, spread into the task registry. */
export const ffnTasks = {
	'ffn.run': ffnRun,
};
