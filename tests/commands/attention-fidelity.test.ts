import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import attention from '../../commands/attention.js';
import type { Compute } from '../../src/compute/compute.js';
import { createInlineCompute } from '../../src/compute/inline.js';
import type { AttentionTaskOutput } from '../../src/demos/attention/task.js';
import { createRng } from '../../src/models/sampling/index.js';
import type { ModelConfig } from '../../src/models/transformer/index.js';
import type { Weights } from '../../src/models/transformer/init.js';
import { loadTinyGpt } from '../../src/models/transformer/index.js';
import { referenceForward } from '../../src/models/transformer/reference.js';
import { maxDiff, randomText, referenceSteps, shippedWeights } from '../demos/attention/reference-model.js';
import { testDeps } from '../helpers/deps.js';
import { runForReply } from '../helpers/run-command.js';

/**
 * What /attention shows, held to plain float64 loops over the weights on disk (src/models/transformer/reference.ts and
 * the helper beside these tests): the matrices the charts were drawn from, the walk-through's numbers and the CSV.
 * Everything goes through the command and its compute task, as a member's request does.
 */

/** Inline compute that keeps every /attention task output, i.e. exactly what the charts were drawn from. */
function recording(): { compute: Compute; outputs: AttentionTaskOutput[] } {
	const inline = createInlineCompute();
	const outputs: AttentionTaskOutput[] = [];
	const compute: Compute = {
		...inline,
		run: async (name: never, input: never) => {
			const out = await inline.run(name, input);
			if (name === 'attention.run') outputs.push(out);
			return out;
		},
	};
	return { compute, outputs };
}

let config: ModelConfig;
let weights: Weights;
let encode: (text: string) => number[];
beforeAll(async () => {
	({ config, weights } = await shippedWeights());
	const tokenizer = (await loadTinyGpt()).tokenizer!;
	encode = (text) => tokenizer.encode(text);
}, 60_000);

async function show(
	options: Record<string, unknown>,
): Promise<{ out: Extract<AttentionTaskOutput, { kind: 'ok' }>; description: string }> {
	const { compute, outputs } = recording();
	const reply = await runForReply(attention, options, { deps: testDeps({ compute }) });
	const out = outputs[0]!;
	if (out.kind !== 'ok') throw new Error('expected a drawn view');
	return { out, description: reply.embeds!.map((e) => e.description).join('\n') };
}

/** The largest difference between a shown attention weight and the reference, over every case (printed at the end). */
let worstWeight = 0;
afterAll(() => {
	process.stdout.write(
		`/attention fidelity: largest |shown − reference| attention weight ${worstWeight.toExponential(2)}\n`,
	);
});

function expectCausalRows(m: readonly (readonly number[])[]): void {
	m.forEach((row, i) => {
		expect(Math.abs(row.reduce((s, v) => s + v, 0) - 1)).toBeLessThan(1e-5);
		for (let j = i + 1; j < row.length; j++) expect(row[j]).toBe(0);
		for (const v of row) expect(v).toBeGreaterThanOrEqual(0);
	});
}

