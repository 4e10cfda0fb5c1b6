/**
 * For every FFN neuron of every layer, the validation tokens that activate it most (after GELU), with a little
 * context: assets/models/<name>/ffn-top.json. Run after training: `npx tsx scripts/ffn-top-activations.ts [name]`.
 *
 * The validation split (the last 5% of each corpus file) is cut into consecutive chunks of `contextLength`
 * tokens, each run once, so every validation token is scored once, with the context of its chunk.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_MODEL } from '../src/models/transformer/inference.js';
import { loadTinyGpt } from '../src/models/transformer/load.js';
import { readCorpusSplits } from '../src/models/transformer/dataset.js';
import { repoRoot } from '../src/models/transformer/paths.js';

const TOP = 8;
const LEFT_CHARS = 24;
const RIGHT_CHARS = 10;

/** ffn-top.json: top[layer][neuron] = entries, strongest first. */
export interface FfnTopFile {
	model: string;
	format: string;
	layers: number;
	neurons: number;
	top: [number, string, string, string][][][];
}

async function main(): Promise<void> {
	const name = process.argv[2] ?? DEFAULT_MODEL;
	const model = await loadTinyGpt(name);
	const tok = model.tokenizer!;
	const { nLayers, dFF, contextLength } = model.config;
	const splits = await readCorpusSplits(path.join(repoRoot(), 'assets/corpus'));
	const docs = splits.map((s) => tok.encode(s.validation));

	// Per neuron, the TOP best (activation, doc, position) seen so far, kept sorted descending (TOP is small).
	const best = Array.from({ length: nLayers * dFF }, () => [] as [number, number, number][]);
	const started = performance.now();
	let chunks = 0;
	docs.forEach((ids, doc) => {
		for (let start = 0; start < ids.length; start += contextLength) {
			const chunk = ids.slice(start, start + contextLength);
			const acts = model.ffnActivations(chunk);
			for (let l = 0; l < nLayers; l++) {
				const a = acts[l]!;
				for (let t = 0; t < chunk.length; t++) {
					for (let n = 0; n < dFF; n++) {
						const v = a[t * dFF + n]!;
						const list = best[l * dFF + n]!;
						if (list.length === TOP && v <= list[TOP - 1]![0]) continue;
						let i = list.length;
						while (i > 0 && list[i - 1]![0] < v) i--;
						list.splice(i, 0, [v, doc, start + t]);
						if (list.length > TOP) list.pop();
					}
				}
			}
			if (++chunks % 50 === 0)
				process.stderr.write(`${chunks} chunks, ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
		}
	});

	const text = (doc: number, from: number, to: number): string => tok.decode(docs[doc]!.slice(Math.max(0, from), to));
	const top = Array.from({ length: nLayers }, (_, l) =>
		Array.from({ length: dFF }, (_, n) =>
			best[l * dFF + n]!.map(([v, doc, pos]): [number, string, string, string] => [
				Math.round(v * 1000) / 1000,
				text(doc, pos - 12, pos).slice(-LEFT_CHARS),
				text(doc, pos, pos + 1),
				text(doc, pos + 1, pos + 4).slice(0, RIGHT_CHARS),
			]),
		),
	);
	const out: FfnTopFile = {
		model: name,
		format: `top[layer][neuron] = up to ${TOP} entries, strongest first: [activation after GELU, text before (≤ ${LEFT_CHARS} chars), the token, text after (≤ ${RIGHT_CHARS} chars)]; over every validation token`,
		layers: nLayers,
		neurons: dFF,
		top,
	};
	const file = path.join(repoRoot(), 'assets/models', name, 'ffn-top.json');
	await writeFile(file, `${JSON.stringify(out)}\n`);
	process.stderr.write(`wrote ${file} (${chunks} chunks in ${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
	process.exitCode = 1;
});
