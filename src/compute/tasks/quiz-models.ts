// The evaluator alone, not the curriculum's index: that loads its schemas (zod) and YAML loader in every thread.
import { evaluate, type ModelComputation } from '../../curriculum/compute.js';
import { beamLocal } from '../../demos/sample/beam.js';
import { ngramProbability, type NgramProbability } from '../../demos/ngram/probability.js';
import type { NgramModel } from '../../demos/ngram/counts.js';
import { cosine, loadWordVectors, vectorsFromShared, type SharedVectorData } from '../../models/embeddings/index.js';
import {
	FAMILY_INFO,
	loadFamily,
	loadModelEncoding,
	OPENAI_MODELS,
	tokenPieces,
} from '../../models/tokenizers/index.js';
import { loadTinyGpt } from '../../models/transformer/index.js';

/** A model-backed numeric answer with the lines that show how it was found. */
export interface ModelAnswer {
	value: number;
	working: string[];
}

const num = (x: number): string => String(Number(x.toPrecision(4))).replace(/^-/, '−');

const tokenList = (pieces: readonly { label: string }[]) =>
	pieces
		.slice(0, 40)
		.map((p) => `\`${p.label.replace(/`/g, 'ˋ')}\``)
		.join(' ') + (pieces.length > 40 ? ' …' : '');

/** The best beam of /sample strategy:beam for a question's prompt, width and length. */
async function beam(prompt: string, width: number, tokens: number) {
	return beamLocal(await loadTinyGpt(), prompt, Math.max(1, width), tokens);
}

/** How an n-gram probability was counted: the counts, then the smoothing formula with them filled in. */
function ngramWorking(n: NgramProbability, model: NgramModel): string[] {
	const next = `\`${n.label}\``;
	const count = (x: number) => x.toLocaleString('en-US');
	if (model === 'unigram' || !n.counts)
		return [
			`${next} occurs ${count(n.unigramCount)} times in tiny-gpt's ${count(n.trainTokens)} training tokens (vocabulary ${count(n.vocabulary)})`,
			`Add-one: (${count(n.unigramCount)} + 1) / (${count(n.trainTokens)} + ${count(n.vocabulary)}) = **${num(n.p)}**`,
		];
	const { seen, distinct } = n.counts;
	const c = n.counts.followers[n.nextId]!;
	const context = n.context.map((t) => `\`${t}\``).join(' ');
	const lower = model === 'bigram' ? 'unigram' : 'bigram';
	if (seen === 0)
		return [`${context} never occurs in the training text: the ${model} is the ${lower}'s **${num(n.p)}**`];
	return [
		`After ${context} the training text goes on ${count(seen)} times, with ${count(distinct)} different tokens; ${next} is ${count(c)} of them`,
		`Witten–Bell: (${count(c)} + ${count(distinct)} × ${num(n.lower!)}) / (${count(seen)} + ${count(distinct)}) = **${num(n.p)}**, ${num(n.lower!)} being the ${lower}'s probability`,
	];
}

/**
 * Answers a numeric quiz question that needs one of the bot's models (`token-count` with the OpenAI tokenizers,
 * `token-count-difference` with two families' tokenizers, `word-cosine` with the word vectors, `beam-score` with
 * tiny-gpt's beam search), in a worker thread: they load tens of megabytes on first use. The value is the curriculum
 * evaluator's, with the real models plugged in, so the quiz and the curriculum tests agree. Word cosines use the
 * main thread's shared index (`vectors`) when given.
 */
async function quizModelAnswer(input: {
	computation: ModelComputation;
	vectors?: SharedVectorData;
}): Promise<ModelAnswer> {
	const c = input.computation;
	// The main thread's index when it sent one, rather than a 45 MB copy of it in this thread.
	const words = () => (input.vectors ? Promise.resolve(vectorsFromShared(input.vectors)) : loadWordVectors());
	const value = await evaluate(c, {
		countTokens: async (text, encoding) => (await loadModelEncoding(encoding)).encode(text).length,
		countFamilyTokens: async (text, family) => (await loadFamily(family)).encode(text).length,
		wordCosine: async (a, b) => {
			const vectors = await words();
			const wa = vectors.find(a);
			const wb = vectors.find(b);
			if (!wa || !wb) throw new RangeError(`“${wa ? b : a}” is not in the word vectors`);
			return cosine(vectors, wa, wb).cosine;
		},
		beamScore: async (prompt, width, tokens) => (await beam(prompt, width, tokens)).beams[0]!.score,
		ngramProbability: async (prompt, next, model) =>
			(await ngramProbability(await loadTinyGpt(), prompt, next, model)).p,
	});
	switch (c.kind) {
		case 'token-count': {
			const pieces = tokenPieces(await loadModelEncoding(c.encoding), c.text);
			return {
				value,
				working: [
					`${c.encoding} (${OPENAI_MODELS[c.encoding]}) splits the text into: ${tokenList(pieces)}`,
					`That is **${value}** tokens`,
				],
			};
		}
		case 'token-count-difference': {
			const lines: string[] = [];
			const counts: number[] = [];
			for (const family of [c.more, c.fewer]) {
				const pieces = tokenPieces(await loadFamily(family), c.text);
				counts.push(pieces.length);
				lines.push(`${family} (${FAMILY_INFO[family].label}): ${pieces.length} tokens — ${tokenList(pieces)}`);
			}
			return { value, working: [...lines, `${counts[0]} − ${counts[1]} = **${value}**`] };
		}
		case 'beam-score': {
			const view = await beam(c.prompt, c.width, c.tokens);
			const best = view.beams[0]!;
			return {
				value,
				working: [
					`${c.width === 1 ? 'Greedy decoding' : `Beam search of width ${c.width}`} over ${c.tokens} tokens finds: ${tokenList(best.labels.map((label) => ({ label })))}`,
					`The sum of its tokens’ log p: **${num(value)}** (/sample strategy:beam width:${Math.max(2, c.width)} tokens:${c.tokens} shows it${c.width === 1 ? ' as greedy' : ''})`,
				],
			};
		}
		case 'ngram-probability':
			return {
				value,
				working: ngramWorking(await ngramProbability(await loadTinyGpt(), c.prompt, c.next, c.model), c.model),
			};
		case 'word-cosine': {
			const vectors = await words();
			const pair = cosine(vectors, vectors.find(c.a)!, vectors.find(c.b)!);
			return {
				value,
				working: [
					`In the bot's 100-dimensional word vectors: a·b = ${num(pair.dot)}, ‖${c.a}‖ = ${num(pair.normA)}, ‖${c.b}‖ = ${num(pair.normB)}`,
					`cos = ${num(pair.dot)} / (${num(pair.normA)} × ${num(pair.normB)}) = **${num(value)}**`,
				],
			};
		}
	}
}

/** Quiz tasks that need the bot's models. */
export const quizModelTasks = { 'quiz.modelAnswer': quizModelAnswer };
