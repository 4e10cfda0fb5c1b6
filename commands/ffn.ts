import { ApplicationCommandOptionType as T } from 'discord-api-types/v10';
import { defineCommand } from '../src/core/command.js';
import { DEMO_COOLDOWN } from '../src/core/rate-limit.js';
import { ffnReply } from '../src/demos/ffn/reply.js';
import { withRerun } from '../src/demos/rerun/index.js';
import { shippedModelConfig } from '../src/models/transformer/shipped-config.js';
import { checkLayer, MODEL_TEXT_MAX_CHARACTERS, tooManyTokensError } from '../src/demos/residual/model-text.js';
import { englishOnlyNote } from '../src/demos/english-only.js';

/** The layer shown by default, counted from 1: the first layer's FFN fires broadly, the second's units are pickier. */
export const FFN_DEFAULT_LAYER = 2;

export default defineCommand({
	data: {
		name: 'ffn',
		description: 'Feed-forward layer of our transformer: the hidden units each token fires, and what fires them',
		options: [
			{
				type: T.String,
				name: 'text',
				description: 'The text to run through the model (up to its 128 tokens)',
				required: true,
				max_length: MODEL_TEXT_MAX_CHARACTERS,
			},
			{
				type: T.Integer,
				name: 'layer',
				description: `Which layer, counted from 1 (1 = nearest the input; default ${FFN_DEFAULT_LAYER})`,
				min_value: 1,
			},
		],
	},
	cooldown: DEMO_COOLDOWN,
	// The model and ffn-top.json load in a worker on first use: acknowledge at once.
	defer: true,
	async run({ args, deps }) {
		const layer = checkLayer('ffn', await shippedModelConfig(), args.layer ?? FFN_DEFAULT_LAYER);
		const out = await deps.compute.run('ffn.run', { text: args.text, layer });
		if (out.kind === 'too-long') throw tooManyTokensError('ffn', out.tokens, out.contextLength);
		const note = englishOnlyNote(args.text, out.data.tokens.length, 'layers', deps.llm.configured);
		return withRerun(ffnReply(out, note), 'ffn', args, deps);
	},
});
