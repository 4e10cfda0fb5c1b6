import { ApplicationCommandOptionType as T } from 'discord-api-types/v10';
import { defineCommand } from '../src/core/command.js';
import { DEMO_COOLDOWN } from '../src/core/rate-limit.js';
import {
	MAX_SEED,
	PROMPT_MAX_CHARACTERS,
	SAMPLE_MAX_SAMPLES,
	SAMPLE_MAX_TOKENS,
	settingsFrom,
} from '../src/demos/sample/input.js';
import { sampleOpenAi } from '../src/demos/sample/openai.js';
import {
	BEAM_DEFAULT_TOKENS,
	BEAM_DEFAULT_WIDTH,
	BEAM_MAX_TOKENS,
	BEAM_MAX_WIDTH,
	BEAM_MIN_WIDTH,
} from '../src/demos/sample/beam.js';
import { beamReply } from '../src/demos/sample/beam-reply.js';
import { UserError } from '../src/core/errors.js';
import { sampleReply } from '../src/demos/sample/reply.js';
import { withRerun } from '../src/demos/rerun/index.js';
import { t } from '../src/i18n/index.js';
import { shownCommandName } from '../src/i18n/command-texts.js';
import { englishOnlyNote } from '../src/demos/english-only.js';

export default defineCommand({
	data: {
		name: 'sample',
		description: 'Generate text token by token and see the probabilities: temperature, top-k, top-p, min-p, seed',
		options: [
			{
				type: T.String,
				name: 'prompt',
				description: 'The text to continue',
				required: true,
				max_length: PROMPT_MAX_CHARACTERS,
			},
			{
				type: T.Number,
				name: 'temperature',
				description: 'Divides the logits: 0 = greedy (always the top token), 1 = as is (default), 2 = flat',
				min_value: 0,
				max_value: 2,
			},
			{
				type: T.Integer,
				name: 'top_k',
				description: 'Keep only the k most likely tokens (0 = off, the default)',
				min_value: 0,
			},
			{
				type: T.Number,
				name: 'top_p',
				description: 'Keep the fewest most likely tokens whose probabilities add up to p (1 = off, the default)',
				min_value: 0,
				max_value: 1,
			},
			{
				type: T.Number,
				name: 'min_p',
				description: 'Keep tokens with p ≥ min_p × the top token’s p (0 = off, the default)',
				min_value: 0,
				max_value: 1,
			},
			{
				type: T.Integer,
				name: 'seed',
				description: 'Same seed, same output (default: a random seed, shown in the reply)',
				min_value: 0,
				max_value: MAX_SEED,
			},
			{
				type: T.Integer,
				name: 'tokens',
				description: `How many tokens to generate (default 20, up to ${SAMPLE_MAX_TOKENS})`,
				min_value: 1,
				max_value: SAMPLE_MAX_TOKENS,
			},
			{
				type: T.Integer,
				name: 'samples',
				description: `Draw the next token this many times and show a histogram (1–${SAMPLE_MAX_SAMPLES})`,
				min_value: 1,
				max_value: SAMPLE_MAX_SAMPLES,
			},
			{
				type: T.String,
				name: 'strategy',
				description: 'How the next token is chosen (default: sample with the options above)',
				choices: [
					{ name: 'sample: draw each token at random (temperature, top-k, top-p, min-p)', value: 'sample' },
					{ name: 'beam: keep the width most likely sequences, beside greedy', value: 'beam' },
				],
			},
			{
				type: T.Integer,
				name: 'width',
				description: `Beam search: how many sequences to keep (default ${BEAM_DEFAULT_WIDTH})`,
				min_value: BEAM_MIN_WIDTH,
				max_value: BEAM_MAX_WIDTH,
			},
			{
				type: T.String,
				name: 'engine',
				description: 'Whose probabilities (default: our own small model)',
				choices: [
					{ name: 'local: tiny-gpt, our model trained on Shakespeare and Tolstoy', value: 'local' },
					{ name: 'openai: the real model’s top 20 next tokens (needs the AI tutor)', value: 'openai' },
				],
			},
		],
	},
	cooldown: DEMO_COOLDOWN,
	// Generating runs the model once per token in a worker (up to 150 passes): acknowledge at once.
	defer: true,
	async run({ args, deps, guildId, user }) {
		if (args.strategy === 'beam') {
			if (args.engine === 'openai') throw new UserError(t('sample.errors.beamOpenAi'));
			const length = args.tokens ?? BEAM_DEFAULT_TOKENS;
			if (length > BEAM_MAX_TOKENS)
				throw new UserError(t('sample.errors.beamTooLong', { max: BEAM_MAX_TOKENS, length }));
			const width = args.width ?? BEAM_DEFAULT_WIDTH;
			const out = await deps.compute.run('sample.beam', { prompt: args.prompt, width, length });
			const note = englishOnlyNote(args.prompt, out.view.promptTokens, 'sample', deps.llm.configured);
			return beamReply(out.view, out.png, out.description, note);
		}
		const settings = settingsFrom(args);
		// "Run again with…" keeps the seed that was used, so a changed temperature is compared on the same draws.
		const rerunArgs = { ...args, seed: settings.seed };
		const prefer = ['prompt', 'temperature', 'top_k', 'top_p', 'seed'];
		if (args.engine === 'openai') {
			const { result, quota } = await sampleOpenAi(deps.llm, { guildId, userId: user.id }, args.prompt, settings);
			return withRerun(
				sampleReply(result, await deps.compute.run('sample.render', result), quota),
				'sample',
				rerunArgs,
				deps,
				{ prefer },
			);
		}
		const out = await deps.compute.run(
			'sample.local',
			{ prompt: args.prompt, settings },
			{ member: user.id, command: shownCommandName('sample') },
		);
		const note = englishOnlyNote(args.prompt, out.result.promptTokens ?? 0, 'sample', deps.llm.configured);
		return withRerun(sampleReply(out.result, out.charts, '', note), 'sample', rerunArgs, deps, { prefer });
	},
});
