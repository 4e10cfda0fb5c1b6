import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sample from '../../commands/sample.js';
import type { Compute } from '../../src/compute/compute.js';
import { createInlineCompute } from '../../src/compute/inline.js';
import type { SampleTaskOutput } from '../../src/demos/sample/task.js';
import { nextTokenChart } from '../../src/demos/sample/charts.js';
import { settingsFrom } from '../../src/demos/sample/input.js';
import { sampleFromServer } from '../../src/demos/sample/openai.js';
import { pct } from '../../src/demos/sample/reply.js';
import type { NextTokenDistribution } from '../../src/llm/engines.js';
import type { ModelConfig } from '../../src/models/transformer/index.js';
import type { Weights } from '../../src/models/transformer/init.js';
import { loadTinyGpt } from '../../src/models/transformer/index.js';
import { referenceForward } from '../../src/models/transformer/reference.js';
import { shippedWeights } from '../demos/attention/reference-model.js';
import {
	byProbability,
	pick,
	referenceFilters,
	streamNumbers,
	type ReferenceOptions,
} from '../demos/sample/reference-sampler.js';
import { testDeps } from '../helpers/deps.js';
import { runForReply } from '../helpers/run-command.js';

/**
 * What /sample shows (the chart's bars, cut-offs and cumulative line, the text's probabilities and the tokens drawn)
 * against an independent computation: the float64 reference forward pass over the weights on disk, the filters and
 * mulberry32 written again from their definitions (tests/demos/sample/reference-sampler.ts).
 */

let config: ModelConfig;
let weights: Weights;
let encode: (text: string) => number[];
beforeAll(async () => {
	({ config, weights } = await shippedWeights());
	const tokenizer = (await loadTinyGpt()).tokenizer!;
	encode = (text) => tokenizer.encode(text);
}, 60_000);

/** The largest difference between a probability shown and the reference, over every case (printed at the end). */
let worstProbability = 0;
afterAll(() => {
	process.stdout.write(
		`/sample fidelity: largest |shown − reference| probability ${worstProbability.toExponential(2)}\n`,
	);
});

function recording(): { compute: Compute; outputs: SampleTaskOutput[] } {
	const inline = createInlineCompute();
	const outputs: SampleTaskOutput[] = [];
	const compute: Compute = {
		...inline,
		run: async (name: never, input: never) => {
			const out = await inline.run(name, input);
			if (name === 'sample.local') outputs.push(out);
			return out;
		},
	};
	return { compute, outputs };
}

async function run(options: Record<string, unknown>) {
	const { compute, outputs } = recording();
	const reply = await runForReply(sample, options, { deps: testDeps({ compute }) });
	return { reply, out: outputs[0]!, description: reply.embeds![0]!.description! };
}

/** The next-token logits after `tokens`, in float64 loops. */
function referenceLogits(tokens: readonly number[]): number[] {
	const window = tokens.slice(-config.contextLength);
	const all = referenceForward(config, weights, window).logits;
	return Array.from(all.slice((window.length - 1) * config.vocabSize, window.length * config.vocabSize));
}

const optionsOf = (o: Record<string, unknown>): ReferenceOptions => ({
	temperature: (o.temperature as number | undefined) ?? 1,
	topK: (o.top_k as number | undefined) ?? 0,
	topP: (o.top_p as number | undefined) ?? 1,
	minP: (o.min_p as number | undefined) ?? 0,
});

