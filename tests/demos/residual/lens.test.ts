import { describe, expect, it } from 'vitest';
import { itemsWithRole } from '../../../src/charts/index.js';
import { plainWeights } from '../../../src/demos/ffn/weights.js';
import { LENS_MAX_COLUMNS, lensPositions, lensScene, normColumns } from '../../../src/demos/residual/charts.js';
import type { ResidualData } from '../../../src/demos/residual/data.js';
import { lensReading } from '../../../src/demos/residual/lens.js';
import { referenceForward, referenceHead } from '../../../src/models/transformer/index.js';
import { shippedWeights } from './weights.js';

describe('/residual: the logit lens', () => {
	it('GIVEN a stream vector THEN the probability and rank of a token are those of the float64 reference head', async () => {
		const { config, weights } = shippedWeights();
		const plain = await plainWeights();
		const tokens = [464, 1024, 290, 262];
		const ref = referenceForward(config, weights, tokens);
		const d = config.dModel;
		for (const [depth, x] of [...ref.residualPre, ref.residualFinal].entries()) {
			const row = x.subarray(3 * d, 4 * d);
			const logits = referenceHead(config, weights, Float64Array.from(row), 1);
			const max = Math.max(...logits);
			const sum = logits.reduce((s, v) => s + Math.exp(v - max), 0);
			for (const id of [0, 262, 4095]) {
				const got = lensReading(plain, row, id);
				expect(got.prob, `depth ${depth} id ${id}`).toBeCloseTo(Math.exp(logits[id]! - max) / sum, 12);
				expect(got.rank).toBe(1 + logits.filter((v) => v > logits[id]!).length);
			}
		}
	});

	it('GIVEN more positions than fit THEN the lens draws the last ones, one cell per depth and position, outlined where the top token is the next one', () => {
		expect(lensPositions(5)).toEqual([0, 1, 2, 3, 4]);
		expect(lensPositions(20)).toEqual(Array.from({ length: LENS_MAX_COLUMNS }, (_, i) => 20 - LENS_MAX_COLUMNS + i));
		expect(normColumns(4)).toEqual([
			'x₀ in',
			'attn 1',
			'FFN 1',
			'attn 2',
			'FFN 2',
			'attn 3',
			'FFN 3',
			'attn 4',
			'FFN 4',
			'x₄ out',
		]);
		const top = (id: number, prob: number) => [{ id, text: `t${id}`, logit: 0, prob }];
		const data = {
			tokens: [
				{ id: 1, text: 'a' },
				{ id: 2, text: 'b' },
				{ id: 3, text: 'c' },
			],
			layers: 1,
			lens: [
				[top(1, 0.5), top(2, 0.5), top(3, 0.5)],
				[top(2, 0.9), top(9, 0.1), top(4, 0.2)],
			],
		} as unknown as ResidualData;
		const scene = lensScene(data);
		expect(itemsWithRole(scene.items, 'lens-cell')).toHaveLength(6);
		// After "a" the text goes on with "b": the output row predicts it (outlined); the embeddings' "b" at position 2 is not next.
		expect(itemsWithRole(scene.items, 'lens-hit')).toHaveLength(1);
		expect(itemsWithRole(scene.items, 'lens-token', 'text').map((t) => t.text)).toEqual([
			't1',
			't2',
			't2',
			't9',
			't3',
			't4',
		]);
	});
});
