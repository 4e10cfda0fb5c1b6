import { tf } from './backend.js';
import type { ModelConfig } from './config.js';
import type { Weights } from './init.js';
import { forward, type TokenBatch } from './model.js';
import { crossEntropy } from './ops.js';

/** AdamW hyper-parameters. */
export interface OptimizerConfig {
	beta1: number;
	beta2: number;
	eps: number;
	/** Decoupled weight decay, applied to matrices only (not to biases or LayerNorm parameters). */
	weightDecay: number;
	/** Gradients are scaled down when their global L2 norm exceeds this. */
	clipNorm: number;
}

/** Trainable parameters and AdamW moments, as tensors that live across steps. */
export interface TrainState {
	step: number;
	params: Map<string, tf.Variable>;
	m: Map<string, tf.Variable>;
	v: Map<string, tf.Variable>;
}

/** Wraps host weights (and, when resuming, host moments) in variables. */
export function createTrainState(weights: Weights, moments?: { m: Weights; v: Weights; step: number }): TrainState {
	const state: TrainState = { step: moments?.step ?? 0, params: new Map(), m: new Map(), v: new Map() };
	for (const [name, { shape, data }] of weights) {
		state.params.set(name, tf.variable(tf.tensor(data, shape), true, name));
		const m = moments?.m.get(name);
		const v = moments?.v.get(name);
		state.m.set(name, tf.variable(m ? tf.tensor(m.data, shape) : tf.zeros(shape), false));
		state.v.set(name, tf.variable(v ? tf.tensor(v.data, shape) : tf.zeros(shape), false));
	}
	return state;
}

/** Copies variables back to host memory (for checkpoints and the exported model). */
export function readWeights(vars: Map<string, tf.Variable>): Weights {
	const out: Weights = new Map();
	for (const [name, variable] of vars)
		out.set(name, { shape: [...variable.shape], data: variable.dataSync() as Float32Array });
	return out;
}

/** Training windows: `batch` rows of `length + 1` token ids, row-major. */
export interface Windows {
	ids: Int32Array;
	batch: number;
	/** Input length T; each row holds T + 1 ids. */
	length: number;
}

/** Splits windows [B, T+1] into inputs (positions 0..T−1) and next-token targets (1..T). */
export function splitWindows(w: Windows): { input: TokenBatch; targets: Int32Array } {
	const t = w.length;
	const ids = new Int32Array(w.batch * t);
	const targets = new Int32Array(w.batch * t);
	for (let b = 0; b < w.batch; b++) {
		ids.set(w.ids.subarray(b * (t + 1), b * (t + 1) + t), b * t);
		targets.set(w.ids.subarray(b * (t + 1) + 1, (b + 1) * (t + 1)), b * t);
	}
	return { input: { ids, batch: w.batch, length: t }, targets };
}

/** Mean next-token cross-entropy (nats/token) of a set of windows. */
export function batchLoss(params: ReadonlyMap<string, tf.Tensor>, config: ModelConfig, windows: Windows): tf.Scalar {
	const { input, targets } = splitWindows(windows);
	return crossEntropy(forward(params, config, input).logits, targets);
}

/**
 * One AdamW step on a batch [B, T+1] of int32 token ids at learning rate `lr`. Needs the ops' gradients: call
 * `loadGradients()` (backend.ts) once first.
 * @returns the batch's loss before the update (nats/token) and the gradient norm before clipping.
 */
export function trainStep(
	state: TrainState,
	config: ModelConfig,
	batch: Windows,
	lr: number,
	opt: OptimizerConfig,
): { loss: number; gradNorm: number } {
	state.step += 1;
	const step = state.step;
	const [lossValue, normValue] = tf.tidy(() => {
		const vars = [...state.params.values()];
		const { value, grads } = tf.variableGrads(() => batchLoss(state.params, config, batch), vars);
		const norm = tf.sqrt(tf.addN(Object.values(grads).map((g) => tf.sum(tf.square(g)))));
		const clip = tf.minimum(1, tf.div(opt.clipNorm, tf.add(norm, 1e-6)));
		const c1 = 1 / (1 - opt.beta1 ** step);
		const c2 = 1 / (1 - opt.beta2 ** step);
		for (const [name, p] of state.params) {
			const g = tf.mul(grads[p.name] as tf.Tensor, clip);
			const m = state.m.get(name)!;
			const v = state.v.get(name)!;
			m.assign(tf.add(tf.mul(m, opt.beta1), tf.mul(g, 1 - opt.beta1)));
			v.assign(tf.add(tf.mul(v, opt.beta2), tf.mul(tf.square(g), 1 - opt.beta2)));
			let update = tf.div(tf.mul(m, c1), tf.add(tf.sqrt(tf.mul(v, c2)), opt.eps));
			if (p.shape.length === 2 && opt.weightDecay > 0) update = tf.add(update, tf.mul(p, opt.weightDecay));
			p.assign(tf.sub(p, tf.mul(update, lr)));
		}
		return [value.dataSync()[0] as number, norm.dataSync()[0] as number];
	});
	return { loss: lossValue, gradNorm: normValue };
}

/** Mean loss over batches without gradients (for validation). */
export function evalLoss(params: ReadonlyMap<string, tf.Tensor>, config: ModelConfig, batch: Windows): number {
	return tf.tidy(() => batchLoss(params, config, batch).dataSync()[0] as number);
}
