import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_MODEL } from '../../models/transformer/index.js';
import { repoRoot } from '../../models/transformer/paths.js';

/** One validation-text token that made a unit fire: its activation, the text before it, the token, the text after. */
export interface TopExample {
	activation: number;
	before: string;
	token: string;
	after: string;
}

/** `ffn-top.json` (scripts/ffn-top-activations.ts): top[layer][unit] = up to 8 [activation, before, token, after]. */
interface FfnTopFile {
	model: string;
	layers: number;
	neurons: number;
	top: [number, string, string, string][][][];
}

/** Looks up a unit's strongest validation-text examples, strongest first. */
export type TopExamples = (layer: number, unit: number) => TopExample[];

const loaded = new Map<string, Promise<TopExamples>>();

/** Reads the model's `ffn-top.json` once per thread. */
export function loadTopExamples(name = DEFAULT_MODEL): Promise<TopExamples> {
	let examples = loaded.get(name);
	if (!examples) {
		examples = (async () => {
			const file = JSON.parse(
				await readFile(path.join(repoRoot(), 'assets/models', name, 'ffn-top.json'), 'utf8'),
			) as FfnTopFile;
			return (layer: number, unit: number) =>
				(file.top[layer]?.[unit] ?? []).map(([activation, before, token, after]) => ({
					activation,
					before,
					token,
					after,
				}));
		})();
		examples.catch(() => loaded.delete(name));
		loaded.set(name, examples);
	}
	return examples;
}