describe('/attention fidelity: the weights shown are the model’s, to 1e-4', () => {
	const rng = createRng(20240607);
	const cases = Array.from({ length: 6 }, (_, i) => ({
		seed: 1000 + i,
		words: 2 + Math.floor(rng.next() * 34),
		layer: 1 + Math.floor(rng.next() * 4),
		head: 1 + Math.floor(rng.next() * 4),
	}));

	it.each(cases)(
		'GIVEN random text (seed $seed, $words words) at layer $layer head $head THEN view:head draws the reference weights',
		async ({ seed, words, layer, head }) => {
			const text = randomText(seed, words);
			const { out, description } = await show({ text, layer, head });
			const tokens = encode(text);
			expect(out.data.tokens.map((t) => t.id)).toEqual(tokens);
			const shown = out.files[0]!.shown[0]!.values;
			const ref = referenceForward(config, weights, tokens).attention[layer - 1]![head - 1]!;
			const rows = Array.from({ length: tokens.length }, (_, r) =>
				Array.from(ref.slice(r * tokens.length, (r + 1) * tokens.length)),
			);
			const diff = maxDiff(shown, rows);
			worstWeight = Math.max(worstWeight, diff);
			expect(diff).toBeLessThan(1e-4);
			expectCausalRows(shown);
			// The text names, per row, the key with the most weight: the same key as the reference unless two are within 1e-4.
			const listed = [...description.matchAll(/^\s*(\d+) \S+\s+→\s+(\d+) /gm)].map(
				(m) => [Number(m[1]) - 1, Number(m[2]) - 1] as const,
			);
			expect(listed).toHaveLength(tokens.length);
			for (const [query, key] of listed) {
				const row = rows[query]!;
				expect(Math.max(...row.slice(0, query + 1)) - row[key]!).toBeLessThan(1e-4);
			}
		},
		60_000,
	);

	it('GIVEN view:heads THEN every panel is its head’s reference map and no weight falls on a future token', async () => {
		const text = randomText(77, 30);
		const tokens = encode(text);
		const { out } = await show({ text, layer: 3, view: 'heads' });
		const ref = referenceForward(config, weights, tokens).attention[2]!;
		const panels = out.files[0]!.shown;
		expect(panels.map((p) => p.title)).toEqual(['head 1', 'head 2', 'head 3', 'head 4']);
		panels.forEach((panel, h) => {
			const rows = Array.from({ length: tokens.length }, (_, r) =>
				Array.from(ref[h]!.slice(r * tokens.length, (r + 1) * tokens.length)),
			);
			const diff = maxDiff(panel.values, rows);
			worstWeight = Math.max(worstWeight, diff);
			expect(diff).toBeLessThan(1e-4);
			expectCausalRows(panel.values);
		});
	}, 60_000);

	it.each([
		[1, 1, 'To be, or not to be, that is the question'],
		[4, 2, randomText(5, 12)],
		[2, 4, 'Natasha'],
	])(
		'GIVEN view:steps at layer %i head %i THEN every panel, the walk-through and the CSV match float64 loops',
		async (layer, head, text) => {
			const { out, description } = await show({ text, layer, head, view: 'steps' });
			const tokens = encode(text).slice(0, 8);
			const ref = referenceSteps(config, weights, tokens, layer - 1, head - 1);
			const [scores, scaled, masked, softmax, v, output] = out.files.flatMap((f) => f.shown).map((p) => p.values);
			const slice = (m: number[][]) => m.map((r) => r.slice(0, 8));
			// Scores reach about ±15: float32 keeps about 7 significant digits, so 1e-4 relative.
			expect(maxDiff(scores!, ref.scores)).toBeLessThan(2e-3);
			expect(maxDiff(scaled!, ref.scaled)).toBeLessThan(3e-4);
			expect(maxDiff(masked!, ref.scaled)).toBeLessThan(3e-4);
			worstWeight = Math.max(worstWeight, maxDiff(softmax!, ref.weights));
			expect(maxDiff(softmax!, ref.weights)).toBeLessThan(1e-4);
			expectCausalRows(softmax!);
			expect(maxDiff(v!, slice(ref.v))).toBeLessThan(1e-4);
			expect(maxDiff(output!, slice(ref.output))).toBeLessThan(1e-4);

			// The walk-through's table for the last row: q·k, ÷√d_k, e^(x−max), weight, four decimals each.
			const q = tokens.length - 1;
			const num = (s: string) => Number(s.replace('−', '-'));
			const rows = [
				...description.matchAll(/^\s*(\d+)\s+(−?\d+\.\d{4})\s+(−?\d+\.\d{4})\s+(−?\d+\.\d{4})\s+(−?\d+\.\d{4})$/gm),
			];
			expect(rows).toHaveLength(tokens.length);
			const max = Math.max(...ref.scaled[q]!.slice(0, q + 1));
			rows.forEach((m, k) => {
				expect(Number(m[1])).toBe(k + 1);
				expect(Math.abs(num(m[2]!) - ref.scores[q]![k]!)).toBeLessThan(2e-3);
				expect(Math.abs(num(m[3]!) - ref.scaled[q]![k]!)).toBeLessThan(3e-4);
				expect(Math.abs(num(m[4]!) - Math.exp(ref.scaled[q]![k]! - max))).toBeLessThan(3e-4);
				expect(Math.abs(num(m[5]!) - ref.weights[q]![k]!)).toBeLessThan(1.5e-4);
			});
			const d1 = /= \*\*(−?\d+\.\d{4})\*\*/.exec(description)!;
			expect(Math.abs(num(d1[1]!) - ref.output[q]![0]!)).toBeLessThan(1.5e-4);

			// The CSV, at full precision.
			const csv = Buffer.from(out.files.find((f) => f.name === 'attention-steps.csv')!.bytes)
				.toString('utf8')
				.split('\n');
			const block = (name: string) =>
				csv
					.filter((line) => line.startsWith(`${name},`))
					.map((line) =>
						line
							.split(',')
							.slice(-(name === 'q' || name === 'k' || name === 'v' || name === 'output' ? 32 : tokens.length))
							.map(Number),
					);
			expect(maxDiff(block('q'), ref.q)).toBeLessThan(1e-4);
			expect(maxDiff(block('k'), ref.k)).toBeLessThan(1e-4);
			expect(maxDiff(block('weights'), ref.weights)).toBeLessThan(1e-4);
			expect(maxDiff(block('output'), ref.output)).toBeLessThan(1e-4);
			expect(
				csv
					.filter((line) => line.startsWith('masked,'))
					.every((line, r) =>
						line
							.split(',')
							.slice(-tokens.length)
							.every((cell, c) => c > r === (cell === '-inf')),
					),
			).toBe(true);
		},
		60_000,
	);
});
