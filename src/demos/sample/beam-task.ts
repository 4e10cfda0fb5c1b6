import { sceneToPng } from '../../charts/index.js';
import { loadTinyGpt } from '../../models/transformer/index.js';
import { beamLocal, type BeamView } from './beam.js';
import { layoutBeamTree } from './beam-chart.js';

export interface BeamTaskOutput {
	view: BeamView;
	png: Uint8Array;
	description: string;
}

/** /sample strategy:beam in a worker thread: up to 8 × 20 forward passes of tiny-gpt, then the tree chart. */
export async function sampleBeamTask(input: {
	prompt: string;
	width: number;
	length: number;
}): Promise<BeamTaskOutput> {
	const model = await loadTinyGpt();
	const view = beamLocal(model, input.prompt, input.width, input.length);
	const scene = layoutBeamTree(view);
	return { view, png: await sceneToPng(scene), description: scene.description };
}

/** The beam-search task, spread into the task registry. */
export const sampleBeamTasks = {
	'sample.beam': sampleBeamTask,
};
