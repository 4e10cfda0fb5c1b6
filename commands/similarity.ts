import { ApplicationCommandOptionType as T } from 'discord-api-types/v10';
import { defineCommand } from '../src/core/command.js';
import { computeOpenAi } from '../src/demos/similarity/openai.js';
import { parseRequest } from '../src/demos/similarity/parse.js';
import { withRerun } from '../src/demos/rerun/index.js';
import { missingWordsError, similarityReply } from '../src/demos/similarity/reply.js';
import { loadWordVectors } from '../src/models/embeddings/index.js';
import { DEMO_COOLDOWN } from '../src/core/rate-limit.js';

export default defineCommand({
	data: {
		name: 'similarity',
		description: 'Compare words by the cosine similarity of their vectors (embeddings)',
		options: [
			{
				type: T.String,
				name: 'words',
				description:
					'Words split by spaces or commas, e.g. king queen; or king - man + woman; openai: texts split by |',
				required: true,
				max_length: 1000,
			},
			{
				type: T.String,
				name: 'mode',
				description: 'What to compute (default: pair for 2 words, matrix for more, neighbors for 1)',
				choices: [
					{ name: 'pair: the cosine with its formula (2 words)', value: 'pair' },
					{ name: 'matrix: a heatmap of every pair (2–12 words)', value: 'matrix' },
					{ name: 'neighbors: the 10 nearest words (1–3 words)', value: 'neighbors' },
					{ name: 'map: words and their neighbours in 2-D by PCA (1–5 words)', value: 'map' },
					{ name: 'analogy: king - man + woman, or man king woman (3 words)', value: 'analogy' },
				],
			},
			{
				type: T.String,
				name: 'engine',
				description: 'Whose vectors (default: the built-in word vectors)',
				choices: [
					{ name: 'local: GloVe word vectors, 100 dimensions', value: 'local' },
					{ name: 'openai: the embedding model (needs the AI tutor; pair and matrix)', value: 'openai' },
				],
			},
		],
	},
	cooldown: DEMO_COOLDOWN,
	// Reading the word vectors (45 MB) and TensorFlow.js for the map take seconds on first use: acknowledge at once.
	defer: true,
	async run({ args, deps, guildId, user }) {
		const engine = args.engine ?? 'local';
		const request = parseRequest(args.words, args.mode, engine);
		if (engine === 'openai') {
			const { result, quota } = await computeOpenAi(deps.llm, { guildId, userId: user.id }, request);
			return withRerun(
				similarityReply(result, await deps.compute.run('similarity.render', result), quota),
				'similarity',
				args,
				deps,
			);
		}
		const vectors = (await loadWordVectors()).share();
		const result = await deps.compute.run('similarity.compute', { vectors, request });
		if (result.kind === 'missing') throw missingWordsError(result, deps.llm.configured);
		return withRerun(
			similarityReply(result, await deps.compute.run('similarity.render', result)),
			'similarity',
			args,
			deps,
		);
	},
});
