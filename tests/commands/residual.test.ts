import { describe, expect, it } from 'vitest';
import residual from '../../commands/residual.js';
import { pngSize } from '../../src/charts/index.js';
import { loadTinyGpt, referenceForward } from '../../src/models/transformer/index.js';
import { runForReply } from '../helpers/run-command.js';
import { shippedWeights } from '../demos/residual/weights.js';

const { config, weights } = shippedWeights();
const d = config.dModel;

function norms(a: Float64Array, n: number): number[] {
	return Array.from({ length: n }, (_, t) => Math.sqrt(a.subarray(t * d, (t + 1) * d).reduce((s, v) => s + v * v, 0)));
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('/residual', () => {
	it('GIVEN a sentence THEN the mean lengths per layer and the biggest change are those of the float64 reference', async () => {
		const text = 'To be, or not to be, that is the question';
		const reply = await runForReply(residual, { text });
		const ids = (await loadTinyGpt()).tokenizer!.encode(text);
		const n = ids.length;
		const ref = referenceForward(config, weights, ids);
		const table = /```\n([\s\S]*?)\n```/.exec(reply.embeds![0]!.description!)![1]!.split('\n');
		for (let l = 0; l < config.nLayers; l++) {
			const [layer, stream, attn, ffn] = table[l + 1]!.trim().split(/\s+/).map(Number);
			expect(layer).toBe(l + 1);
			expect(Math.abs(stream! - mean(norms(ref.residualPre[l]!, n)))).toBeLessThan(0.006);
			expect(Math.abs(attn! - mean(norms(ref.attnOut[l]!, n)))).toBeLessThan(0.006);
			expect(Math.abs(ffn! - mean(norms(ref.ffnOut[l]!, n)))).toBeLessThan(0.006);
		}
		expect(
			Math.abs(Number(table[config.nLayers + 1]!.trim().split(/\s+/)[1]) - mean(norms(ref.residualFinal, n))),
		).toBeLessThan(0.006);
		// The biggest update relative to the stream it was added to, over every layer, kind and token.
		let best = { ratio: 0, text: '' };
		for (let l = 0; l < config.nLayers; l++) {
			const x = norms(ref.residualPre[l]!, n);
			const a = norms(ref.attnOut[l]!, n);
			const f = norms(ref.ffnOut[l]!, n);
			const mid = norms(
				ref.residualPre[l]!.map((v, i) => v + ref.attnOut[l]![i]!),
				n,
			);
			for (let t = 0; t < n; t++) {
				if (a[t]! / x[t]! > best.ratio)
					best = { ratio: a[t]! / x[t]!, text: `the attention of layer ${l + 1} at ${t + 1} ` };
				if (f[t]! / mid[t]! > best.ratio)
					best = { ratio: f[t]! / mid[t]!, text: `the FFN of layer ${l + 1} at ${t + 1} ` };
			}
		}
		expect(reply.embeds![0]!.description).toContain(best.text);
		const ratio = Number(/\*\*([\d.]+)×\*\* the stream it was added to/.exec(reply.embeds![0]!.description!)![1]);
		expect(Math.abs(ratio - best.ratio)).toBeLessThan(0.06);
		expect(reply.files!.map((f) => [f.name, pngSize(f.data)?.width])).toEqual([
			['residual-norms.png', 1200],
			['residual-lens.png', 1200],
		]);
	});

	it('GIVEN the lens THEN the output’s prediction and its hits on the text are the reference logits’ argmax', async () => {
		const text = 'The king and the queen walked into the hall';
		const reply = await runForReply(residual, { text });
		const ids = (await loadTinyGpt()).tokenizer!.encode(text);
		const n = ids.length;
		const ref = referenceForward(config, weights, ids);
		const V = config.vocabSize;
		const argmax = (t: number) => {
			let best = 0;
			for (let v = 1; v < V; v++) if (ref.logits[t * V + v]! > ref.logits[t * V + best]!) best = v;
			return best;
		};
		const tokenizer = (await loadTinyGpt()).tokenizer!;
		const lens = reply.embeds![1]!.description!;
		expect(lens).toContain(
			`the output's most likely next token is \`${tokenizer.decode([argmax(n - 1)]).replace(/ /g, '⋅')}\``,
		);
		const hits = Array.from({ length: n - 1 }, (_, t) => argmax(t) === ids[t + 1]).filter(Boolean).length;
		expect(lens).toContain(`after layer 4 = output **${hits}**.`);
	});

	it('GIVEN too much text THEN a clear message', async () => {
		await expect(runForReply(residual, { text: 'a b '.repeat(100) })).rejects.toThrow(
			/the model reads at most 128 at once, so \/residual takes up to 128/,
		);
	});

	it('GIVEN one token THEN the reply still has both charts and no hit count (there is no next token)', async () => {
		const reply = await runForReply(residual, { text: 'The' });
		expect(reply.files).toHaveLength(2);
		expect(reply.embeds![1]!.description).not.toContain('actual next token');
	});
});
