import { defineCommand } from '../src/core/command.js';
import { checkIn } from '../src/quiz/checkin.js';

export default defineCommand({
	data: {
		name: 'checkin',
		description: 'Record that you are at this week’s meeting (open during the meeting)',
		contexts: [0],
	},
	audience: 'member',
	run: (ctx) => checkIn(ctx),
});
