import { modelTasks } from './models.js';
import { attentionTasks } from './attention.js';
import { ffnTasks } from './ffn.js';
import { positionsTasks } from './positions.js';
import { quizChartTasks } from './quiz-charts.js';
import { residualTasks } from './residual.js';
import { sampleTasks } from './sample.js';
import { sampleBeamTasks } from '../../demos/sample/beam-task.js';
import { quizModelTasks } from './quiz-models.js';
import { similarityTasks } from './similarity.js';
import { systemTasks } from './system.js';
import { tokenizeTasks } from './tokenize.js';
import { tokenizeFamilyTasks } from '../../demos/tokenize/families.js';

/**
 * Every task that can run off the gateway's event loop, by name. A feature adds its own module under
 * `src/compute/tasks/` (pure functions: plain data in, plain data or PNG bytes out) and spreads it here.
 * Inputs and outputs cross a worker boundary (structured clone): no functions, no class instances; a Buffer
 * arrives as a Uint8Array.
 */
export const tasks = {
	...systemTasks,
	...modelTasks,
	...tokenizeTasks,
	...tokenizeFamilyTasks,
	...similarityTasks,
	...quizChartTasks,
	...quizModelTasks,
	...attentionTasks,
	...sampleTasks,
	...sampleBeamTasks,
	...positionsTasks,
	...ffnTasks,
	...residualTasks,
};

export type Tasks = typeof tasks;
export type TaskName = keyof Tasks;
export type TaskInput<K extends TaskName> = Parameters<Tasks[K]>[0];
export type TaskOutput<K extends TaskName> = Awaited<ReturnType<Tasks[K]>>;
