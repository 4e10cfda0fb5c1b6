import type { TinyGpt } from '../../models/transformer/index.js';
import { displayToken } from '../tokenize/visible.js';
import { summarise } from './distribution.js';
import { countDraws, drawFirstTokens, runStarts } from './draws.js';
import { CONTINUATIONS_SHOWN, samplingOptions, type SampleSettings } from './input.js';
import type { Continuation, SampleResult } from './result.js';

/**
 * /sample with our model: run 1 (and runs 2… up to {@link CONTINUATIONS_SHOWN} when `samples` > 1) generated with
 * `TinyGpt.generate` from its place in the seed's stream; the next-token distribution is run 1's first step; the
 * histogram draws the first token once per run from that same distribution.
 */
export function sampleLocal(model: TinyGpt, prompt: string, settings: SampleSettings): SampleResult {
	const tokenizer = model.tokenizer;
	if (!tokenizer) throw new Error(`${model.name} has no tokenizer`);
	const ids = tokenizer.encode(prompt);
	if (ids.length === 0) throw new RangeError('sample: empty prompt');
	const options = samplingOptions(settings);
	const tokenOf = (id: number) => {
		const text = tokenizer.decode([id]);
		return { text, label: displayToken(text, tokenizer.tokenBytes(id)) };
	};
	const starts = runStarts(settings.seed, settings.tokens, settings.samples);
	const shown = Math.min(settings.samples, CONTINUATIONS_SHOWN);
	let first: ReturnType<TinyGpt['generate']>[number] | undefined;
	const continuations: Continuation[] = starts.slice(0, shown).map((state, k) => {
		const generated = model.generate(ids, settings.tokens, options, state);
		first ??= generated[0];
		return {
			firstNumber: k * settings.tokens + 1,
			pieces: generated.map((g) => ({
				id: g.token,
				...tokenOf(g.token),
				final: g.probs[g.token]!,
				raw: g.steps[0]!.before[g.token]!,
			})),
			text: tokenizer.decode(generated.map((g) => g.token)),
		};
	});
	const step = first!;
	const draws = settings.samples > 1 ? countDraws(drawFirstTokens(step, starts), step.probs, tokenOf) : null;
	return {
		engine: 'local',
		model: model.name,
		prompt,
		promptTokens: ids.length,
		contextLength: model.config.contextLength,
		settings,
		next: summarise(step, step.token, tokenOf),
		continuations,
		draws,
	};
}