describe('/sample fidelity: the chart and the text show the model’s distribution, filtered by the standard definitions', () => {
	it.each([
		[
			'all four filters',
			{ prompt: 'The old prince said', temperature: 0.8, top_k: 12, top_p: 0.6, min_p: 0.05, seed: 3 },
		],
		['temperature only', { prompt: 'To be, or not to be', temperature: 1.7, seed: 11 }],
		['top_p 0: one token', { prompt: 'To be, or not to be', top_p: 0, seed: 5 }],
		['top_k past the vocabulary', { prompt: 'Natasha', top_k: 5000, seed: 9 }],
		['min_p 1: the top token only', { prompt: 'Natasha', min_p: 1, temperature: 1.3, seed: 2 }],
		['top_p 0.97 keeps more than the chart shows', { prompt: 'The war', top_p: 0.97, seed: 4 }],
		['temperature 0', { prompt: 'The war', temperature: 0, top_k: 3 }],
	])(
		'GIVEN %s THEN every bar, cut and number shown equals the reference',
		async (_, options) => {
			const { out, description } = await run({ ...options, tokens: 3 });
			const logits = referenceLogits(encode(options.prompt));
			const ref = referenceFilters(logits, optionsOf(options));
			const view = out.result.next;
			const order = byProbability(ref.raw);

			// The rows are the 20 most likely tokens in order (plus the sampled one if it ranks lower).
			expect(view.rows.slice(0, 20).map((r) => r.id)).toEqual(order.slice(0, 20));
			for (const row of view.rows) {
				worstProbability = Math.max(
					worstProbability,
					Math.abs(row.raw - ref.raw[row.id]!),
					Math.abs(row.tempered - ref.tempered[row.id]!),
					Math.abs(row.final - ref.final[row.id]!),
				);
				expect(row.raw).toBeCloseTo(ref.raw[row.id]!, 5);
				expect(row.tempered).toBeCloseTo(ref.tempered[row.id]!, 5);
				expect(row.final).toBeCloseTo(ref.final[row.id]!, 5);
				expect(row.rank).toBe(order.indexOf(row.id) + 1);
			}
			// What the chart draws is exactly those rows.
			const chart = out.charts[0]!.input;
			expect(chart.series[0]!.values).toEqual(view.rows.map((r) => r.raw));
			const drawnFrom = view.cuts.length > 0 ? 'final' : optionsOf(options).temperature !== 1 ? 'tempered' : 'raw';
			expect(chart.series.at(-1)!.values).toEqual(view.rows.map((r) => r[drawnFrom]));

			// Kept counts after each filter, and the chart's last cut-off.
			const count = (ps: number[]) => ps.filter((p) => p > 0).length;
			const o = optionsOf(options);
			const expectedCuts = [
				...(o.topK > 0 ? [['top-k', count(ref.afterTopK)]] : []),
				...(o.topP < 1 ? [['top-p', count(ref.afterTopP)]] : []),
				...(o.minP > 0 ? [['min-p', count(ref.final)]] : []),
			];
			expect(view.cuts.map((c) => [c.filter, c.kept])).toEqual(expectedCuts);
			expect(view.kept).toBe(count(ref.final));
			if (view.kept < view.rows.length && (view.cuts.length > 0 || o.temperature === 0))
				expect(chart.cutoff?.afterIndex).toBe(view.kept - 1);
			else expect(chart.cutoff).toBeUndefined();

			// The top-p line is the running sum of the top-p input, in the chart's order.
			if (o.topP < 1) {
				const input = ref.afterTopK;
				let sum = 0;
				const running = new Map(byProbability(input).map((id) => [id, (sum += input[id]!)]));
				chart.line!.values.forEach((v, i) => expect(v).toBeCloseTo(running.get(view.rows[i]!.id)!, 5));
			} else expect(chart.line).toBeUndefined();

			// The token-by-token table: run 1's first token, with its probability after the filters and at T = 1.
			const first = out.result.continuations[0]!.pieces[0]!;
			expect(description).toMatch(
				new RegExp(
					`^ 1  \\S+\\s+${pct(ref.final[first.id]!).replace('.', '\\.')}\\s+${pct(ref.raw[first.id]!).replace('.', '\\.')}$`,
					'm',
				),
			);
		},
		60_000,
	);

	it('GIVEN a seed THEN runs and draws follow the documented stream rule, token for token, through the reference model', async () => {
		const options = {
			prompt: 'The old prince said',
			temperature: 0.9,
			top_k: 40,
			seed: 123456,
			tokens: 6,
			samples: 200,
		};
		const { out, reply } = await run(options);
		const o = optionsOf(options);
		// Run k starts at number (k − 1) × tokens + 1 of mulberry32(seed); each token takes the next number.
		for (const [k, cont] of out.result.continuations.entries()) {
			const tokens = encode(options.prompt);
			const us = streamNumbers(options.seed, k * options.tokens + 1, options.tokens);
			const ids: number[] = [];
			for (const u of us) {
				const id = pick(referenceFilters(referenceLogits(tokens), o).final, u);
				ids.push(id);
				tokens.push(id);
			}
			expect(cont.firstNumber).toBe(k * options.tokens + 1);
			expect(cont.pieces.map((p) => p.id)).toEqual(ids);
		}
		expect(out.result.continuations).toHaveLength(3);
		expect(reply.embeds![0]!.fields!.map((f) => f.name)).toEqual([
			'Run 2 (numbers 7–12 of the stream)',
			'Run 3 (numbers 13–18 of the stream)',
		]);
		// Draw k is run k's first token: the first number of run k, on the prompt's distribution.
		const final = referenceFilters(referenceLogits(encode(options.prompt)), o).final;
		const counts = new Map<number, number>();
		for (let k = 0; k < options.samples; k++) {
			const id = pick(final, streamNumbers(options.seed, k * options.tokens + 1, 1)[0]!);
			counts.set(id, (counts.get(id) ?? 0) + 1);
		}
		expect(new Map(out.result.draws!.counts.map((c) => [c.id, c.count]))).toEqual(counts);
		// The attached CSV lists every drawn token with the reference count and the reference probability.
		const csv = reply
			.files!.find((f) => f.name === 'sample-draws.csv')!
			.data.toString('utf8')
			.trim()
			.split('\n');
		expect(csv[0]).toBe('id,token,count,share,p');
		const rows = csv.slice(1).map((line) => {
			const cells = line.split(',');
			return [Number(cells[0]), Number(cells.at(-3)), Number(cells.at(-1))] as const;
		});
		expect(new Map(rows.map(([id, count]) => [id, count]))).toEqual(counts);
		for (const [id, , p] of rows) expect(p).toBeCloseTo(final[id]!, 6);
		const shares = out.charts[1]!.input.series[1]!.values;
		expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
	}, 60_000);
});

