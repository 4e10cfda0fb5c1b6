import { UserError } from '../../core/errors.js';
import { openaiSentenceSimilarity } from '../../llm/engines.js';
import { t } from '../../i18n/index.js';
import { remainingLine, spend, type LlmService } from '../../llm/service.js';
import type { SimilarityRequest } from './parse.js';
import { pairFromVectors, type EngineInfo, type SimilarityResult } from './results.js';

/** Said when `engine:openai` is asked for but the bot has no key. */
export class EmbeddingsNotConfiguredError extends UserError {
	constructor() {
		super(t('similarity.errors.openaiNotConfigured'), 'similarity.openai-not-configured');
	}
}

/** A result from the embedding model, and the quota line to show under it. */
export interface OpenAiOutcome {
	result: SimilarityResult;
	quota: string;
}

/**
 * Compares texts with the configured embedding model (one request, counted against the member's daily tutor quota
 * and refunded if the server fails): `pair` gives the cosine with its dot product and norms, `matrix` all pairs.
 */
export async function computeOpenAi(
	llm: LlmService,
	who: { guildId: string | null; userId: string },
	request: SimilarityRequest,
): Promise<OpenAiOutcome> {
	if (!llm.configured) throw new EmbeddingsNotConfiguredError();
	const ticket = await llm.begin(who);
	const similarity = await spend(ticket, (client) => openaiSentenceSimilarity(client, request.words));
	const engine: EngineInfo = {
		kind: 'openai',
		name: t('similarity.engine.openai', { model: similarity.model }),
		dimensions: similarity.dimensions,
	};
	const quota = remainingLine(ticket, llm.dailyQuota);
	if (request.mode === 'pair') {
		const [a, b] = similarity.vectors as [number[], number[]];
		return { result: pairFromVectors(engine, [request.words[0]!, request.words[1]!], a, b), quota };
	}
	return { result: { kind: 'matrix', engine, labels: [...request.words], cosines: similarity.matrix }, quota };
}
