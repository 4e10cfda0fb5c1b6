import { ApplicationCommandOptionType as T } from 'discord-api-types/v10';
import { toBuffer } from '../src/compute/compute.js';
import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { requireGuild } from '../src/core/roles.js';
import { progressCard } from '../src/quiz/charts.js';
import { loadProgress } from '../src/quiz/progress-data.js';
import { CARD_COOLDOWN } from '../src/core/rate-limit.js';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export default defineCommand({
	data: {
		name: 'progress',
		description: 'A progress card: attendance, quiz mastery per week, streak, demos, tutor sessions, what next',
		contexts: [0],
		options: [
			{ type: T.User, name: 'member', description: 'Whose progress (default: yours)' },
			{ type: T.Boolean, name: 'share', description: 'Post the card in the channel (default: only you see it)' },
		],
	},
	cooldown: CARD_COOLDOWN,
	lateDefer: (args) => (args.share === true ? 'public' : 'ephemeral'),
	audience: 'member',
	// No up-front defer: whether the card is private depends on `share`, and a deferred reply cannot change that.
	// The card takes a few hundred milliseconds; the dispatcher's automatic defer covers a slow one.
	async run({ args, user, guildId, deps }) {
		const guild = requireGuild(guildId);
		const member = args.member ?? { id: user.id, name: user.name, bot: false };
		if (member.bot) throw new UserError('Bots do not study (yet): pick a member.', 'progress.bot');
		const now = deps.clock.now();
		const progress = await loadProgress(deps, guild, member.id, member.id === user.id ? user.name : member.name, now);
		const card = progressCard(progress, { asOf: now.toISOString().slice(0, 10), weeks: deps.curriculum.weeks.length });
		const png = toBuffer(await deps.compute.run('quiz.card', card));
		const nothing =
			progress.answers === 0 && progress.attended === 0 && progress.demoRuns === 0 && progress.evaluations.length === 0;
		const whose = member.id === user.id ? 'You have' : `<@${member.id}> has`;
		return {
			content: nothing
				? `${whose} no recorded activity yet: try /quiz practice, /checkin during the meeting, or a demo command.`
				: `📈 Progress of <@${member.id}>`,
			files: [
				{
					name: 'progress.png',
					data: png,
					description: `Progress card of ${progress.name}: ${plural(progress.attended, 'meeting')}, ${progress.correct} of ${plural(progress.answers, 'answer')} right, streak ${plural(progress.streakWeeks, 'week')}.`,
				},
			],
			ephemeral: args.share !== true,
		};
	},
});
