import type { ChatMessage, LlmClient } from './client.js';
import { cosineSimilarity } from '../models/vector-math.js';
import { LlmError } from './errors.js';

/**
 * The real model as an engine for /sample and /similarity (`engine:openai`). Callers take a ticket first
 * (`deps.llm.begin`, which checks the key, the server switch and the quota) and run these through `spend`.
 */

/** One candidate for the next token. */
export interface TokenCandidate {
	token: string;
	logprob: number;
	/** exp(logprob). */
	probability: number;
	/** The token's UTF-8 bytes when the server gives them (a token can be part of a character). */
	bytes: number[] | null;
}

export interface NextTokenDistribution {
	model: string;
	/** Up to `top` candidates, most probable first. */
	candidates: TokenCandidate[];
	/** The token the server generated. */
	chosen: TokenCandidate;
	/** Probability mass of the candidates shown; `1 − covered` is spread over every other token. */
	covered: number;
}

/** The most candidates OpenAI returns (`top_logprobs` ≤ 20). */
export const MAX_TOP_LOGPROBS = 20;

/**
 * Chat models do not continue raw text; they answer. This instruction makes the first generated token the
 * continuation of the member's text, which is the closest a chat API gets to a base model's next token.
 */
export const CONTINUE_INSTRUCTION =
	'Continue the user’s text. Output only the continuation, starting exactly where the text stops.';

function candidate(t: { token: string; logprob: number; bytes: number[] | null }): TokenCandidate {
	return { token: t.token, logprob: t.logprob, probability: Math.exp(t.logprob), bytes: t.bytes };
}

/**
 * The real model's next-token distribution for `prompt`: one chat completion with `max_tokens: 1`,
 * `logprobs: true, top_logprobs: top`. A server that ignores or refuses log-probabilities (some Ollama and
 * llama.cpp versions, reasoning models) gives an {@link LlmError} `llm.no-logprobs` whose message says so.
 */
export async function openaiNextTokens(
	client: LlmClient,
	prompt: string,
	top = MAX_TOP_LOGPROBS,
): Promise<NextTokenDistribution> {
	const messages: ChatMessage[] = [
		{ role: 'system', content: CONTINUE_INSTRUCTION },
		{ role: 'user', content: prompt },
	];
	let raw;
	try {
		raw = await client.firstTokenLogprobs(messages, Math.min(Math.max(1, Math.round(top)), MAX_TOP_LOGPROBS));
	} catch (error) {
		if (error instanceof LlmError && error.code === 'llm.bad-request') {
			throw new LlmError(
				`The model server refused to return log-probabilities for \`${client.model}\`, so the real model’s next-token distribution cannot be shown (it may not support \`logprobs\`).`,
				'llm.no-logprobs',
				false,
			);
		}
		throw error;
	}
	const candidates = raw.top.map(candidate).sort((a, b) => b.logprob - a.logprob);
	return {
		model: client.model,
		candidates,
		chosen: candidate(raw.chosen),
		covered: candidates.reduce((sum, c) => sum + c.probability, 0),
	};
}

/** The symmetric matrix of pairwise cosine similarities (1 on the diagonal for non-zero vectors). */
export function similarityMatrix(vectors: readonly (readonly number[])[]): number[][] {
	return vectors.map((a, i) => vectors.map((b, j) => (i === j && a.some((x) => x !== 0) ? 1 : cosineSimilarity(a, b))));
}

export interface SentenceSimilarity {
	model: string;
	texts: string[];
	dimensions: number;
	vectors: number[][];
	/** matrix[i][j] = cosine similarity of texts i and j. */
	matrix: number[][];
}

/** Texts per request: enough for a matrix that still reads on a phone. */
export const MAX_SENTENCES = 12;

/** Sentence embeddings from the embedding model, and their cosine similarities. */
export async function openaiSentenceSimilarity(
	client: LlmClient,
	texts: readonly string[],
): Promise<SentenceSimilarity> {
	if (texts.length === 0 || texts.length > MAX_SENTENCES)
		throw new RangeError(`expected 1–${MAX_SENTENCES} texts, got ${texts.length}`);
	const vectors = await client.embed(texts);
	const dimensions = vectors[0]?.length ?? 0;
	if (vectors.some((v) => v.length !== dimensions)) {
		throw new LlmError('The embedding server returned vectors of different lengths.', 'llm.malformed', false);
	}
	return { model: client.embeddingModel, texts: [...texts], dimensions, vectors, matrix: similarityMatrix(vectors) };
}
