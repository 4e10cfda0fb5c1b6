// The worker's entry when the bot runs from TypeScript (tsx, vitest); the compiled bot loads worker.js directly.
// `--import tsx` does not give a worker thread tsx's ESM hooks on Node 20, only its CommonJS ones, and then
// piscina's require() loads the task graph as CommonJS, where a relative dynamic import such as
// `import('../transformer/backend.js')` (the lazy TensorFlow.js import) cannot find its `.ts` file. Registering
// the ESM hooks here and importing worker.ts keeps the whole graph ESM, as in production. (A top-level await makes
// piscina's require() of this file fail, so it falls back to import().)
import { register } from 'tsx/esm/api';

register();
const { default: runTask } = await import('./worker.ts');
export default runTask;
