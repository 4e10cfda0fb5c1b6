import { ApplicationCommandOptionType as T } from 'discord-api-types/v10';
import { toBuffer } from '../src/compute/compute.js';
import { defineCommand } from '../src/core/command.js';
import { requireGuild } from '../src/core/roles.js';
import type { Period } from '../src/quiz/calendar.js';
import { leaderboardCard } from '../src/quiz/charts.js';
import { loadLeaderboard } from '../src/quiz/progress-data.js';
import { PRACTICE_POINTS } from '../src/quiz/scoring.js';
import { CARD_COOLDOWN } from '../src/core/rate-limit.js';

const TITLES: Record<Period, string> = { week: 'this week', month: 'this month', all: 'all time' };

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
				content: `Nobody has quiz points ${TITLES[period]} yet. Start with /quiz practice, or ask a presenter for a live quiz.`,
			};
		}
		const since = board.since
			? `since ${board.since.toLocaleDateString('en-GB', { timeZone: board.timeZone, day: 'numeric', month: 'long', year: 'numeric' })} (${board.timeZone})`
			: 'every answer ever';
		const card = leaderboardCard({
			title: `Quiz leaderboard — ${TITLES[period]}`,
			subtitle: `${board.standings.length} member${board.standings.length === 1 ? '' : 's'} · ${since}`,
			standings: board.standings,
			names: board.names,
			viewerId: user.id,
			footer: `Points: live quiz points (500–1000 per right answer, more when faster) + ${PRACTICE_POINTS} × your best credit on each question practised.${board.excludedOrganizers > 0 ? ` ${board.excludedOrganizers} organizer${board.excludedOrganizers === 1 ? '' : 's'} left out (server setting).` : ''}`,
		});
		const png = toBuffer(await deps.compute.run('quiz.card', card));
		const top = board.standings
			.slice(0, 3)
			.map((s) => `${s.rank}. ${board.names.get(s.userId)} (${s.points.toLocaleString('en-US')})`);
		return {
			content: `🏆 Leaderboard, ${TITLES[period]}`,
			files: [{ name: 'leaderboard.png', data: png, description: `Leaderboard ${TITLES[period]}: ${top.join(', ')}.` }],
		};
	},
});
