import { ApplicationCommandOptionType as T } from 'discord-api-types/v10';
import { defineCommand } from '../src/core/command.js';
import { DEMO_COOLDOWN } from '../src/core/rate-limit.js';
import { withRerun } from '../src/demos/rerun/index.js';
import { MODEL_TEXT_MAX_CHARACTERS, tooManyTokensError } from '../src/demos/residual/model-text.js';
import { residualReply } from '../src/demos/residual/reply.js';
import { englishOnlyNote } from '../src/demos/english-only.js';

export default defineCommand({
	data: {
		name: 'residual',
		description: 'Our transformer’s residual stream: what each layer adds, and the prediction forming (logit lens)',
		options: [
			{
				type: T.String,
				name: 'text',
				description: 'The text to run through the model (up to its 128 tokens)',
				required: true,
				max_length: MODEL_TEXT_MAX_CHARACTERS,
			},
		],
	},
	cooldown: DEMO_COOLDOWN,
	// The model loads in a worker on first use: acknowledge at once.
	defer: true,
	async run({ args, deps }) {
		const out = await deps.compute.run('residual.run', { text: args.text });
		if (out.kind === 'too-long') throw tooManyTokensError('residual', out.tokens, out.contextLength);
		const note = englishOnlyNote(args.text, out.data.tokens.length, 'layers', deps.llm.configured);
		return withRerun(residualReply(out, note), 'residual', args, deps);
	},
});
