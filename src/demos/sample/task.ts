import { renderBarChart, sceneToPng, type BarChartInput } from '../../charts/index.js';
import { drawsChart, nextTokenChart, type CutLine } from './charts.js';
import { layoutNextToken } from './cut-lines.js';
import type { SampleSettings } from './input.js';
import { sampleLocal } from './local.js';
import type { SampleResult } from './result.js';
import { loadTinyGpt } from '../../models/transformer/index.js';
import { t } from '../../i18n/index.js';

/** A chart of the reply, with the exact input it was drawn from (tests compare that with an independent computation). */
export interface SampleChart {
	name: string;
	png: Uint8Array;
	description: string;
	input: BarChartInput;
	lines: CutLine[];
}

export interface SampleTaskOutput {
	result: SampleResult;
	charts: SampleChart[];
}

/** Draws /sample's charts for a result: the next-token chart, and with `samples` > 1 the histogram. */
export async function sampleRender(result: SampleResult): Promise<SampleChart[]> {
	const next = nextTokenChart(result);
	const sampled = result.next.rows[result.next.sampledRow]!;
	const charts: SampleChart[] = [
		{
			name: 'sample-next.png',
			png: await sceneToPng(layoutNextToken(next)),
			description: t('sample.chart.nextDescription', { count: result.next.rows.length, token: sampled.label }),
			...next,
		},
	];
	if (result.draws) {
		const input = drawsChart(result);
		charts.push({
			name: 'sample-draws.png',
			png: await renderBarChart(input),
			description: t('sample.chart.drawsDescription', { count: result.draws.samples }),
			input,
			lines: [],
		});
	}
	return charts;
}

/** /sample with our model, in a worker thread: loads it once per thread, generates, counts the draws, draws the charts. */
export async function sampleLocalTask(input: { prompt: string; settings: SampleSettings }): Promise<SampleTaskOutput> {
	const model = await loadTinyGpt();
	const result = sampleLocal(model, input.prompt, input.settings);
	return { result, charts: await sampleRender(result) };
}

/** The /sample tasks, spread into the task registry. */
export const sampleTasks = {
	'sample.local': sampleLocalTask,
	'sample.render': sampleRender,
};
