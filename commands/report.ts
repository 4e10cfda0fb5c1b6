import { defineCommand } from '../src/core/command.js';
import { toBuffer } from '../src/compute/compute.js';
import { ORGANIZER_PERMISSIONS, requireGuild, requireOrganizer } from '../src/core/roles.js';
import { reportCard } from '../src/quiz/charts.js';
import { loadGroup } from '../src/quiz/progress-data.js';
import { reportCsv } from '../src/quiz/report.js';
import { CARD_COOLDOWN } from '../src/core/rate-limit.js';

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
			title: 'Study group report',
			asOf: day,
			members,
			meetings: meetings.map((m) => ({ meetingId: m.meetingId, week: m.week, attendees: m.attendeeIds.length })),
		});
		const png = toBuffer(await deps.compute.run('quiz.card', card));
		return {
			content: `📊 Group report: ${members.length} member${members.length === 1 ? '' : 's'}, ${meetings.length > 0 ? `${meetings.length} meeting${meetings.length === 1 ? '' : 's'}` : 'no meetings recorded yet (members record one with `/checkin` during the meeting)'}. The CSV has one row per member (accuracy and mastery as fractions 0–1).`,
			files: [
				{
					name: `report-${day}.csv`,
					data: Buffer.from(csv, 'utf8'),
					description:
						'One row per member: attendance, answers, accuracy, points, streak, demos, reviews, tutor sessions, mastery per week',
				},
				{
					name: `report-${day}.png`,
					data: png,
					description: `Group overview: ${members.length} members, ${meetings.length > 0 ? `${meetings.length} meetings` : 'no meetings yet'}.`,
				},
			],
			ephemeral: true,
		};
	},
});
