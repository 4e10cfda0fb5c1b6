import type { Curriculum } from '../../curriculum/curriculum.js';
import type { Week } from '../../curriculum/schema.js';
import type { Deps } from '../../core/deps.js';
import { UserError } from '../../core/errors.js';
import { planStatus } from '../../jobs/plan.js';
import { bestWeekFor } from '../prompts/context.js';
import { t } from '../../i18n/index.js';

/** How the week an answer is grounded in was chosen, said in the footer. */
export type WeekSource = 'asked' | 'current' | 'session' | 'matched' | 'first';

/**
 * The week an /ask answer is grounded in: the one the member named; else the server's current week (its
 * /schedule plan); else the week of the member's open /session; else the week whose page best matches the
 * question; else week 1.
 */
export async function resolveWeek(
	deps: Pick<Deps, 'repos' | 'clock'>,
	curriculum: Curriculum,
	input: { week?: number; guildId: string | null; userId: string; question: string },
): Promise<{ week: Week; source: WeekSource }> {
	if (input.week !== undefined) {
		const week = curriculum.week(input.week);
		if (!week)
			throw new UserError(t('tutor.ask.noWeek', { week: input.week, last: curriculum.weeks.length }), 'ask.week');
		return { week, source: 'asked' };
	}
	if (input.guildId) {
		const schedule = await deps.repos.schedules.get(input.guildId);
		if (schedule?.plan) {
			const status = planStatus(schedule, deps.clock.now(), curriculum.weeks.at(-1)?.number ?? 1);
			const week = status.current ? curriculum.week(status.current.week) : undefined;
			if (week) return { week, source: 'current' };
		}
		const session = await deps.repos.tutorSessions.latest(input.guildId, input.userId);
		const week = session && !session.finishedAt ? curriculum.week(session.week) : undefined;
		if (week) return { week, source: 'session' };
	}
	const matched = bestWeekFor(input.question, curriculum.weeks);
	if (matched) return { week: matched, source: 'matched' };
	return { week: curriculum.weeks[0]!, source: 'first' };
}
