import { renderHeatmap, sceneToPng } from '../../charts/index.js';
import { attentionData, type AttentionData } from './data.js';
import { headChart } from './head-chart.js';
import { headsPanels, layoutHeads } from './heads-chart.js';
import type { AttentionView } from './input.js';
import { headName } from './labels.js';
import { layoutStepsPart, stepsPanels, STEPS_PARTS, type StepsPart } from './steps-chart.js';
import { stepsCsv } from './steps-csv.js';
import { loadTinyGpt } from '../../models/transformer/index.js';
import { t as tr } from '../../i18n/index.js';

export interface AttentionTaskInput {
	text: string;
	/** 0-based (the command converts from the members' 1-based numbers). */
	layer: number;
	head: number;
	view: AttentionView;
}

/** A matrix as a chart draws it: its panel title and the exact values given to the renderer. */
export interface ShownMatrix {
	title: string;
	values: number[][];
}

/** A file of the reply (a chart or the CSV), with alt text and, for charts, the matrices drawn. */
export interface AttentionFile {
	name: string;
	bytes: Uint8Array;
	description: string;
	shown: ShownMatrix[];
}

export type AttentionTaskOutput =
	{ kind: 'too-long'; tokens: number } | { kind: 'ok'; data: AttentionData; files: AttentionFile[] };

async function filesFor(data: AttentionData): Promise<AttentionFile[]> {
	const n = data.tokens.length;
	switch (data.view) {
		case 'head': {
			const chart = headChart(data);
			return [
				{
					name: 'attention-head.png',
					bytes: await renderHeatmap(chart),
					description: tr('attention.files.head', { head: headName(data), n }),
					shown: [{ title: chart.title, values: chart.values.map((r) => [...r]) }],
				},
			];
		}
		case 'heads': {
			const shown = headsPanels(data).map((p) => ({ title: p.title, values: p.values.map((r) => [...r]) }));
			return [
				{
					name: 'attention-heads.png',
					bytes: await sceneToPng(layoutHeads(data)),
					description: tr('attention.files.heads', { heads: data.nHeads, layer: data.layer + 1, n }),
					shown,
				},
			];
		}
		case 'steps': {
			const panels = stepsPanels(data);
			const t = data.steps!.scores.length;
			const charts = await Promise.all(
				STEPS_PARTS.map(async (part, i): Promise<AttentionFile> => {
					const shown = part.panels.map((p) => panels[p]!);
					return {
						name: part.file,
						bytes: await sceneToPng(layoutStepsPart(data, i as StepsPart)),
						description: tr('attention.files.steps', {
							head: headName(data),
							tokens: tr('attention.tokens', { count: t }),
							panels: shown.map((p) => p.title).join(' · '),
						}),
						shown: shown.map((p) => ({ title: p.title, values: p.values.map((r) => [...r]) })),
					};
				}),
			);
			return [
				...charts,
				{
					name: 'attention-steps.csv',
					bytes: Buffer.from(stepsCsv(data), 'utf8'),
					description: tr('attention.files.csv', { head: headName(data) }),
					shown: [],
				},
			];
		}
	}
}

/**
 * /attention's work, in a worker thread: loads our model (once per thread), runs it on the text and draws the view.
 * Returns the numbers with the files so the reply's text and the tests use exactly what was drawn.
 */
export async function attentionRun(input: AttentionTaskInput): Promise<AttentionTaskOutput> {
	const model = await loadTinyGpt();
	const outcome = attentionData(model, input.text, input);
	if (outcome.kind === 'too-long') return outcome;
	return { kind: 'ok', data: outcome.data, files: await filesFor(outcome.data) };
}

/** The /attention tasks, spread into the task registry. */
export const attentionTasks = {
	'attention.run': attentionRun,
};
