import type { ModelConfig } from './config.js';
import type { OptimizerConfig } from './train.js';

/** Everything that defines a training run; with the corpus, it determines the weights bit for bit. */
export interface TrainingConfig {
	seed: number;
	model: ModelConfig;
	steps: number;
	batchSize: number;
	peakLearningRate: number;
	/** Linear warm-up steps, then cosine decay to `finalLearningRate` at `steps`. */
	warmupSteps: number;
	finalLearningRate: number;
	optimizer: OptimizerConfig;
	logEvery: number;
	evalEvery: number;
	/** Validation windows used for the periodic (not the final) validation loss. */
	evalWindows: number;
}

/**
 * The shipped model's run. Sized by measuring training steps on this machine's wasm backend (see the model
 * card): d_model 128 with 4 layers trains at about 1,000 tokens/s on an idle core (2.1 s per step of 16×128
 * tokens), but the shared machine gave the run only part of a core, so 1,200 steps (about 2 passes over the 1.2M
 * training tokens) was the most that fit in about an hour and a half.
 */
export const TRAINING: TrainingConfig = {
	seed: 20240607,
	model: { vocabSize: 4096, contextLength: 128, dModel: 128, nLayers: 4, nHeads: 4, dFF: 512 },
	steps: 2000,
	batchSize: 16,
	peakLearningRate: 3e-3,
	warmupSteps: 100,
	finalLearningRate: 1e-4,
	optimizer: { beta1: 0.9, beta2: 0.99, eps: 1e-8, weightDecay: 0.1, clipNorm: 1 },
	logEvery: 10,
	evalEvery: 100,
	evalWindows: 32,
};

/** Learning rate for the update that follows `step` completed steps: linear warm-up, then cosine decay. */
export function learningRate(
	step: number,
	cfg: Pick<TrainingConfig, 'steps' | 'peakLearningRate' | 'warmupSteps' | 'finalLearningRate'>,
): number {
	if (step < cfg.warmupSteps) return (cfg.peakLearningRate * (step + 1)) / cfg.warmupSteps;
	const progress = Math.min(1, (step - cfg.warmupSteps) / Math.max(1, cfg.steps - cfg.warmupSteps));
	return (
		cfg.finalLearningRate + 0.5 * (cfg.peakLearningRate - cfg.finalLearningRate) * (1 + Math.cos(Math.PI * progress))
	);
}
