import { describe, expect, it } from 'vitest';
import ffn from '../../commands/ffn.js';
import { pngSize } from '../../src/charts/index.js';
import { loadTopExamples } from '../../src/demos/ffn/top-examples.js';
import { exampleLine } from '../../src/demos/ffn/reply.js';
import { loadTinyGpt, referenceForward } from '../../src/models/transformer/index.js';
import { runForReply } from '../helpers/run-command.js';
import { shippedWeights } from '../demos/residual/weights.js';

const { config, weights } = shippedWeights();

/** "#272 2.41 · #282 1.55" → [[272, 2.41], [282, 1.55]]. */
function listed(line: string): [number, number][] {
	return [...line.matchAll(/#(\d+) (−?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2]!.replace('−', '-'))]);
}

describe('/ffn', () => {
	it('GIVEN a sentence and layer 2 THEN each token’s listed units are the float64 reference’s most active ones, with their activations', async () => {
		const text = 'The king and the queen walked into the hall';
		const reply = await runForReply(ffn, { text, layer: 2 });
		const ids = (await loadTinyGpt()).tokenizer!.encode(text);
		const ref = referenceForward(config, weights, ids);
		const hidden = ref.ffnHidden[1]!;
		const lines = reply.embeds![0]!.description!.split('\n').slice(1);
		expect(lines).toHaveLength(ids.length);
		ids.forEach((_, t) => {
			const row = Array.from(hidden.subarray(t * config.dFF, (t + 1) * config.dFF));
			const order = row.map((v, u) => [u, v] as const).sort((a, b) => b[1] - a[1]);
			const shown = listed(lines[t]!);
			expect(shown.map(([u]) => u)).toEqual(order.slice(0, 3).map(([u]) => u));
			shown.forEach(([, v], k) => expect(Math.abs(v - order[k]![1])).toBeLessThan(0.006));
			expect(lines[t]).toContain(`**${row.filter((v) => v > 1).length}** > 1`);
		});
		expect(reply.embeds![0]!.title).toBe('FFN · layer 2 of 4 · 9 tokens');
	});

	it('GIVEN the reply THEN the corpus examples are ffn-top.json’s, and the per-position check and the repeated token’s cosines hold against the reference', async () => {
		const text = 'The king said to the king';
		const reply = await runForReply(ffn, { text, layer: 3 });
		const examples = await loadTopExamples();
		for (const field of reply.embeds![0]!.fields!) {
			const unit = Number(/^#(\d+)/.exec(field.name)![1]);
			expect(field.value.split('\n')).toEqual(examples(2, unit).slice(0, 3).map(exampleLine));
		}
		const check = reply.embeds![1]!.description!;
		const maxDiff = /to within \*\*([\d.]+)×10⁻([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\*\*/.exec(check)!;
		const exponent = Number([...maxDiff[2]!].map((c) => '⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(c)).join(''));
		expect(Number(maxDiff[1]) * 10 ** -exponent).toBeLessThan(1e-4);
		// The two ⋅king tokens (wherever the tokenizer puts them): the cosines of the reference's vectors.
		const ids = (await loadTinyGpt()).tokenizer!.encode(text);
		const king = ids.at(-1)!;
		const i = ids.indexOf(king);
		const j = ids.lastIndexOf(king);
		const ref = referenceForward(config, weights, ids);
		const d = config.dModel;
		const row = (a: Float64Array, t: number) => Array.from(a.subarray(t * d, (t + 1) * d));
		const cos = (a: number[], b: number[]) =>
			a.reduce((s, x, i) => s + x * b[i]!, 0) /
			Math.sqrt(a.reduce((s, x) => s + x * x, 0) * b.reduce((s, x) => s + x * x, 0));
		expect(check).toContain(`\`⋅king\` appears at positions ${i + 1} and ${j + 1}.`);
		// The reply's float32 pass against float64 loops: equal to the two decimals shown, give or take the last one's rounding.
		const stated = (label: RegExp) => Number(label.exec(check)![1]);
		expect(
			Math.abs(
				stated(/its two vectors have cosine \*\*([\d.−-]+)\*\*/) -
					cos(row(ref.residualPre[2]!, i), row(ref.residualPre[2]!, j)),
			),
		).toBeLessThan(0.006);
		expect(
			Math.abs(stated(/its two outputs \*\*([\d.−-]+)\*\*/) - cos(row(ref.ffnOut[2]!, i), row(ref.ffnOut[2]!, j))),
		).toBeLessThan(0.006);
		expect(reply.files!.map((f) => [f.name, pngSize(f.data)?.width])).toEqual([
			['ffn-units.png', 1200],
			['ffn-repeat.png', 1200],
		]);
	});

	it('GIVEN text without a repeated token THEN the reply says how to see one token in two contexts, and has one chart', async () => {
		const reply = await runForReply(ffn, { text: 'Natasha danced' });
		expect(reply.embeds![1]!.description).toContain('No token appears twice in this text');
		expect(reply.files).toHaveLength(1);
	});

	it('GIVEN hostile text THEN tokens are shown in code spans, nobody can be pinged, and splitting tokens show their bytes', async () => {
		const reply = await runForReply(ffn, { text: '@everyone <@123> `a` 안' });
		const lines = reply.embeds![0]!.description!;
		expect(lines).toContain('`@`');
		expect(lines).toContain('`ˋ`');
		expect(lines).toMatch(/`<[0-9A-F]{2}>`/);
		expect(reply.allowedUserMentions).toBeUndefined();
	});

	it('GIVEN too many tokens or a layer the model does not have THEN a clear message', async () => {
		await expect(runForReply(ffn, { text: 'word '.repeat(200) })).rejects.toThrow(
			/^Your text is \d+ tokens long for our model's tokenizer; the model reads at most 128 at once/,
		);
		await expect(runForReply(ffn, { text: 'hi', layer: 5 })).rejects.toThrow(
			'This model has 4 layers: pick `layer` 1–4 (1 is the layer nearest the input).',
		);
		await expect(runForReply(ffn, { text: 'hi', layer: 0 })).rejects.toThrow('`layer` must be at least 1.');
	});
});
