import { tasks, type TaskName } from './tasks/index.js';

/** The worker thread's entry: piscina calls this with one task. */
export default async function runTask({ name, input }: { name: TaskName; input: unknown }): Promise<unknown> {
	const task = tasks[name] as ((input: unknown) => unknown) | undefined;
	if (!task) throw new Error(`unknown compute task: ${String(name)}`);
	return task(input);
}
