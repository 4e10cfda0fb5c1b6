import { createRequire } from 'node:module';
import path from 'node:path';
import type * as Core from '@tensorflow/tfjs-core';

const require = createRequire(import.meta.url);

/**
 * TensorFlow.js's core (tensors, ops, autodiff). Only the core: the full `@tensorflow/tfjs` adds layers, converter,
 * data and the webgl and cpu backends, none of which this code uses, at ~20 MiB of resident memory in every worker
 * thread. And loaded with require(), not import: Node's ESM loader parses a CommonJS file for its export names
 * before running it, which for this 1.2 MB bundle keeps ~8 MiB more resident in every thread than require() does.
 */
export const tf: typeof Core = require('@tensorflow/tfjs-core') as typeof Core;

/** The types the models name as `tf.Tensor` etc. (a namespace of types only, so it merges with the value above). */
/* eslint-disable @typescript-eslint/no-namespace -- so that a require()d value keeps its `tf.X` types */
export declare namespace tf {
	export type Rank = Core.Rank;
	export namespace Rank {
		export type R2 = Core.Rank.R2;
	}
	export type Tensor<R extends Rank = Rank> = Core.Tensor<R>;
	export type Scalar = Core.Scalar;
	export type Tensor1D = Core.Tensor1D;
	export type Tensor2D = Core.Tensor2D;
	export type Tensor3D = Core.Tensor3D;
	export type Tensor4D = Core.Tensor4D;
	export type Variable<R extends Rank = Rank> = Core.Variable<R>;
}
/* eslint-enable @typescript-eslint/no-namespace */

export type Tf = typeof tf;

let ready: Promise<string> | undefined;

/**
 * Picks TensorFlow.js's fastest backend that loads here, once per thread (a worker gets its own module instance,
 * so it initialises its own). Tries `@tensorflow/tfjs-node` (an optional dependency whose install needs a download
 * and so is normally absent), then the WebAssembly backend with SIMD, whose `.wasm` files ship inside the npm
 * package and are located on disk rather than fetched. Resolves to the backend's name.
 *
 * @param prefer `'cpu'` forces the pure-JS backend (10–100× slower; only for debugging).
 */
export function initBackend(prefer?: 'cpu'): Promise<string> {
	ready ??= select(prefer);
	return ready;
}

/**
 * Registers the gradient of every built-in op, which training and gradient checks need (`tf.variableGrads`,
 * `tf.grads`) and inference does not. The core package leaves them out; the full `@tensorflow/tfjs` registers them
 * as it loads (it shares this core, so it changes no backend), and only a process that trains pays its memory.
 */
export async function loadGradients(): Promise<void> {
	// A variable specifier keeps the full package's types out of the program: they would declare the chained ops
	// (`x.add(y)`) that this core does not register, and tsc would no longer catch such a call.
	const full = '@tensorflow/tfjs';
	await import(full);
}

async function select(prefer?: 'cpu'): Promise<string> {
	if (prefer === 'cpu') {
		// Imported only here: registering it costs every thread memory, and nothing but debugging asks for it.
		await import('@tensorflow/tfjs-backend-cpu');
		await tf.setBackend('cpu');
		return tf.getBackend();
	}
	try {
		// A variable specifier keeps bundlers and tsc from requiring the optional package to exist.
		const nodeBackend = '@tensorflow/tfjs-node';
		await import(nodeBackend);
		if (await tf.setBackend('tensorflow')) return tf.getBackend();
	} catch {
		// Not installed (the normal case): fall through to wasm.
	}
	// require() for the same reason as the core's (a 450 kB CommonJS bundle).
	const wasm = require('@tensorflow/tfjs-backend-wasm') as typeof import('@tensorflow/tfjs-backend-wasm');
	const dist = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
	wasm.setWasmPaths(`${dist}${path.sep}`);
	if (!(await tf.setBackend('wasm'))) throw new Error('TensorFlow.js wasm backend failed to initialise');
	await tf.ready();
	return tf.getBackend();
}
