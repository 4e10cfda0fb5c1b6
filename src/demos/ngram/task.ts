import { sceneToPng } from '../../charts/index.js';
import { loadTinyGpt } from '../../models/transformer/index.js';
import { heldOutFigures, ngramCorpus } from './counts.js';
import { layoutNgramChart } from './chart.js';
import { ngramView, type NgramView } from './view.js';

export interface NgramTaskOutput {
	view: NgramView;
	png: Uint8Array;
	description: string;
}

/** /ngram in a worker: the training stream tokenized once per thread, one scan per context, one forward pass. */
export async function ngramNextTask(input: { prompt: string }): Promise<NgramTaskOutput> {
	const model = await loadTinyGpt();
	const [corpus, heldOut] = await Promise.all([ngramCorpus(model), heldOutFigures(model.name)]);
	const view = ngramView(model, corpus, heldOut, input.prompt);
	const scene = layoutNgramChart(view);
	return { view, png: await sceneToPng(scene), description: scene.description };
}

/** The /ngram task, spread into the task registry. */
export const ngramTasks = {
	'ngram.next': ngramNextTask,
};
