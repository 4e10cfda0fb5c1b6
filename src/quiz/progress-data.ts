import type { Deps } from '../core/deps.js';
import { isOrganizer } from '../core/roles.js';
import { t } from '../i18n/index.js';
import type { MeetingRecord } from '../storage/repositories/checkins.js';
import { actorOfProfile } from '../storage/repositories/member-activity.js';
import { periodStart, type Period } from './calendar.js';
import { guildCalendar, type GuildCalendar } from './guild-calendar.js';
import { summarizeProgress, type ProgressSummary } from './progress.js';
import { rankStandings, standingOf, type RankedStanding } from './scoring.js';

type DataDeps = Pick<Deps, 'repos' | 'curriculum'>;

/** A stand-in name for a member the bot has no profile of. */
export function unknownName(userId: string): string {
	return t('progress.progress.unknownName', { id: userId.slice(-4) });
}

/** One member's progress in a server, read from every repository that holds a part of it. */
export async function loadProgress(
	deps: DataDeps,
	guildId: string,
	userId: string,
	name: string | undefined,
	now: Date,
	calendar?: GuildCalendar,
): Promise<ProgressSummary> {
	const cal = calendar ?? (await guildCalendar(deps, guildId, now));
	const [answers, activity, meetings, evaluations, cards] = await Promise.all([
		deps.repos.answers.list(guildId, userId),
		deps.repos.memberActivity.get(guildId, userId),
		deps.repos.checkIns.meetings(guildId),
		deps.repos.sessionEvaluations.list(guildId, userId),
		deps.repos.reviews.cards(guildId, userId),
	]);
	return summarizeProgress({
		userId,
		name: name ?? activity?.profile.name ?? unknownName(userId),
		answers,
		activity,
		meetings,
		evaluations,
		cards,
		curriculum: deps.curriculum,
		now,
		timeZone: cal.timeZone,
		currentWeek: cal.currentWeek,
	});
}

/** Everyone the bot has seen take part in a server: quiz answers, check-ins, demos or tutor sessions. */
export async function groupMembers(
	deps: DataDeps,
	guildId: string,
	meetings?: readonly MeetingRecord[],
): Promise<string[]> {
	const [answered, active, evaluated, held] = await Promise.all([
		deps.repos.answers.members(guildId),
		deps.repos.memberActivity.members(guildId),
		deps.repos.sessionEvaluations.members(guildId),
		meetings ? Promise.resolve(meetings) : deps.repos.checkIns.meetings(guildId),
	]);
	return [...new Set([...answered, ...active, ...evaluated, ...held.flatMap((m) => m.attendeeIds)])];
}

/** Every member's progress, for /report. */
export async function loadGroup(
	deps: DataDeps,
	guildId: string,
	now: Date,
): Promise<{ members: ProgressSummary[]; meetings: MeetingRecord[]; calendar: GuildCalendar }> {
	const calendar = await guildCalendar(deps, guildId, now);
	const meetings = await deps.repos.checkIns.meetings(guildId);
	const ids = await groupMembers(deps, guildId, meetings);
	const members = await Promise.all(ids.map((id) => loadProgress(deps, guildId, id, undefined, now, calendar)));
	return { members, meetings, calendar };
}

/** A leaderboard over a period, with the names to print and how many organizers were left out. */
export interface Leaderboard {
	standings: RankedStanding[];
	names: Map<string, string>;
	excludedOrganizers: number;
	since: Date | null;
	timeZone: string;
}

/**
 * The ranking of a period (see scoring.ts for the points). When the server leaves organizers out, a member counts as
 * an organizer by the roles and permissions they had at their latest activity, checked against today's settings.
 */
export async function loadLeaderboard(
	deps: DataDeps,
	guildId: string,
	period: Period,
	now: Date,
): Promise<Leaderboard> {
	const calendar = await guildCalendar(deps, guildId, now);
	const since = periodStart(period, now, calendar.timeZone);
	const settings = await deps.repos.settings.get(guildId);
	const ids = await deps.repos.answers.members(guildId);
	const [answers, activity] = await Promise.all([
		deps.repos.answers.listMany(guildId, ids),
		deps.repos.memberActivity.getMany(guildId, ids),
	]);
	let excludedOrganizers = 0;
	const standings = ids.flatMap((id) => {
		const profile = activity.get(id)?.profile;
		if (settings.excludeOrganizersFromLeaderboard && profile && isOrganizer(actorOfProfile(profile), settings)) {
			excludedOrganizers++;
			return [];
		}
		const inPeriod = (answers.get(id) ?? []).filter((a) => since === null || Date.parse(a.at) >= since.getTime());
		return inPeriod.length > 0 ? [standingOf(id, inPeriod)] : [];
	});
	const names = new Map(ids.map((id) => [id, activity.get(id)?.profile.name ?? unknownName(id)]));
	return { standings: rankStandings(standings), names, excludedOrganizers, since, timeZone: calendar.timeZone };
}
