import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Compute } from '../../src/compute/compute.js';
import { createInlineCompute } from '../../src/compute/inline.js';
import { createWorkerPool } from '../../src/compute/pool.js';
import { parseRequest } from '../../src/demos/similarity/parse.js';
import { loadWordVectors, spearman, type SharedVectorData } from '../../src/models/embeddings/index.js';
import { readBenchmark } from '../models/embeddings/word-similarity.js';

/** The figures recorded in the README (six decimals). */
const BENCHMARKS = [
	['EN-WS-353-ALL.txt', 0.532735],
	['EN-SIMLEX-999.txt', 0.29755],
] as const;

/**
 * The cosine /similarity reports for two words, by the command's own path: the member's text parsed by
 * `parseRequest`, the shared vectors, and the `similarity.compute` task (only the chart is left out).
 */
async function commandCosine(
	compute: Compute,
	vectors: SharedVectorData,
	a: string,
	b: string,
): Promise<number | undefined> {
	const request = parseRequest(`${a} ${b}`, undefined, 'local');
	expect(request.mode).toBe('pair');
	const result = await compute.run('similarity.compute', { vectors, request });
	return result.kind === 'pair' ? result.cosine : undefined;
}

describe('/similarity fidelity on WordSim-353 and SimLex-999, through the compute task', () => {
	let vectors: SharedVectorData;
	// A queue long enough for a whole benchmark at once (the bot's default refuses more than 16 waiting tasks per thread).
	const pool = createWorkerPool({ threads: 2, maxQueue: 2000 });
	beforeAll(async () => {
		vectors = (await loadWordVectors()).share();
	}, 120_000);
	afterAll(() => pool.close());

	it.each(BENCHMARKS)(
		'GIVEN %s THEN Spearman of the reported cosines with the human scores is the recorded %s, in a worker too',
		async (file, recorded) => {
			const pairs = readBenchmark(file);
			const inline = createInlineCompute();
			const human: number[] = [];
			const model: number[] = [];
			const inWorker: number[] = [];
			for (const { a, b, score } of pairs) {
				const cos = await commandCosine(inline, vectors, a, b);
				if (cos === undefined) continue;
				human.push(score);
				model.push(cos);
			}
			// The same pairs through the worker pool (the bot's configuration), in parallel.
			const workerCosines = await Promise.all(pairs.map(({ a, b }) => commandCosine(pool, vectors, a, b)));
			for (const cos of workerCosines) if (cos !== undefined) inWorker.push(cos);
			const rho = spearman(human, model);
			process.stdout.write(
				`${file}: Spearman ${rho.toFixed(9)} over ${human.length}/${pairs.length} pairs through similarity.compute\n`,
			);
			expect(human.length).toBe(pairs.length);
			expect(inWorker).toEqual(model);
			expect(Math.abs(rho - recorded)).toBeLessThan(5e-7);
		},
		120_000,
	);
});
