import { evaluate, type ModelComputation } from '../../curriculum/index.js';
import { cosine, loadWordVectors, vectorsFromShared, type SharedVectorData } from '../../models/embeddings/index.js';
import { loadModelEncoding, OPENAI_MODELS, tokenPieces } from '../../models/tokenizers/index.js';

/** A model-backed numeric answer with the lines that show how it was found. */
export interface ModelAnswer {
	value: number;
	working: string[];
}

const num = (x: number): string => String(Number(x.toPrecision(4))).replace(/^-/, '−');

/**
 * Answers a numeric quiz question that needs one of the bot's models (`token-count` with the OpenAI tokenizers,
 * `word-cosine` with the word vectors), in a worker thread: both load tens of megabytes on first use. The value is
 * the curriculum evaluator's, with the real models plugged in, so the quiz and the curriculum tests agree. Word
 * cosines use the main thread's shared index (`vectors`) when given.
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
		wordCosine: async (a, b) => {
			const vectors = await words();
			const wa = vectors.find(a);
			const wb = vectors.find(b);
			if (!wa || !wb) throw new RangeError(`“${wa ? b : a}” is not in the word vectors`);
			return cosine(vectors, wa, wb).cosine;
		},
	});
	if (c.kind === 'token-count') {
		const pieces = tokenPieces(await loadModelEncoding(c.encoding), c.text);
		const shown = pieces
			.slice(0, 40)
			.map((p) => `\`${p.label.replace(/`/g, 'ˋ')}\``)
			.join(' ');
		return {
			value,
			working: [
				`${c.encoding} (${OPENAI_MODELS[c.encoding]}) splits the text into: ${shown}${pieces.length > 40 ? ' …' : ''}`,
				`That is **${value}** tokens`,
			],
		};
	}
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

/** Quiz tasks that need the bot's models. */
export const quizModelTasks = { 'quiz.modelAnswer': quizModelAnswer };
