import { DEFAULT_LANGUAGE, withLanguage, type Language } from '../i18n/index.js';
import { tasks, type TaskName } from './tasks/index.js';

/** The worker thread's entry: piscina calls this with one task. */
export default async function runTask({
	name,
	input,
	language,
}: {
	name: TaskName;
	input: unknown;
	language?: Language;
}): Promise<unknown> {
	const task = tasks[name] as ((input: unknown) => unknown) | undefined;
	if (!task) throw new Error(`unknown compute task: ${String(name)}`);
	return withLanguage(language ?? DEFAULT_LANGUAGE, async () => task(input));
}