describe('/sample fidelity on a distribution with ties (the real model’s top 20, through sampleFromServer)', () => {
	/** 20 candidates whose log-probabilities tie in groups: 2 at the top, 3 next, then 15 equal. */
	const dist: NextTokenDistribution = {
		model: 'tie-model',
		candidates: [...[-1, -1, -2, -2, -2], ...Array<number>(15).fill(-4)].map((logprob, i) => ({
			token: ` t${i}`,
			logprob,
			probability: Math.exp(logprob),
			bytes: null,
		})),
		chosen: { token: ' t0', logprob: -1, probability: Math.exp(-1), bytes: null },
		covered: 0,
	};
	dist.covered = dist.candidates.reduce((s, c) => s + c.probability, 0);
	const logprobs = dist.candidates.map((c) => c.logprob);

	it.each([
		['top_k 3 keeps every token tied with the 3rd', { top_k: 3 }, 5],
		['top_k 1 keeps both tied for first', { top_k: 1 }, 2],
		['top_p 0 keeps exactly one: the lower id', { top_p: 0 }, 1],
		['min_p 1 keeps exactly the tokens tied for the maximum', { min_p: 1 }, 2],
		['temperature 0 takes the lowest id among the maxima', { temperature: 0 }, 1],
		['top_p reaching exactly a tie boundary', { top_p: 0.5 }, -1],
	])('GIVEN %s THEN the view and the chart agree with the reference', (_, args, keptExpected) => {
		const settings = settingsFrom({ ...args, seed: 1, samples: 50 });
		const result = sampleFromServer(dist, 'prompt', settings);
		const ref = referenceFilters(logprobs, {
			temperature: settings.temperature,
			topK: settings.topK,
			topP: settings.topP,
			minP: settings.minP,
		});
		const kept = ref.final.filter((p) => p > 0).length;
		if (keptExpected > 0) expect(kept).toBe(keptExpected);
		expect(result.next.kept).toBe(kept);
		expect(result.next.rows.map((r) => r.id)).toEqual(byProbability(ref.raw));
		result.next.rows.forEach((r) => expect(r.final).toBeCloseTo(ref.final[r.id]!, 12));
		if ('top_p' in args || 'temperature' in args) expect(ref.final[0]).toBeGreaterThan(0);
		// Every draw is a kept token.
		for (const c of result.draws!.counts) expect(ref.final[c.id]).toBeGreaterThan(0);
		const chart = nextTokenChart(result);
		expect(chart.input.categories).toHaveLength(20);
		if (kept < 20) expect(chart.input.cutoff?.afterIndex).toBe(kept - 1);
	});
});
