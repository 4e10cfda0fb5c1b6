import { ApplicationCommandOptionType as T } from 'discord-api-types/v10';
import { defineCommand } from '../src/core/command.js';
import { INTERVAL_DAYS } from '../src/quiz/leitner.js';
import { startReview } from '../src/quiz/practice-flow.js';

export default defineCommand({
	data: {
		name: 'review',
		description: `Questions you got wrong, brought back spaced out (${INTERVAL_DAYS.join(', ')} days)`,
		contexts: [0],
		options: [
			{
				type: T.Integer,
				name: 'count',
				description: 'At most this many due questions (default 10)',
				min_value: 1,
				max_value: 20,
			},
		],
	},
	audience: 'member',
	defer: 'ephemeral',
	// The run uses /quiz's buttons (quiz:pick, quiz:next, …): a review is a practice session in review mode.
	run: (ctx) => startReview(ctx, ctx.args.count ?? 10),
});
