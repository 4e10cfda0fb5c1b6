import type { BaseContext } from '../core/context.js';
import type { Reply } from '../core/reply.js';
import { requireGuild } from '../core/roles.js';
import { guildCalendar } from './guild-calendar.js';
import { CHECKIN_EARLY_MINUTES, meetingWindow } from './meeting.js';
import { currentLanguage, t } from '../i18n/index.js';
import { discordTime } from './view-parts.js';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

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
		const when = t('progress.checkin.when', {
			weekday: t(`progress.checkin.weekdays.${WEEKDAYS[m.weekday]!}`),
			time: `${String(m.hour).padStart(2, '0')}:${String(m.minute).padStart(2, '0')}`,
			timeZone: m.timeZone,
			minutes: m.durationMinutes,
		});
		return {
			content: t('progress.checkin.closed', {
				early: CHECKIN_EARLY_MINUTES,
				when,
				at: discordTime(next.startsAt, 'F'),
				relative: discordTime(next.startsAt),
			}),
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
	const shown = saved.week !== null ? deps.curriculum.in(currentLanguage()).week(saved.week) : undefined;
	const week =
		saved.week !== null
			? shown
				? t('progress.checkin.weekTitled', { number: saved.week, title: shown.title })
				: t('progress.checkin.week', { number: saved.week })
			: '';
	if (!recorded) {
		return {
			content: t('progress.checkin.already', { week, at: discordTime(new Date(saved.at), 't') }),
			ephemeral: true,
		};
	}
	const meetings = await deps.repos.checkIns.meetings(guildId);
	const attended = meetings.filter((m) => m.attendeeIds.includes(ctx.user.id)).length;
	return {
		content: t('progress.checkin.done', {
			meeting: current.id,
			week,
			attended: t('progress.counts.meetings', { count: attended }),
		}),
		ephemeral: true,
	};
}
