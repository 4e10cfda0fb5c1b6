import { ApplicationCommandOptionType as T } from 'discord-api-types/v10';
import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { DEMO_COOLDOWN } from '../src/core/rate-limit.js';
import { withRerun } from '../src/demos/rerun/index.js';
import { positionsReply } from '../src/demos/positions/reply.js';
import { t } from '../src/i18n/index.js';

/** The longest encoding drawn: a 512 × 512 similarity map is still one image of single-pixel cells. */
export const POSITIONS_MAX_LENGTH = 512;
export const POSITIONS_MAX_DIMS = 512;

export default defineCommand({
	data: {
		name: 'positions',
		description: 'Positional encoding: the sinusoidal formula next to the position embeddings our model learnt',
		options: [
			{
				type: T.Integer,
				name: 'length',
				description: `How many positions (default 64, up to ${POSITIONS_MAX_LENGTH})`,
				min_value: 2,
				max_value: POSITIONS_MAX_LENGTH,
			},
			{
				type: T.Integer,
				name: 'dims',
				description: 'Dimensions of the sinusoidal encoding, even (default: our model’s 128)',
				min_value: 2,
				max_value: POSITIONS_MAX_DIMS,
			},
		],
	},
	cooldown: DEMO_COOLDOWN,
	// The model loads in a worker on first use and three charts render there: acknowledge at once.
	defer: true,
	async run({ args, deps }) {
		if (args.dims !== undefined && args.dims % 2 !== 0) {
			throw new UserError(
				t('positions.errors.oddDims', { below: args.dims - 1, above: args.dims + 1 }),
				'positions.odd-dims',
			);
		}
		const out = await deps.compute.run('positions.run', { length: args.length ?? 64, dims: args.dims });
		return withRerun(positionsReply(out), 'positions', args, deps);
	},
});
