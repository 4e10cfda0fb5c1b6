import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fromRoot } from '../src/paths.js';
import type { BenchRow, BenchSuite } from './types.js';

/** Worker threads, as the bot sizes its pool on this machine (one per core) unless MEMORY_THREADS says otherwise. */
const THREADS = Number(process.env.MEMORY_THREADS ?? Math.max(1, os.availableParallelism()));

/** The probe's stages, in order, and what each adds. */
const STAGES = {
	reference: 'Node with the pool module imported, no threads yet',
	pool: 'worker threads started, every task module imported',
	tokenizers: 'OpenAI tokenizers (r50k, cl100k, o200k): built in one thread, shared by every thread',
	transformer: 'tiny-gpt (weights, TensorFlow.js backend) in every thread',
	vectors: 'word vectors: the index in the main thread, a view and search kernel in every thread',
	charts: 'a chart drawn in every thread (canvas, fonts)',
	families: 'every /tokenize family (Llama 3, Gemma 3, Qwen 3, …), /tokenize encoding:all twice per thread at once',
} as const;
type Stage = keyof typeof STAGES;

interface Reading {
	stage: Stage;
	rssMiB: number;
	peakMiB: number;
}

/**
 * Resident memory of the built bot's worker pool (dist/, what `npm start` runs; built first if stale), loading one
 * component at a time in every thread: each row is what that component added to the process's RSS (VmRSS, all
 * threads), against the RSS just before it in the same process. The warm total is everything the bot loads at
 * start (through the charts); the tokenizer families load on a member's first /tokenize of them.
 */
const suite: BenchSuite = {
	area: 'memory',
	async run(): Promise<BenchRow[]> {
		const root = process.env.MEMORY_ROOT ?? fromRoot();
		const build = spawnSync(process.execPath, [path.join(root, 'scripts/build-if-stale.mjs')], {
			cwd: root,
			stdio: 'inherit',
		});
		if (build.status !== 0) throw new Error(`build failed (${build.status})`);
		const probe = spawnSync(
			process.execPath,
			['--expose-gc', fromRoot('bench/memory/probe.mjs'), root, String(THREADS)],
			{ cwd: root, encoding: 'utf8', maxBuffer: 1 << 20 },
		);
		if (probe.status !== 0) throw new Error(`memory probe failed (${probe.status}):\n${probe.stderr}`);
		const readings = new Map<Stage, Reading>();
		for (const line of probe.stdout.split('\n'))
			if (line.startsWith('{')) {
				const reading = JSON.parse(line) as Reading;
				readings.set(reading.stage, reading);
			}
		const at = (stage: Stage): Reading => {
			const reading = readings.get(stage);
			if (!reading) throw new Error(`the probe printed no ${stage} reading:\n${probe.stdout}${probe.stderr}`);
			return reading;
		};
		const stages = Object.keys(STAGES) as Stage[];
		const rows: BenchRow[] = stages.slice(1).map((stage, i) => {
			const before = at(stages[i]!);
			return {
				name: `memory (${THREADS} threads): + ${STAGES[stage]}`,
				value: at(stage).rssMiB - before.rssMiB,
				unit: 'MiB',
				reference: { name: `RSS before it (after ${stages[i]})`, value: before.rssMiB, unit: 'MiB' },
			};
		});
		const reference = at('reference');
		const total = (stage: Stage, what: string, field: 'rssMiB' | 'peakMiB' = 'rssMiB'): BenchRow => ({
			name: `memory (${THREADS} threads): ${what}`,
			value: at(stage)[field],
			unit: 'MiB',
			reference: { name: STAGES.reference, value: reference.rssMiB, unit: 'MiB' },
			ratio: at(stage)[field] / reference.rssMiB,
			note: 'RSS relative to the reference',
		});
		rows.push(total('charts', 'RSS with every model the bot loads at start, warm (goal ≤ 350 MiB with the bot)'));
		rows.push(total('families', 'RSS with every tokenizer family loaded too'));
		rows.push(total('families', 'peak RSS through the whole probe (VmHWM)', 'peakMiB'));
		return rows;
	},
};

export default suite;
