/**
 * Trains our tokenizer and transformer from scratch, reproducibly, and writes them to assets/models/<name>/.
 *
 *   npm run train                      # resumes from checkpoints/<name>/ if a checkpoint is there
 *   npm run train -- --fresh           # ignores existing checkpoints
 *   npm run train -- --steps 50 --name smoke
 *   npm run train -- --export-only     # evaluate and export the latest checkpoint as it is (no more steps)
 *
 * Progress (step, loss, tokens/s, ETA) goes to stderr. See assets/models/<name>/README.md for what came out.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { countPretokens } from '../src/models/bpe-train/pretokenize.js';
import { trainBpe } from '../src/models/bpe-train/train.js';
import { createRng } from '../src/models/sampling/prng.js';
import { initBackend, loadGradients, tf } from '../src/models/transformer/backend.js';
import {
	bigramBaseline,
	documentTargets,
	trigramBaseline,
	unigramBaseline,
} from '../src/models/transformer/baselines.js';
import { loadCheckpoint, saveCheckpoint } from '../src/models/transformer/checkpoint.js';
import { parameterCount, type ModelConfig } from '../src/models/transformer/config.js';
import { readCorpusSplits, tokenizeSplits } from '../src/models/transformer/dataset.js';
import { bitsPerByte, evaluate, validationWindows, windowTargets } from '../src/models/transformer/evaluate.js';
import { initWeights } from '../src/models/transformer/init.js';
import { learningRate, TRAINING, type TrainingConfig } from '../src/models/transformer/schedule.js';
import { tokenizerFiles, tokenizerFromTokens } from '../src/models/transformer/tokenizer.js';
import { createTrainState, readWeights, trainStep } from '../src/models/transformer/train.js';
import { serializeWeights } from '../src/models/transformer/weights-io.js';
import { writeModelCard, type TrainingHistory, type TrainingMetrics } from './model-card.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface RunState {
	rngState: number;
	history: TrainingHistory;
	/** Wall-clock seconds spent training before this process started (summed over resumed runs). */
	elapsedSeconds: number;
}

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			'name': { type: 'string', default: 'tiny-gpt' },
			'steps': { type: 'string' },
			'fresh': { type: 'boolean', default: false },
			'export-only': { type: 'boolean', default: false },
		},
	});
	const name = values.name ?? 'tiny-gpt';
	const cfg: TrainingConfig = { ...TRAINING, steps: values.steps ? Number(values.steps) : TRAINING.steps };
	const backend = await initBackend();
	await loadGradients();
	const log = (line: string): void => void process.stderr.write(`${line}\n`);
	log(`backend: ${backend}`);

	// 1. Corpus and tokenizer (deterministic, about a second, so it is simply redone on resume).
	const splits = await readCorpusSplits(path.join(ROOT, 'assets/corpus'));
	const counts = new Map<string, number>();
	for (const s of splits) countPretokens(s.train, undefined, counts);
	const bpe = trainBpe(counts, { vocabSize: cfg.model.vocabSize - 1 });
	const encoding = tokenizerFromTokens(name, bpe.tokens);
	const data = tokenizeSplits(encoding, splits);
	const model: ModelConfig = cfg.model;
	log(
		`tokenizer: ${bpe.tokens.length} mergeable tokens + <|endoftext|>; train ${data.train.length} tokens, validation ${data.validation.reduce((n, v) => n + v.length, 0)} tokens`,
	);
	log(`model: ${JSON.stringify(model)}, ${parameterCount(model)} parameters`);

	// 2. Model state: resume or initialise.
	const ckptDir = path.join(ROOT, 'checkpoints', name);
	const ckpt = values.fresh ? undefined : await loadCheckpoint<RunState>(ckptDir);
	const state = ckpt
		? createTrainState(ckpt.params, { m: ckpt.m, v: ckpt.v, step: ckpt.step })
		: createTrainState(initWeights(model, cfg.seed));
	const run: RunState = ckpt?.state ?? {
		rngState: createRng(cfg.seed ^ 0x5eed).state(),
		history: { train: [], validation: [] },
		elapsedSeconds: 0,
	};
	if (ckpt) log(`resumed from step ${ckpt.step}`);
	const rng = createRng(run.rngState);

	const allValWindows = validationWindows(data.validation, model.contextLength);
	// A fixed, evenly spaced subset keeps periodic validation cheap; the final number uses every window.
	const stride = Math.max(1, Math.floor(allValWindows.length / cfg.evalWindows));
	const evalSubset = allValWindows.filter((_, i) => i % stride === 0).slice(0, cfg.evalWindows);

	// 3. Training loop.
	const t = model.contextLength;
	const started = performance.now();
	const startStep = state.step;
	let ema: number | undefined;
	while (state.step < cfg.steps && !values['export-only']) {
		const ids = new Int32Array(cfg.batchSize * (t + 1));
		for (let b = 0; b < cfg.batchSize; b++) {
			const start = Math.floor(rng.next() * (data.train.length - t - 1));
			ids.set(data.train.subarray(start, start + t + 1), b * (t + 1));
		}
		const lr = learningRate(state.step, cfg);
		const { loss, gradNorm } = trainStep(state, model, { ids, batch: cfg.batchSize, length: t }, lr, cfg.optimizer);
		run.history.train.push([state.step, loss]);
		ema = ema === undefined ? loss : 0.95 * ema + 0.05 * loss;
		const seconds = (performance.now() - started) / 1000;
		const done = state.step - startStep;
		if (state.step % cfg.logEvery === 0 || state.step === cfg.steps) {
			const perStep = seconds / done;
			const tokPerSec = (done * cfg.batchSize * t) / seconds;
			log(
				`step ${state.step}/${cfg.steps} loss ${loss.toFixed(3)} (avg ${ema.toFixed(3)}) |g| ${gradNorm.toFixed(2)} lr ${lr.toExponential(2)} | ` +
					`${(perStep * 1000).toFixed(0)} ms/step ${tokPerSec.toFixed(0)} tok/s | ETA ${formatDuration(perStep * (cfg.steps - state.step))}`,
			);
		}
		if (state.step % cfg.evalEvery === 0 || state.step === cfg.steps) {
			const val = evaluate(state.params, model, evalSubset);
			run.history.validation.push([state.step, val.natsPerToken]);
			log(`  validation (subset of ${evalSubset.length} windows): ${val.natsPerToken.toFixed(3)} nats/token`);
			run.rngState = rng.state();
			const elapsed = run.elapsedSeconds + seconds;
			await saveCheckpoint(ckptDir, model, {
				step: state.step,
				params: readWeights(state.params),
				m: readWeights(state.m),
				v: readWeights(state.v),
				state: { ...run, elapsedSeconds: elapsed },
			});
		}
	}
	const trainSeconds = run.elapsedSeconds + (performance.now() - started) / 1000;

	// 4. Final evaluation on every validation window, and the n-gram baselines on exactly the same targets.
	log('final validation on every window…');
	const full = evaluate(state.params, model, allValWindows);
	const targets = windowTargets(allValWindows);
	const predictedBytes = targets.reduce((n, { target }) => n + encoding.tokenBytes(target).length, 0);
	const unigram = unigramBaseline(data.train, model.vocabSize, targets);
	const bigram = bigramBaseline(data.train, model.vocabSize, targets);
	const trigram = trigramBaseline(data.train, model.vocabSize, documentTargets(data.validation));
	const lastTrain = run.history.train.slice(-50);
	const metrics: TrainingMetrics = {
		name,
		backend,
		parameters: parameterCount(model),
		config: model,
		training: { ...cfg, stepsDone: state.step, trainTokens: data.train.length, wallSeconds: Math.round(trainSeconds) },
		finalTrainLoss: lastTrain.reduce((s, [, l]) => s + l, 0) / lastTrain.length,
		validation: {
			tokens: full.tokens,
			bytes: predictedBytes,
			model: { natsPerToken: full.natsPerToken, bitsPerByte: bitsPerByte(full.totalNats, predictedBytes) },
			unigram: { natsPerToken: unigram.natsPerToken, bitsPerByte: bitsPerByte(unigram.totalNats, predictedBytes) },
			bigram: { natsPerToken: bigram.natsPerToken, bitsPerByte: bitsPerByte(bigram.totalNats, predictedBytes) },
			trigram: { natsPerToken: trigram.natsPerToken, bitsPerByte: bitsPerByte(trigram.totalNats, predictedBytes) },
		},
	};
	log(JSON.stringify(metrics.validation));

	// 5. Export.
	const outDir = path.join(ROOT, 'assets/models', name);
	await mkdir(outDir, { recursive: true });
	const { manifest, bin } = serializeWeights(model, readWeights(state.params));
	await writeFile(path.join(outDir, 'weights.bin'), bin);
	await writeFile(path.join(outDir, 'model.json'), `${JSON.stringify(manifest, null, '\t')}\n`);
	const tok = tokenizerFiles(bpe.tokens);
	await writeFile(path.join(outDir, 'tokenizer.tiktoken'), tok.tiktoken);
	await writeFile(path.join(outDir, 'tokenizer.json'), `${JSON.stringify(tok.meta, null, '\t')}\n`);
	await writeFile(path.join(outDir, 'metrics.json'), `${JSON.stringify(metrics, null, '\t')}\n`);
	await writeFile(path.join(outDir, 'history.json'), `${JSON.stringify(run.history)}\n`);
	await writeModelCard(outDir, metrics, run.history);
	log(`wrote ${outDir} (${tf.memory().numTensors} tensors alive)`);
}

function formatDuration(seconds: number): string {
	const s = Math.max(0, Math.round(seconds));
	return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m${String(s % 60).padStart(2, '0')}s`;
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
	process.exitCode = 1;
});
