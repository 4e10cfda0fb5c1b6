import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
	ensureVectorFile,
	loadWordVectors,
	neighbors,
	readVectorIndex,
	SEARCH_VOCABULARY,
	unitVector,
	WordVectors,
	type Word,
} from '../src/models/embeddings/index.js';
import { median, timeRuns, type BenchRow, type BenchSuite } from './types.js';

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const QUERIES = 200;
const K = 10;

function percentile(values: readonly number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

/**
 * The reference: a plain brute-force loop over the same rows as Float32 unit vectors (one multiply-add per
 * component, no tricks), keeping the top k by insertion.
 */
function bruteForce(units: Float32Array, dims: number, query: Float32Array, exclude: number): number[] {
	const best: [number, number][] = [];
	for (let j = 0; j < units.length / dims; j++) {
		if (j === exclude) continue;
		let dot = 0;
		for (let d = 0; d < dims; d++) dot += query[d]! * units[j * dims + d]!;
		if (best.length < K || dot > best[best.length - 1]![1]) {
			best.push([j, dot]);
			best.sort((a, b) => b[1] - a[1]);
			if (best.length > K) best.pop();
		}
	}
	return best.map(([j]) => j);
}

/** Resident memory of a fresh Node process (with the module imported) before and after loading the vectors (MiB). */
async function rssInFreshProcess(): Promise<{ before: number; after: number; loadMs: number }> {
	const script = `
		const { loadWordVectors, neighbors } = await import(${JSON.stringify(path.join(root, 'src/models/embeddings/index.ts'))});
		const before = process.memoryUsage().rss;
		const start = performance.now();
		const v = await loadWordVectors();
		const loadMs = performance.now() - start;
		neighbors(v, v.find('frog'), 10);
		process.stdout.write(JSON.stringify({ before: before / 2 ** 20, after: process.memoryUsage().rss / 2 ** 20, loadMs }));`;
	const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
		cwd: root,
	});
	return JSON.parse(stdout) as { before: number; after: number; loadMs: number };
}

/**
 * Neighbour search over the SEARCH_VOCABULARY most frequent words: our path (int8 pass, exact rescoring) against a
 * plain Float32 brute-force loop over the same rows; load time of the binary; resident memory after loading.
 */
const suite: BenchSuite = {
	area: 'vectors',
	async run(): Promise<BenchRow[]> {
		const file = await ensureVectorFile();
		const loadMs = median(await timeRuns(() => new WordVectors(readVectorIndex(file)), 10, 2));
		const vectors = await loadWordVectors();
		const dims = vectors.dims;
		const units = new Float32Array(SEARCH_VOCABULARY * dims);
		for (let j = 0; j < SEARCH_VOCABULARY; j++) units.set(unitVector(vectors, j), j * dims);
		// Queries spread over the frequent words, the same for both.
		const queries: Word[] = Array.from({ length: QUERIES }, (_, q) => vectors.word((q * 4099 + 7) % SEARCH_VOCABULARY));
		for (const w of queries.slice(0, 20)) {
			const ours = neighbors(vectors, w, K).map((n) => n.word.index);
			const theirs = bruteForce(units, dims, Float32Array.from(unitVector(vectors, w.index)), w.index);
			if (ours.join() !== theirs.join()) throw new Error(`neighbours of ${w.text} differ from brute force`);
		}
		const oursMs: number[] = [];
		const refMs: number[] = [];
		for (const w of queries) {
			oursMs.push(...(await timeRuns(() => neighbors(vectors, w, K), 1, 0)));
			const query = Float32Array.from(unitVector(vectors, w.index));
			refMs.push(...(await timeRuns(() => bruteForce(units, dims, query, w.index), 1, 0)));
		}
		const fresh = await rssInFreshProcess();
		const reference = (value: number) => ({ name: 'plain Float32 brute-force loop', value, unit: 'ms' });
		return [
			{
				name: `neighbors(word, 10) over the ${SEARCH_VOCABULARY} most frequent words, median of ${QUERIES} queries`,
				value: median(oursMs),
				unit: 'ms',
				reference: reference(median(refMs)),
				ratio: median(refMs) / median(oursMs),
				note: 'speed-up, higher is better',
			},
			{
				name: `neighbors(word, 10), p95 of ${QUERIES} queries`,
				value: percentile(oursMs, 0.95),
				unit: 'ms',
				reference: reference(percentile(refMs, 0.95)),
				ratio: percentile(refMs, 0.95) / percentile(oursMs, 0.95),
				note: 'speed-up, higher is better',
			},
			{ name: 'load the binary index into shared memory (median of 10, warm page cache)', value: loadMs, unit: 'ms' },
			{ name: 'loadWordVectors() in a fresh process (first call)', value: fresh.loadMs, unit: 'ms' },
			{
				name: 'RSS of a fresh process after loading and one query',
				value: fresh.after,
				unit: 'MiB',
				reference: { name: 'same process, module imported, before loading', value: fresh.before, unit: 'MiB' },
			},
		];
	},
};

export default suite;
