import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ModelConfig } from './config.js';
import type { Weights } from './init.js';
import { deserializeWeights, serializeWeights, type ModelManifest } from './weights-io.js';

/** Everything needed to resume training exactly where it stopped. */
export interface Checkpoint<S> {
	step: number;
	params: Weights;
	m: Weights;
	v: Weights;
	/** Caller's own state (data-sampling RNG state, loss history…), stored as JSON. */
	state: S;
}

type Part = 'params' | 'm' | 'v';
const PARTS: Part[] = ['params', 'm', 'v'];

/**
 * Writes a checkpoint into `dir/step-NNNNNN/`, then points `dir/latest.json` at it with an atomic rename, so a
 * run killed mid-write resumes from the previous complete checkpoint. The previous step directory is removed.
 */
export async function saveCheckpoint<S>(dir: string, config: ModelConfig, ckpt: Checkpoint<S>): Promise<void> {
	const name = `step-${String(ckpt.step).padStart(6, '0')}`;
	const stepDir = path.join(dir, name);
	await mkdir(stepDir, { recursive: true });
	const manifests = {} as Record<Part, ModelManifest>;
	for (const key of PARTS) {
		const { manifest, bin } = serializeWeights(config, ckpt[key]);
		manifests[key] = manifest;
		await writeFile(path.join(stepDir, `${key}.bin`), bin);
	}
	await writeFile(
		path.join(stepDir, 'checkpoint.json'),
		JSON.stringify({ step: ckpt.step, manifests, state: ckpt.state }),
	);
	const previous = await latestName(dir);
	await writeFile(path.join(dir, 'latest.json.tmp'), JSON.stringify({ dir: name }));
	await rename(path.join(dir, 'latest.json.tmp'), path.join(dir, 'latest.json'));
	if (previous && previous !== name) await rm(path.join(dir, previous), { recursive: true, force: true });
}

/** Reads the latest complete checkpoint in `dir`, or returns undefined if there is none. */
export async function loadCheckpoint<S>(dir: string): Promise<Checkpoint<S> | undefined> {
	const name = await latestName(dir);
	if (!name) return undefined;
	const stepDir = path.join(dir, name);
	const meta = JSON.parse(await readFile(path.join(stepDir, 'checkpoint.json'), 'utf8')) as {
		step: number;
		manifests: Record<Part, ModelManifest>;
		state: S;
	};
	const load = async (key: Part): Promise<Weights> =>
		deserializeWeights(meta.manifests[key], await readFile(path.join(stepDir, `${key}.bin`)));
	return { step: meta.step, params: await load('params'), m: await load('m'), v: await load('v'), state: meta.state };
}

async function latestName(dir: string): Promise<string | undefined> {
	try {
		return (JSON.parse(await readFile(path.join(dir, 'latest.json'), 'utf8')) as { dir: string }).dir;
	} catch {
		return undefined;
	}
}
