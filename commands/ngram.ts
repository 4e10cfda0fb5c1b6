import { ApplicationCommandOptionType as T } from 'discord-api-types/v10';
import { defineCommand } from '../src/core/command.js';
import { DEMO_COOLDOWN } from '../src/core/rate-limit.js';
import { englishOnlyNote } from '../src/demos/english-only.js';
import { checkNgramPrompt, NGRAM_PROMPT_MAX_CHARACTERS } from '../src/demos/ngram/input.js';
import { ngramReply } from '../src/demos/ngram/reply.js';
import { withRerun } from '../src/demos/rerun/index.js';

/*
 * Its own command rather than a /sample view: /sample's options (temperature, top-k/p, min-p, seed, strategy,
 * engine) are about drawing from one model and mean nothing to a table of counts, while /ngram compares four
 * models on one prompt — week 1's story (from counting to neural language models), not week 12's.
 */
export default defineCommand({
	data: {
		name: 'ngram',
		description: 'Next-token guesses of unigram, bigram and trigram counts beside tiny-gpt: why context matters',
		options: [
			{
				type: T.String,
				name: 'prompt',
				description: 'The text whose next token the four models guess',
				required: true,
				max_length: NGRAM_PROMPT_MAX_CHARACTERS,
			},
		],
	},
	cooldown: DEMO_COOLDOWN,
	// The first /ngram in a worker tokenizes the training text (about a second): acknowledge at once.
	defer: true,
	async run({ args, deps }) {
		checkNgramPrompt(args.prompt);
		const out = await deps.compute.run('ngram.next', { prompt: args.prompt });
		const note = englishOnlyNote(args.prompt, out.view.promptTokens, 'ngram', deps.llm.configured);
		return withRerun(ngramReply(out, note), 'ngram', args, deps);
	},
});
