import { ApplicationCommandOptionType as T } from 'discord-api-types/v10';
import { toBuffer } from '../src/compute/compute.js';
import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { requireGuild } from '../src/core/roles.js';
import { progressCard } from '../src/quiz/charts.js';
import { loadProgress } from '../src/quiz/progress-data.js';
import { CARD_COOLDOWN } from '../src/core/rate-limit.js';
import { currentLanguage, t } from '../src/i18n/index.js';

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
		if (member.bot) throw new UserError(t('progress.progress.bot'), 'progress.bot');
		const now = deps.clock.now();
		// Week titles and the session format in the member's language; question ids, hence progress, are shared.
		const curriculum = deps.curriculum.in(currentLanguage());
		const name = member.id === user.id ? user.name : member.name;
		const progress = await loadProgress({ ...deps, curriculum }, guild, member.id, name, now);
		const card = progressCard(progress, {
			asOf: now.toISOString().slice(0, 10),
			weeks: deps.curriculum.weeks.length,
			format: curriculum.format,
		});
		const png = toBuffer(await deps.compute.run('quiz.card', card));
		const nothing =
			progress.answers === 0 && progress.attended === 0 && progress.demoRuns === 0 && progress.evaluations.length === 0;
		const mention = `<@${member.id}>`;
		return {
			content: nothing
				? member.id === user.id
					? t('progress.progress.nothingSelf')
					: t('progress.progress.nothingOther', { member: mention })
				: t('progress.progress.title', { member: mention }),
			files: [
				{
					name: 'progress.png',
					data: png,
					description: t('progress.progress.alt', {
						name: progress.name,
						meetings: t('progress.counts.meetings', { count: progress.attended }),
						correct: progress.correct,
						answers: t('progress.counts.answers', { count: progress.answers }),
						streak: t('progress.counts.weeks', { count: progress.streakWeeks }),
					}),
				},
			],
			ephemeral: args.share !== true,
		};
	},
});
