import { randomInt } from 'node:crypto';
import type { SamplingOptions } from '../../models/sampling/index.js';
import { t } from '../../i18n/index.js';

/** Most tokens /sample generates in one run. */
export const SAMPLE_MAX_TOKENS = 50;
/** Most draws of the next token for the histogram. */
export const SAMPLE_MAX_SAMPLES = 200;
/** How many of the `samples` runs are written out in full (the rest only count in the histogram). */
export const CONTINUATIONS_SHOWN = 3;
/** The longest prompt, in characters. The model itself sees at most its context (128 tokens), the last ones. */
export const PROMPT_MAX_CHARACTERS = 1000;
/** Tokens the next-token chart draws. */
export const CHART_TOP = 20;
/** Default length of the generated text. */
export const DEFAULT_TOKENS = 20;
/** A seed the member did not choose is drawn from 0 … this − 1, short enough to type back. */
export const RANDOM_SEED_BOUND = 1_000_000;
/** The largest seed: the generator keeps 32 bits. */
export const MAX_SEED = 2 ** 32 - 1;

/** The member's options with their defaults filled in. */
export interface SampleSettings {
	temperature: number;
	/** 0 = off. */
	topK: number;
	/** 1 = off. */
	topP: number;
	/** 0 = off. */
	minP: number;
	seed: number;
	/** False when the bot drew the seed. */
	seedChosen: boolean;
	tokens: number;
	samples: number;
}

/** The options as /sample's members give them (all optional but the prompt). */
export interface SampleArgs {
	temperature?: number;
	top_k?: number;
	top_p?: number;
	min_p?: number;
	seed?: number;
	tokens?: number;
	samples?: number;
}

/** Fills in defaults; a missing seed is drawn at random (and the reply says which, so the run can be repeated). */
export function settingsFrom(
	args: SampleArgs,
	randomSeed: () => number = () => randomInt(0, RANDOM_SEED_BOUND),
): SampleSettings {
	return {
		temperature: args.temperature ?? 1,
		topK: args.top_k ?? 0,
		topP: args.top_p ?? 1,
		minP: args.min_p ?? 0,
		seed: args.seed ?? randomSeed(),
		seedChosen: args.seed !== undefined,
		tokens: args.tokens ?? DEFAULT_TOKENS,
		samples: args.samples ?? 1,
	};
}

/** The options of the sampling module. */
export function samplingOptions(s: SampleSettings): SamplingOptions {
	return { temperature: s.temperature, topK: s.topK, topP: s.topP, minP: s.minP };
}

const trim = (x: number): string => String(Number(x.toFixed(4)));

/** `T = 0.8 · top-k 40 · top-p off · min-p 0.05` (temperature 0: `greedy`). */
export function settingsLine(s: Pick<SampleSettings, 'temperature' | 'topK' | 'topP' | 'minP'>): string {
	return [
		s.temperature === 0 ? t('sample.settings.greedy') : `T = ${trim(s.temperature)}`,
		`top-k ${s.topK > 0 ? s.topK : t('sample.settings.off')}`,
		`top-p ${s.topP < 1 ? trim(s.topP) : t('sample.settings.off')}`,
		`min-p ${s.minP > 0 ? trim(s.minP) : t('sample.settings.off')}`,
	].join(' · ');
}

/**
 * How a seed becomes the tokens, in words (`greedy` also covers a temperature so close to 0 that the sampler treats
 * it as 0) (the reply's footer): one mulberry32 stream per seed; each sampled token
 * takes the stream's next number and walks the token ids in order until the running probability passes it.
 */
export function seedRule(
	s: Pick<SampleSettings, 'seed' | 'tokens' | 'temperature'>,
	engineTokens = s.tokens,
	greedy = s.temperature === 0,
): string {
	if (greedy) return t('sample.settings.seedGreedy');
	return t('sample.settings.seedRule', {
		seed: s.seed,
		start: engineTokens === 1 ? 'k' : `(k − 1) × ${engineTokens} + 1`,
	});
}
