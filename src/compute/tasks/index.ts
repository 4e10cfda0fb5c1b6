import { modelTasks } from './models.js';
import { quizChartTasks } from './quiz-charts.js';
import { sampleBeamTasks } from '../../demos/sample/beam-task.js';
import { quizModelTasks } from './quiz-models.js';
import { systemTasks } from './system.js';
import { attentionTasks } from '../../demos/attention/task.js';
import { ffnTasks } from '../../demos/ffn/task.js';
import { positionsTasks } from '../../demos/positions/task.js';
import { residualTasks } from '../../demos/residual/task.js';
import { sampleTasks } from '../../demos/sample/task.js';
import { similarityTasks } from '../../demos/similarity/task.js';
import { tokenizeTasks } from '../../demos/tokenize/task.js';
import { tokenizeFamilyTasks } from '../../demos/tokenize/families.js';
import { tokenizeChatTasks } from '../../demos/tokenize/chat.js';
import { ngramTasks } from '../../demos/ngram/task.js';

/**
 * Every task that can run off the gateway's event loop, by name: the one registry. Each demo keeps its task beside its
 * logic (`src/demos/<demo>/task.ts`); other features keep theirs here. A task is a pure function (plain data in, plain
 * data or PNG bytes out), spread into this object.
 * Inputs and outputs cross a worker boundary (structured clone): no functions, no class instances; a Buffer
 * arrives as a Uint8Array.
 */
export const tasks = {
	...systemTasks,
	...modelTasks,
	...tokenizeTasks,
	...tokenizeFamilyTasks,
	...tokenizeChatTasks,
	...similarityTasks,
	...quizChartTasks,
	...quizModelTasks,
	...attentionTasks,
	...sampleTasks,
	...sampleBeamTasks,
	...positionsTasks,
	...ffnTasks,
	...residualTasks,
	...ngramTasks,
};

export type Tasks = typeof tasks;
export type TaskName = keyof Tasks;
export type TaskInput<K extends TaskName> = Parameters<Tasks[K]>[0];
export type TaskOutput<K extends TaskName> = Awaited<ReturnType<Tasks[K]>>;
