import { beforeAll, describe, expect, it } from 'vitest';
import { loadTinyGpt } from '../../src/models/transformer/load.js';
import type { TinyGpt } from '../../src/models/transformer/inference.js';
import { testCurriculum } from '../helpers/deps.js';

/**
 * What week 6's first demo tells members they will see in /attention's head view, checked against the model the
 * bot ships (tiny-gpt), for the demo's own text, layer and head as the curriculum gives them.
 */
describe('claims week 6 makes about /attention', () => {
	let model: TinyGpt;
	beforeAll(async () => {
		model = await loadTinyGpt();
	});

	it('GIVEN week 6 says the row for "she" is spread thin, with "Natasha" not in its top three, under a causal mask THEN the model shows that', async () => {
		const week = (await testCurriculum()).week(6)!;
		const demo = week.demos.find((d) => d.command === 'attention' && d.options.view === 'head')!;
		expect(demo.try).toContain('none gets a fifth of it');
		expect(demo.try).toContain('is not among its top three');
		const tokens = model.tokenizer!.encode(String(demo.options.text));
		const labels = tokens.map((t) => model.tokenizer!.decode([t]).trim());
		const n = tokens.length;
		const weights = model.run(tokens).attention[Number(demo.options.layer) - 1]![Number(demo.options.head) - 1]!;
		const she = labels.indexOf('she');
		const row = Array.from({ length: n }, (_, j) => weights[she * n + j]!);
		// The causal mask: nothing after "she" gets any weight, and the row sums to 1.
		expect(row.slice(she + 1).every((w) => w === 0)).toBe(true);
		expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
		expect(Math.max(...row)).toBeLessThan(0.2);
		const top3 = row
			.map((w, j) => [labels[j], w] as const)
			.sort((a, b) => b[1] - a[1])
			.slice(0, 3)
			.map(([label]) => label);
		expect(top3).not.toContain('Natasha');
	});
});
