import { defineCommand } from '../src/core/command.js';
import { toBuffer } from '../src/compute/compute.js';
import { ORGANIZER_PERMISSIONS, requireGuild, requireOrganizer } from '../src/core/roles.js';
import { reportCard } from '../src/quiz/charts.js';
import { loadGroup } from '../src/quiz/progress-data.js';
import { reportCsv } from '../src/quiz/report.js';
import { CARD_COOLDOWN } from '../src/core/rate-limit.js';
import { t } from '../src/i18n/index.js';

export default defineCommand({
	data: {
		name: 'report',
		description: 'Every member’s progress as a CSV file, and an overview chart of the group (organizers)',
		contexts: [0],
		default_member_permissions: ORGANIZER_PERMISSIONS,
	},
	cooldown: CARD_COOLDOWN,
	audience: 'organizer',
	defer: 'ephemeral',
	async run({ user, guildId, deps }) {
		const guild = requireGuild(guildId);
		requireOrganizer(user, await deps.repos.settings.get(guild), 'download the group report');
		const now = deps.clock.now();
		const { members, meetings } = await loadGroup(deps, guild, now);
		const day = now.toISOString().slice(0, 10);
		const csv = reportCsv(
			members,
			deps.curriculum.weeks.map((w) => w.number),
		);
		const card = reportCard({
			title: t('progress.report.title'),
			asOf: day,
			members,
			meetings: meetings.map((m) => ({ meetingId: m.meetingId, week: m.week, attendees: m.attendeeIds.length })),
		});
		const png = toBuffer(await deps.compute.run('quiz.card', card));
		return {
			content: t('progress.report.content', {
				members: t('progress.counts.members', { count: members.length }),
				meetings:
					meetings.length > 0
						? t('progress.counts.meetings', { count: meetings.length })
						: t('progress.report.noMeetings'),
			}),
			files: [
				{
					name: `report-${day}.csv`,
					data: Buffer.from(csv, 'utf8'),
					description: t('progress.report.csvAlt'),
				},
				{
					name: `report-${day}.png`,
					data: png,
					description: t('progress.report.pngAlt', {
						members: members.length,
						meetings:
							meetings.length > 0
								? t('progress.report.pngMeetings', { n: meetings.length })
								: t('progress.report.pngNoMeetings'),
					}),
				},
			],
			ephemeral: true,
		};
	},
});
