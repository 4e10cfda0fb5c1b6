// The memory bench's subject, run by plain `node` (no tsx) as its own process: the built bot's worker pool
// (dist/, as `npm start` runs it) loading one component at a time in every thread, its RSS printed after each.
// Prints one JSON line per stage: { stage, rssMiB, peakMiB } (VmRSS, VmHWM: all threads of this process).
// Usage: node bench/memory/probe.mjs <checkout root> <threads>
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [root = process.cwd(), threadArg] = process.argv.slice(2);
const dist = (file) => pathToFileURL(path.join(root, 'dist/src', file)).href;

function memory() {
	const status = readFileSync('/proc/self/status', 'utf8');
	const kib = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
	return { rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024 };
}

/** Lets V8 and the allocator settle before a reading (a collection in this thread; workers collect on their own). */
async function settle() {
	globalThis.gc?.();
	await new Promise((r) => setTimeout(r, 300));
}

async function report(stage) {
	await settle();
	process.stdout.write(`${JSON.stringify({ stage, ...memory() })}\n`);
}

const { createWorkerPool } = await import(dist('compute/pool.js'));
const { loadWordVectors } = await import(dist('models/embeddings/index.js'));
const { shareModelWeights } = await import(dist('models/transformer/shared-weights.js'));
const threads = Number(threadArg ?? 2);
await report('reference');

const pool = createWorkerPool({ threads });
/** Runs `models.warmup` once in every thread (the tasks meet at a barrier, so each thread takes one). */
async function everyThread(input) {
	const barrier = { counter: new SharedArrayBuffer(4), threads };
	const runs = await Promise.all(
		Array.from({ length: threads }, () => pool.run('models.warmup', { ...input, barrier })),
	);
	const seen = new Set(runs.map((r) => r.threadId));
	if (seen.size !== threads) throw new Error(`warm-up reached ${seen.size} of ${threads} threads`);
	for (const r of runs.flatMap((run) => run.results)) if (!r.ok) throw new Error(`${r.name}: ${r.error}`);
}
try {
	await everyThread({ parts: [] });
	await report('pool');
	// As the bot warms up: one thread builds the OpenAI tokenizers' tables in shared memory, every thread adopts them.
	const { encodings } = await pool.run('models.warmup', { parts: ['tokenizers'] });
	await everyThread({ parts: ['tokenizers'], encodings });
	await report('tokenizers');
	// As the bot does: tiny-gpt's weights read once into shared memory here, every thread's decoder reading them in place.
	await everyThread({ parts: ['transformer'], modelWeights: await shareModelWeights() });
	await report('transformer');
	const vectors = await loadWordVectors();
	await everyThread({ parts: ['vectors'], vectors: vectors.share() });
	await report('vectors');
	// A chart in every thread: the canvas, its fonts and the chart code, as the first demo of each kind loads them.
	const chart = { title: 'warm', categories: ['a', 'b'], series: [{ name: 'n', values: [1, 2] }] };
	await Promise.all(Array.from({ length: threads * 4 }, () => pool.run('quiz.barChart', chart)));
	await report('charts');
	// Every family, as members asking for /tokenize encoding:all reach the bot: twice per thread, all at once (the
	// bot sends these to its tokenizer owner; without one, each pool thread would load its own copies).
	await Promise.all(Array.from({ length: threads * 2 }, () => pool.run('tokenize.families', { text: 'warm' })));
	await report('families');
} finally {
	await pool.close();
}
