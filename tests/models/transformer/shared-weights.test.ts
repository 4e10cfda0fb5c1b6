import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	adoptModelWeights,
	DEFAULT_MODEL,
	modelDir,
	modelWeightsBytes,
	shareModelWeights,
} from '../../../src/models/transformer/shared-weights.js';
import { deserializeWeights, type ModelManifest } from '../../../src/models/transformer/weights-io.js';

const manifest = async (): Promise<ModelManifest> =>
	JSON.parse(await readFile(path.join(modelDir(DEFAULT_MODEL), 'model.json'), 'utf8')) as ModelManifest;

describe('tiny-gpt weights in shared memory', () => {
	it('GIVEN the weights read into shared memory THEN every tensor is a view of that one copy, equal to the file', async () => {
		const shared = await shareModelWeights();
		const fromShared = deserializeWeights(await manifest(), new Uint8Array(shared.bytes));
		const fromFile = deserializeWeights(
			await manifest(),
			await readFile(path.join(modelDir(DEFAULT_MODEL), 'weights.bin')),
		);
		for (const [name, tensor] of fromShared) {
			expect(tensor.data.buffer, name).toBe(shared.bytes);
			expect(tensor.data, name).toEqual(fromFile.get(name)!.data);
		}
	});

	it('GIVEN a thread that adopted the shared copy THEN its model reads it, not the file', async () => {
		const shared = await shareModelWeights();
		adoptModelWeights(shared);
		const bytes = await modelWeightsBytes(DEFAULT_MODEL, modelDir(DEFAULT_MODEL));
		expect(bytes.buffer).toBe(shared.bytes);
		// Another folder (a test model, a checkpoint) is still read from its own files.
		await expect(modelWeightsBytes(DEFAULT_MODEL, '/nonexistent/model')).rejects.toThrow();
	});

	it('GIVEN weights from disk THEN they are copied into an aligned buffer of their own (not views of the file Buffer)', async () => {
		const file = await readFile(path.join(modelDir(DEFAULT_MODEL), 'weights.bin'));
		const weights = deserializeWeights(await manifest(), file);
		expect(weights.get('wte')!.data.buffer).not.toBe(file.buffer);
	});
});
