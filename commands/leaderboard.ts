import { ApplicationCommandOptionType as T } from 'discord-api-types/v10';
import { toBuffer } from '../src/compute/compute.js';
import { defineCommand } from '../src/core/command.js';
import { requireGuild } from '../src/core/roles.js';
import type { Period } from '../src/quiz/calendar.js';
import { leaderboardCard } from '../src/quiz/leaderboard-cards.js';
import { loadLeaderboard } from '../src/quiz/progress-data.js';
import { PRACTICE_POINTS } from '../src/quiz/scoring.js';
import { CARD_COOLDOWN } from '../src/core/rate-limit.js';
import { currentLanguage, t } from '../src/i18n/index.js';

const title = (period: Period): string => t(`progress.leaderboard.periods.${period}`);

export default defineCommand({
	data: {
		name: 'leaderboard',
		description: 'Quiz points ranking: live quiz points plus practice',
		contexts: [0],
		options: [
			{
				type: T.String,
				name: 'period',
				description: 'Which answers count (default: this week)',
				choices: [
					{ name: 'This week (since Monday)', value: 'week' },
					{ name: 'This month', value: 'month' },
					{ name: 'All time', value: 'all' },
				],
			},
		],
	},
	cooldown: CARD_COOLDOWN,
	audience: 'member',
	defer: true,
	async run({ args, user, guildId, deps }) {
		const guild = requireGuild(guildId);
		const period: Period = args.period === 'month' || args.period === 'all' ? args.period : 'week';
		const now = deps.clock.now();
		const board = await loadLeaderboard(deps, guild, period, now);
		if (board.standings.length === 0) {
			return {
				content: t('progress.leaderboard.empty', { period: title(period) }),
			};
		}
		const since = board.since
			? t('progress.leaderboard.since', {
					date: board.since.toLocaleDateString(currentLanguage() === 'ko' ? 'ko-KR' : 'en-GB', {
						timeZone: board.timeZone,
						day: 'numeric',
						month: 'long',
						year: 'numeric',
					}),
					timeZone: board.timeZone,
				})
			: t('progress.leaderboard.ever');
		const excluded =
			board.excludedOrganizers > 0
				? t('progress.leaderboard.excluded', {
						organizers: t('progress.counts.organizers', { count: board.excludedOrganizers }),
					})
				: '';
		const card = leaderboardCard({
			title: t('progress.leaderboard.title', { period: title(period) }),
			subtitle: t('progress.leaderboard.subtitle', {
				members: t('progress.counts.members', { count: board.standings.length }),
				since,
			}),
			standings: board.standings,
			names: board.names,
			viewerId: user.id,
			footer: `${t('progress.leaderboard.footer', { practice: PRACTICE_POINTS })}${excluded}`,
		});
		const png = toBuffer(await deps.compute.run('quiz.card', card));
		const top = board.standings
			.slice(0, 3)
			.map((s) => `${s.rank}. ${board.names.get(s.userId)} (${s.points.toLocaleString('en-US')})`);
		return {
			content: t('progress.leaderboard.content', { period: title(period) }),
			files: [
				{
					name: 'leaderboard.png',
					data: png,
					description: t('progress.leaderboard.alt', { period: title(period), top: top.join(', ') }),
				},
			],
		};
	},
});
