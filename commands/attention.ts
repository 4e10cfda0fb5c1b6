import { ApplicationCommandOptionType as T } from 'discord-api-types/v10';
import { defineCommand } from '../src/core/command.js';
import { DEMO_COOLDOWN } from '../src/core/rate-limit.js';
import {
	ATTENTION_MAX_TOKENS,
	ATTENTION_TEXT_MAX_CHARACTERS,
	checkLayerHead,
	layerChoiceName,
	numberChoices,
	STEPS_MAX_TOKENS,
	tooManyTokensError,
} from '../src/demos/attention/input.js';
import { attentionReply } from '../src/demos/attention/reply.js';
import { koreanNotes } from '../src/demos/attention/korean.js';
import { withRerun } from '../src/demos/rerun/index.js';
import { shippedModelConfig } from '../src/models/transformer/shipped-config.js';
import { t } from '../src/i18n/index.js';

export default defineCommand({
	data: {
		name: 'attention',
		description: 'See where each token looks: attention maps of our own small trained transformer',
		options: [
			{
				type: T.String,
				name: 'text',
				description: `The text to run through the model (up to ${ATTENTION_MAX_TOKENS} tokens)`,
				required: true,
				max_length: ATTENTION_TEXT_MAX_CHARACTERS,
			},
			{
				type: T.Integer,
				name: 'layer',
				description: 'Which layer, counted from 1 (1 = nearest the input; default 1)',
				min_value: 1,
				autocomplete: true,
			},
			{
				type: T.Integer,
				name: 'head',
				description: 'Which head of the layer, counted from 1 (default 1)',
				min_value: 1,
				autocomplete: true,
			},
			{
				type: T.String,
				name: 'view',
				description: 'What to draw (default: one head)',
				choices: [
					{ name: 'head: one head’s map, tokens labelled', value: 'head' },
					{ name: 'heads: every head of the layer, and how they combine', value: 'heads' },
					{ name: `steps: one head’s arithmetic with numbers (first ${STEPS_MAX_TOKENS} tokens)`, value: 'steps' },
				],
			},
		],
	},
	cooldown: DEMO_COOLDOWN,
	// The model loads in a worker on first use and the charts render there: acknowledge at once.
	defer: true,
	async run({ args, deps }) {
		const view = args.view ?? 'head';
		const config = await shippedModelConfig();
		const { layer, head } = checkLayerHead(config, args.layer ?? 1, args.head ?? 1);
		const out = await deps.compute.run('attention.run', { text: args.text, layer, head, view });
		if (out.kind === 'too-long') throw tooManyTokensError(out.tokens);
		const notes = [
			...(view === 'heads' && args.head !== undefined ? [t('attention.headUnused')] : []),
			...koreanNotes(out.data, deps.llm.configured),
		];
		return withRerun(attentionReply(out.data, out.files, notes), 'attention', args, deps, {
			prefer: ['text', 'layer', 'head', 'view'],
		});
	},
	async autocomplete({ focused }) {
		const config = await shippedModelConfig();
		if (focused.name === 'layer')
			return numberChoices(config.nLayers, focused.value, (n) => layerChoiceName(n, config.nLayers));
		if (focused.name === 'head')
			return numberChoices(config.nHeads, focused.value, (n) =>
				t('attention.choices.head', { n, count: config.nHeads }),
			);
		return [];
	},
});
