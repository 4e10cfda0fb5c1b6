import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getEncoding } from 'js-tiktoken';
import { get_encoding } from 'tiktoken';

import { loadEncoding, type OpenAiEncodingName } from '../src/models/tokenizers/index.js';
import { median, timeRuns, type BenchRow, type BenchSuite } from './types.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ENCODINGS: readonly OpenAiEncodingName[] = ['r50k_base', 'cl100k_base', 'o200k_base'];

/**
 * Tokenization throughput of our encoder (the production path) against the `tiktoken` package (Rust compiled to
 * WASM) in the same run, on 1 MB of English prose (War and Peace) and on Korean (the test fixture, written for
 * the tests, repeated to 300 KB; neither encoder caches, so repetition helps neither). MB are of UTF-8 input.
 * `js-tiktoken` (pure JavaScript, the other candidate for the production path) is measured too; it is not exact
 * (see tests/models/tokenizers/pattern.test.ts), so it is shown for the decision only.
 */
const suite: BenchSuite = {
	area: 'tokenize',
	async run(): Promise<BenchRow[]> {
		const english = (await readFile(path.join(root, 'assets', 'corpus', 'warpeace_clean.txt'), 'utf8')).slice(
			0,
			1_000_000,
		);
		const koreanText = await readFile(path.join(root, 'tests/models/tokenizers/fixtures/korean.txt'), 'utf8');
		const korean = koreanText.repeat(Math.ceil(300_000 / Buffer.byteLength(koreanText)));
		const rows: BenchRow[] = [];
		for (const name of ENCODINGS) {
			const loadStart = performance.now();
			const ours = await loadEncoding(name);
			const loadMs = performance.now() - loadStart;
			const reference = get_encoding(name);
			const jsTiktoken = getEncoding(name);
			rows.push({ name: `${name}: build our encoder (import ranks + tables)`, value: loadMs, unit: 'ms' });
			for (const [label, text] of [
				['English prose', english],
				['Korean', korean],
			] as const) {
				const megabytes = Buffer.byteLength(text) / 1e6;
				const tokens = ours.encode(text).length;
				if (tokens !== reference.encode_ordinary(text).length) throw new Error(`${name}: token counts differ`);
				const oursMs = median(await timeRuns(() => ours.encode(text), 7, 2));
				const theirsMs = median(await timeRuns(() => reference.encode_ordinary(text), 7, 2));
				const oursRate = megabytes / (oursMs / 1000);
				const theirsRate = megabytes / (theirsMs / 1000);
				const jsMs = median(await timeRuns(() => jsTiktoken.encode(text), 3, 1));
				rows.push({
					name: `${name}: ${label}, js-tiktoken (median of 3)`,
					value: megabytes / (jsMs / 1000),
					unit: 'MB/s',
					reference: { name: 'tiktoken (WASM)', value: megabytes / (theirsMs / 1000), unit: 'MB/s' },
					ratio: theirsMs / jsMs,
					note: 'throughput ratio, higher is better',
				});
				rows.push({
					name: `${name}: ${label}, ${megabytes.toFixed(2)} MB → ${tokens} tokens (median of 7)`,
					value: oursRate,
					unit: 'MB/s',
					reference: { name: 'tiktoken (WASM)', value: theirsRate, unit: 'MB/s' },
					ratio: oursRate / theirsRate,
					note: 'throughput ratio, higher is better',
				});
			}
			reference.free();
		}
		return rows;
	},
};

export default suite;
