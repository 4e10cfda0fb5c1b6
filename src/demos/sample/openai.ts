import { UserError } from '../../core/errors.js';
import { MAX_TOP_LOGPROBS, openaiNextTokens, type NextTokenDistribution } from '../../llm/engines.js';
import { remainingLine, spend, type LlmService } from '../../llm/service.js';
import { applyFilters } from '../../models/sampling/index.js';
import { displayToken } from '../tokenize/visible.js';
import { summarise } from './distribution.js';
import { countDraws, drawFirstTokens, runStarts } from './draws.js';
import { samplingOptions, type SampleSettings } from './input.js';
import type { SampleResult } from './result.js';
import { t } from '../../i18n/index.js';

/** Said when `engine:openai` is asked for but the bot has no key. */
export class SampleOpenAiNotConfiguredError extends UserError {
	constructor() {
		super(t('sample.errors.openAiNotConfigured'), 'sample.openai-not-configured');
	}
}

/**
 * /sample on the real model's distribution: the server's top 20 next tokens, renormalised to sum to 1 (the filters
 * and the draws only see those 20), filtered and drawn with our sampler and the seed's stream, one number per draw.
 * The API gives one position per request, so the "text" is one token.
 */
export function sampleFromServer(dist: NextTokenDistribution, prompt: string, settings: SampleSettings): SampleResult {
	const oneToken = { ...settings, tokens: 1 };
	const logprobs = dist.candidates.map((c) => c.logprob);
	const filtered = applyFilters(logprobs, samplingOptions(oneToken));
	const starts = runStarts(settings.seed, 1, settings.samples);
	const draws = drawFirstTokens(filtered, starts);
	const token = draws[0]!;
	const tokenOf = (i: number) => ({
		text: dist.candidates[i]!.token,
		label: displayToken(dist.candidates[i]!.token, dist.candidates[i]!.bytes),
	});
	return {
		engine: 'openai',
		model: dist.model,
		prompt,
		settings: oneToken,
		next: summarise(filtered, token, tokenOf, MAX_TOP_LOGPROBS),
		continuations: [
			{
				firstNumber: 1,
				pieces: [
					{ id: token, ...tokenOf(token), final: filtered.probs[token]!, raw: filtered.steps[0]!.before[token]! },
				],
				text: tokenOf(token).text,
			},
		],
		draws: settings.samples > 1 ? countDraws(draws, filtered.probs, tokenOf) : null,
		covered: dist.covered,
		serverChoice: dist.chosen.token,
	};
}

/** Asks the configured model for its next-token distribution (one request against the member's quota) and samples from it. */
export async function sampleOpenAi(
	llm: LlmService,
	who: { guildId: string | null; userId: string },
	prompt: string,
	settings: SampleSettings,
): Promise<{ result: SampleResult; quota: string }> {
	if (!llm.configured) throw new SampleOpenAiNotConfiguredError();
	const ticket = await llm.begin(who);
	const dist = await spend(ticket, (client) => openaiNextTokens(client, prompt, MAX_TOP_LOGPROBS));
	return { result: sampleFromServer(dist, prompt, settings), quota: remainingLine(ticket, llm.dailyQuota) };
}
