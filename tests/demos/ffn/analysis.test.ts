import { describe, expect, it } from 'vitest';
import { countAbove, ffnAt, firstRepeat, topUnits } from '../../../src/demos/ffn/analysis.js';
import { plainWeights } from '../../../src/demos/ffn/weights.js';
import { referenceForward } from '../../../src/models/transformer/index.js';
import { shippedWeights } from '../residual/weights.js';

describe('/ffn arithmetic', () => {
	it('GIVEN activations THEN the top units are the largest, ties to the lower unit, and counts are strict', () => {
		const hidden = [0.1, 2, 2, -0.1, /* position 1 */ 1, 0, 3, 1];
		expect(topUnits(hidden, 0, 4, 2)).toEqual([
			{ unit: 1, value: 2 },
			{ unit: 2, value: 2 },
		]);
		expect(topUnits(hidden, 1, 4, 3)).toEqual([
			{ unit: 2, value: 3 },
			{ unit: 0, value: 1 },
			{ unit: 3, value: 1 },
		]);
		expect(countAbove(hidden, 1, 4, 1)).toBe(1);
	});

	it('GIVEN tokens THEN the repeated token compared is the first with a letter, else the first repeat at all', () => {
		const t = (id: number, text: string) => ({ id, text });
		expect(firstRepeat([t(1, ','), t(2, ' king'), t(1, ','), t(2, ' king')])).toEqual([1, 3]);
		expect(firstRepeat([t(1, ','), t(3, ' a'), t(1, ',')])).toEqual([0, 2]);
		expect(firstRepeat([t(1, 'a'), t(2, 'b')])).toBeNull();
	});

	it('GIVEN one position’s vector alone THEN the FFN equals the float64 reference transformer’s FFN at that position, for every layer', async () => {
		const { config, weights } = shippedWeights();
		const plain = await plainWeights();
		const tokens = [464, 1024, 290, 262, 1024, 13];
		const ref = referenceForward(config, weights, tokens);
		for (let layer = 0; layer < config.nLayers; layer++) {
			for (const t of [0, 4]) {
				const x = Array.from(
					{ length: config.dModel },
					(_, j) => ref.residualPre[layer]![t * config.dModel + j]! + ref.attnOut[layer]![t * config.dModel + j]!,
				);
				const step = ffnAt(plain, layer, x);
				for (let j = 0; j < config.dModel; j++)
					expect(step.output[j]).toBeCloseTo(ref.ffnOut[layer]![t * config.dModel + j]!, 9);
				for (let u = 0; u < config.dFF; u += 37)
					expect(step.hidden[u]).toBeCloseTo(ref.ffnHidden[layer]![t * config.dFF + u]!, 9);
			}
		}
	});
});
