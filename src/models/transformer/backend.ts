import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';

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

async function select(prefer?: 'cpu'): Promise<string> {
	if (prefer === 'cpu') {
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
	const wasm = await import('@tensorflow/tfjs-backend-wasm');
	const require = createRequire(import.meta.url);
	const dist = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
	wasm.setWasmPaths(`${dist}${path.sep}`);
	if (!(await tf.setBackend('wasm'))) throw new Error('TensorFlow.js wasm backend failed to initialise');
	await tf.ready();
	return tf.getBackend();
}

export { tf };
