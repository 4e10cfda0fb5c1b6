import type { BaseContext } from '../core/context.js';
import { UserError } from '../core/errors.js';
import { t } from '../i18n/index.js';
import type { GuildSchedule } from '../storage/repositories/schedules.js';
import { planStatus } from './plan.js';
import { discordTime } from './weekly-post.js';

/**
 * `/schedule pause`, `resume` and `skip`: a started plan paused from now, resumed from now, or its next post skipped
 * (the rest of the plan moves one week later), saved as the schedule's pauses and skips. And the heading that says
 * what a start or resume set in motion.
 */

/**
 * What a start or resume set in motion, read from the plan (never a promise it does not keep): this week's post
 * going out now, or when the next one is due.
 */
export function planHeading(prefix: string, schedule: GuildSchedule, now: Date, lastWeek: number): string {
	const status = planStatus(schedule, now, lastWeek);
	const meeting = (at: Date) => t('schedule.command.forMeeting', { at: discordTime(at, 'F') });
	if (status.current && status.current.at.getTime() === now.getTime())
		return t('schedule.command.postedNow', {
			prefix,
			week: status.current.week,
			meeting: meeting(status.current.meetingAt),
		});
	if (status.next)
		return t('schedule.command.postedAt', {
			prefix,
			week: status.next.week,
			at: discordTime(status.next.at, 'F'),
			relative: discordTime(status.next.at, 'R'),
			meeting: meeting(status.next.meetingAt),
		});
	return prefix;
}

/** One change to the saved plan, refused with a UserError when it does not apply (e.g. resuming what is not paused). */
export async function changePlan(
	ctx: Pick<BaseContext, 'deps' | 'user'>,
	guildId: string,
	what: 'pause' | 'resume' | 'skip',
	now: Date,
	lastWeek: number,
): Promise<GuildSchedule> {
	const iso = now.toISOString();
	return ctx.deps.repos.schedules.update(guildId, (current) => {
		if (!current?.plan) throw new UserError(t('schedule.command.noPlan'), 'schedule.not-started');
		const open = current.pauses.find((p) => p.to === null);
		const stamp = { updatedAt: iso, updatedBy: ctx.user.id };
		if (what === 'pause') {
			if (open) throw new UserError(t('schedule.command.alreadyPaused'), 'schedule.paused');
			return { ...current, ...stamp, pauses: [...current.pauses, { from: iso, to: null }] };
		}
		if (what === 'resume') {
			if (!open) throw new UserError(t('schedule.command.notPaused'), 'schedule.not-paused');
			return { ...current, ...stamp, pauses: current.pauses.map((p) => (p === open ? { ...p, to: iso } : p)) };
		}
		const next = planStatus(current, now, lastWeek).next;
		if (!next)
			throw new UserError(
				open ? t('schedule.command.pausedNoNext') : t('schedule.command.finishedNoNext'),
				'schedule.no-next',
			);
		return { ...current, ...stamp, skips: [...current.skips, next.at.toISOString()] };
	});
}
