/**
 * Measures training-step time of the transformer at a few sizes on the selected backend, with synthetic tokens
 * (the cost does not depend on the data). Used to choose the shipped model's size.
 *
 *   npx tsx scripts/model-measure-steps.ts                       # the default sizes
 *   npx tsx scripts/model-measure-steps.ts 4096,128,4,128,16     # vocab,dModel,layers,context,batch
 *
 * Reports wall time and process CPU time per step (median of 5 after one warm-up step); on a shared machine
 * the CPU figure is the one that says what an idle core would do.
 */
import { initBackend, loadGradients } from '../src/models/transformer/backend.js';
import { parameterCount, type ModelConfig } from '../src/models/transformer/config.js';
import { initWeights } from '../src/models/transformer/init.js';
import { TRAINING } from '../src/models/transformer/schedule.js';
import { createTrainState, trainStep } from '../src/models/transformer/train.js';
import { median } from '../bench/types.js';

const DEFAULT_SIZES = ['4096,128,4,128,16', '4096,192,4,128,16', '4096,256,4,128,16', '4096,128,4,64,32'];

async function main(): Promise<void> {
	const backend = await initBackend();
	await loadGradients();
	process.stdout.write(
		`backend ${backend}\n| vocab | d | layers | context | batch | params | wall ms/step | CPU ms/step | tokens/s (CPU) |\n|---|---|---|---|---|---|---|---|---|\n`,
	);
	for (const spec of process.argv.length > 2 ? process.argv.slice(2) : DEFAULT_SIZES) {
		const [vocab, d, layers, t, batch] = spec.split(',').map(Number) as [number, number, number, number, number];
		const config: ModelConfig = {
			vocabSize: vocab,
			contextLength: t,
			dModel: d,
			nLayers: layers,
			nHeads: 4,
			dFF: 4 * d,
		};
		const state = createTrainState(initWeights(config, 1));
		const ids = new Int32Array(batch * (t + 1)).map((_, i) => (i * 7919) % vocab);
		const wall: number[] = [];
		const cpu: number[] = [];
		for (let s = 0; s < 6; s++) {
			const w0 = performance.now();
			const c0 = process.cpuUsage();
			trainStep(state, config, { ids, batch, length: t }, 1e-3, TRAINING.optimizer);
			const c = process.cpuUsage(c0);
			if (s === 0) continue;
			wall.push(performance.now() - w0);
			cpu.push((c.user + c.system) / 1000);
		}
		for (const v of [...state.params.values(), ...state.m.values(), ...state.v.values()]) v.dispose();
		const cpuMs = median(cpu);
		process.stdout.write(
			`| ${vocab} | ${d} | ${layers} | ${t} | ${batch} | ${parameterCount(config)} | ${median(wall).toFixed(0)} | ${cpuMs.toFixed(0)} | ${((batch * t * 1000) / cpuMs).toFixed(0)} |\n`,
		);
	}
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
	process.exitCode = 1;
});
