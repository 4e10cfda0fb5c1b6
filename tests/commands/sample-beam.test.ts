import { beforeAll, describe, expect, it } from 'vitest';
import sample from '../../commands/sample.js';
import { pngSize } from '../../src/charts/index.js';
import type { Compute } from '../../src/compute/compute.js';
import { createInlineCompute } from '../../src/compute/inline.js';
import type { BeamTaskOutput } from '../../src/demos/sample/beam-task.js';
import { quoteBlock } from '../../src/demos/sample/reply.js';
import type { ModelConfig } from '../../src/models/transformer/index.js';
import type { Weights } from '../../src/models/transformer/init.js';
import { loadTinyGpt } from '../../src/models/transformer/index.js';
import { referenceForward } from '../../src/models/transformer/reference.js';
import { shippedWeights } from '../demos/attention/reference-model.js';
import { testDeps } from '../helpers/deps.js';
import { runCommand, runForReply } from '../helpers/run-command.js';

/*
 * /sample strategy:beam against an independent beam search written here from its definition (every token of every
 * beam scored, the width best sums kept) over the float64 reference forward pass of the weights on disk.
 */

let config: ModelConfig;
let weights: Weights;
let encode: (text: string) => number[];
let decode: (ids: number[]) => string;
beforeAll(async () => {
	({ config, weights } = await shippedWeights());
	const tokenizer = (await loadTinyGpt()).tokenizer!;
	encode = (text) => tokenizer.encode(text);
	decode = (ids) => tokenizer.decode(ids);
}, 60_000);

function referenceLogProbs(tokens: readonly number[]): number[] {
	const window = tokens.slice(-config.contextLength);
	const all = referenceForward(config, weights, window).logits;
	const logits = Array.from(all.slice((window.length - 1) * config.vocabSize, window.length * config.vocabSize));
	const max = Math.max(...logits);
	const lse = max + Math.log(logits.reduce((s, l) => s + Math.exp(l - max), 0));
	return logits.map((l) => l - lse);
}

function referenceBeam(prompt: number[], width: number, length: number): { tokens: number[]; score: number }[] {
	let beams = [{ tokens: [] as number[], score: 0 }];
	for (let step = 0; step < length; step++) {
		const all = beams.flatMap((b) =>
			referenceLogProbs([...prompt, ...b.tokens]).map((lp, t) => ({ tokens: [...b.tokens, t], score: b.score + lp })),
		);
		beams = all.sort((a, b) => b.score - a.score).slice(0, width);
	}
	return beams;
}

async function run(options: Record<string, unknown>) {
	const inline = createInlineCompute();
	const outputs: BeamTaskOutput[] = [];
	const compute: Compute = {
		...inline,
		run: async (name: never, input: never) => {
			const out = await inline.run(name, input);
			if (name === 'sample.beam') outputs.push(out);
			return out;
		},
	};
	const reply = await runForReply(sample, options, { deps: testDeps({ compute }) });
	return { reply, out: outputs[0]! };
}

describe('/sample strategy:beam', () => {
	it.each([
		['The old prince said', 3, 6],
		['To be, or not to be', 2, 5],
	])(
		'GIVEN “%s”, width %i, %i tokens THEN the beams, greedy and the parting point are the reference search’s',
		async (prompt, width, tokens) => {
			const { reply, out } = await run({ prompt, strategy: 'beam', width, tokens });
			const ids = encode(prompt);
			const reference = referenceBeam(ids, width, tokens);
			expect(out.view.beams.map((b) => b.tokens)).toEqual(reference.map((r) => r.tokens));
			out.view.beams.forEach((b, i) => expect(b.score).toBeCloseTo(reference[i]!.score, 3));
			const greedy = referenceBeam(ids, 1, tokens)[0]!;
			expect(out.view.greedy.tokens).toEqual(greedy.tokens);
			const best = reference[0]!;
			const part = best.tokens.findIndex((t, i) => t !== greedy.tokens[i]);
			const description = reply.embeds![0]!.description!;
			expect(description).toContain(
				`**Best beam**, total log p ${best.score.toFixed(2)}:\n${quoteBlock(decode(best.tokens))}`,
			);
			expect(description).toContain(
				`**Greedy**, total log p ${greedy.score.toFixed(2)}:\n${quoteBlock(decode(greedy.tokens))}`,
			);
			if (part === -1) expect(description).toContain('**Beam and greedy agree**');
			else expect(description).toContain(`**They part at token ${part + 1}**`);
			expect(best.score).toBeGreaterThanOrEqual(greedy.score - 1e-6);
			expect(pngSize(reply.files![0]!.data)).toEqual({ width: 900, height: 620 });
		},
		120_000,
	);

	it('GIVEN width 3 over 4 tokens THEN the tree holds 3 + 9 + 9 + 9 candidates, 3 kept at each step', async () => {
		const { out } = await run({ prompt: 'Anna', strategy: 'beam', width: 3, tokens: 4 });
		const perDepth = [1, 2, 3, 4].map((d) => out.view.nodes.filter((n) => n.depth === d));
		expect(perDepth.map((n) => n.length)).toEqual([3, 9, 9, 9]);
		expect(perDepth.map((n) => n.filter((x) => x.kept).length)).toEqual([3, 3, 3, 3]);
	}, 60_000);

	it('GIVEN more than 20 tokens or the real model THEN it says what to change', async () => {
		await expect(runCommand(sample, { prompt: 'Hi', strategy: 'beam', tokens: 21 })).rejects.toThrow(
			/at most 20 tokens/,
		);
		await expect(runCommand(sample, { prompt: 'Hi', strategy: 'beam', engine: 'openai' })).rejects.toThrow(
			/only our own model/,
		);
	});
});
