import type { BaseContext } from '../core/context.js';
import type { Reply } from '../core/reply.js';
import { requireGuild } from '../core/roles.js';
import { guildCalendar } from './guild-calendar.js';
import { CHECKIN_EARLY_MINUTES, meetingWindow } from './meeting.js';
import { discordTime } from './view-parts.js';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * Records the member's attendance at the meeting in progress (from {@link CHECKIN_EARLY_MINUTES} minutes before its
 * start to its end, at the time the server's /schedule sets, else at the defaults of `/schedule set`: Wednesdays
 * 21:00–22:30 Seoul time). One check-in per member per meeting; the answer comes only after the store has it.
 */
export async function checkIn(ctx: BaseContext): Promise<Reply> {
	const guildId = requireGuild(ctx.guildId);
	const { deps } = ctx;
	const now = deps.clock.now();
	const calendar = await guildCalendar(deps, guildId, now);
	const { current, next } = meetingWindow(calendar.meeting, now);
	if (!current) {
		const m = calendar.meeting;
		const when = `${WEEKDAYS[m.weekday]}s ${String(m.hour).padStart(2, '0')}:${String(m.minute).padStart(2, '0')} (${m.timeZone}, ${m.durationMinutes} min)`;
		return {
			content: `🕒 Check-in is open during the meeting only (from ${CHECKIN_EARLY_MINUTES} minutes before it starts). The group meets ${when}: the next meeting starts ${discordTime(next.startsAt, 'F')}, ${discordTime(next.startsAt)}.`,
			ephemeral: true,
		};
	}
	const { recorded, checkIn: saved } = await deps.repos.checkIns.checkIn({
		guildId,
		userId: ctx.user.id,
		meetingId: current.id,
		week: calendar.currentWeek,
		meetingStartsAt: current.startsAt.toISOString(),
		at: now.toISOString(),
	});
	await deps.repos.memberActivity.touch(guildId, ctx.user, now);
	const week =
		saved.week !== null
			? ` (week ${saved.week}${deps.curriculum.week(saved.week) ? `: ${deps.curriculum.week(saved.week)!.title}` : ''})`
			: '';
	if (!recorded) {
		return {
			content: `You are already checked in to today’s meeting${week}, since ${discordTime(new Date(saved.at), 't')}. See you there!`,
			ephemeral: true,
		};
	}
	const meetings = await deps.repos.checkIns.meetings(guildId);
	const attended = meetings.filter((m) => m.attendeeIds.includes(ctx.user.id)).length;
	return {
		content: `✅ Checked in to the meeting of ${current.id}${week}. That is ${attended} meeting${attended === 1 ? '' : 's'} you attended. Your progress: /progress`,
		ephemeral: true,
	};
}
