import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCheckpoint, saveCheckpoint } from '../../../src/models/transformer/checkpoint.js';
import { parameterCount, parameterShapes } from '../../../src/models/transformer/config.js';
import { initWeights } from '../../../src/models/transformer/init.js';
import { deserializeWeights, serializeWeights } from '../../../src/models/transformer/weights-io.js';
import { randomWeights, TINY } from './random-model.js';

describe('weights on disk', () => {
	it('GIVEN weights THEN serialize → deserialize gives them back bit for bit, even from an unaligned buffer', () => {
		const w = randomWeights(TINY, 1);
		const { manifest, bin } = serializeWeights(TINY, w);
		expect(bin.byteLength).toBe(parameterCount(TINY) * 4);
		const unaligned = new Uint8Array(bin.byteLength + 1).subarray(1);
		unaligned.set(bin);
		const back = deserializeWeights(JSON.parse(JSON.stringify(manifest)) as typeof manifest, unaligned);
		for (const [name] of parameterShapes(TINY)) expect(back.get(name)!.data).toEqual(w.get(name)!.data);
	});

	it('GIVEN a misshapen or truncated file THEN loading throws', () => {
		const { manifest, bin } = serializeWeights(TINY, randomWeights(TINY, 1));
		expect(() => deserializeWeights(manifest, bin.subarray(0, bin.byteLength - 4))).toThrow();
		const wrong = { ...manifest, config: { ...TINY, dFF: 50 } };
		expect(() => deserializeWeights(wrong, bin)).toThrow();
		expect(() => serializeWeights({ ...TINY, nHeads: 5 }, randomWeights(TINY, 1))).toThrow();
	});

	it('GIVEN the same seed THEN initWeights is identical; another seed differs', () => {
		const a = initWeights(TINY, 3).get('h0.attn.wq')!.data;
		expect(initWeights(TINY, 3).get('h0.attn.wq')!.data).toEqual(a);
		expect(initWeights(TINY, 4).get('h0.attn.wq')!.data).not.toEqual(a);
		const g = initWeights(TINY, 3).get('h1.ln2.g')!.data;
		expect(Array.from(g).every((x) => x === 1)).toBe(true);
	});

	it('GIVEN a saved checkpoint THEN it loads back, and a newer one replaces it', async () => {
		const dir = await mkdtemp(path.join(os.tmpdir(), 'ckpt-'));
		try {
			expect(await loadCheckpoint(dir)).toBeUndefined();
			const w = randomWeights(TINY, 2);
			await saveCheckpoint(dir, TINY, { step: 100, params: w, m: w, v: w, state: { rng: 7 } });
			await saveCheckpoint(dir, TINY, { step: 200, params: w, m: randomWeights(TINY, 3), v: w, state: { rng: 8 } });
			// A half-written later step (no pointer update) must not be picked up.
			await writeFile(path.join(dir, 'step-000300'), 'partial');
			const back = await loadCheckpoint<{ rng: number }>(dir);
			expect(back!.step).toBe(200);
			expect(back!.state).toEqual({ rng: 8 });
			expect(back!.m.get('wte')!.data).toEqual(randomWeights(TINY, 3).get('wte')!.data);
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	});
});
