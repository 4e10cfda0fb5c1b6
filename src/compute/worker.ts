import { workerData } from 'node:worker_threads';
import { DEFAULT_LANGUAGE, withLanguage, type Language } from '../i18n/index.js';
import type { TaskName } from './tasks/index.js';

type Registry = Record<string, ((input: unknown) => unknown) | undefined>;

/**
 * The registry this thread serves: every task, or only the tokenizer owner's (`workerData.registry`). Imported as
 * the thread starts (not awaited at the top level, which piscina's require() of this file cannot take).
 */
const registry: Promise<Registry> = (
	(workerData as { registry?: string } | undefined)?.registry === 'tokenizers'
		? import('./tasks/tokenizers.js')
		: import('./tasks/index.js')
).then((module) => module.tasks as unknown as Registry);

/** The worker thread's entry: piscina calls this with one task. */
export default async function runTask({
	name,
	input,
	language,
}: {
	name: TaskName;
	input: unknown;
	/** The language of the interaction that asked, for any text the task draws (see i18n/language.ts). */
	language?: Language;
}): Promise<unknown> {
	const task = (await registry)[name];
	if (!task) throw new Error(`unknown compute task: ${String(name)}`);
	return withLanguage(language ?? DEFAULT_LANGUAGE, async () => task(input));
}
