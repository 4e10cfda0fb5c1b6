import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import { LIMITS } from '../core/limits.js';
import type { Curriculum } from '../curriculum/index.js';
import { currentEntry, type Ledger, type LedgerEntry } from '../storage/repositories/schedule-ledger.js';
import type { GuildSchedule, MeetingSettings } from '../storage/repositories/schedules.js';
import { postJobId, unsettledEntries } from './due.js';
import { nextMeetingAfter, planStatus, upcomingPosts, type PlannedPost } from './plan.js';
import { formatClockTime } from './zoned-time.js';
import { discordTime, fitLines, WEEK_COLOR } from './weekly-post.js';

/** How `/schedule show` (and the other subcommands' confirmations) describe a schedule. */

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** `Mondays at 09:00` for a simple weekly expression, else the expression itself. */
export function describePostTime(cron: string): string {
	const match = /^(\d{1,2}) (\d{1,2}) \* \* ([0-7])$/.exec(cron);
	if (!match) return `at \`${cron}\``;
	return `${WEEKDAYS[Number(match[3]) % 7]}s at ${formatClockTime(Number(match[2]), Number(match[1]))} (\`${cron}\`)`;
}

/**
 * The line members read about the next meeting, from the server's schedule: a Discord timestamp (each reader sees it
 * in their own time zone), "now" during a meeting, or how to get one set when the server has no schedule.
 */
export function nextMeetingLine(schedule: Pick<GuildSchedule, 'meeting' | 'timezone'> | undefined, now: Date): string {
	if (!schedule) return '🗓️ No meeting time is set for this server yet: an organizer sets it with `/schedule set`.';
	const lengthMs = schedule.meeting.durationMinutes * 60_000;
	// The meeting in progress, if any, else the next one.
	const at = nextMeetingAfter(schedule.meeting, new Date(now.getTime() - lengthMs), schedule.timezone);
	if (at.getTime() <= now.getTime())
		return `🗓️ The meeting is on now: it started ${discordTime(at, 'R')} and ends ${discordTime(new Date(at.getTime() + lengthMs), 'R')}.`;
	return `🗓️ Next meeting: ${discordTime(at, 'F')} (${discordTime(at, 'R')})`;
}

/** `Wednesdays at 21:00 for 90 minutes, in <#…>`. */
export function describeMeeting(meeting: MeetingSettings): string {
	const where = meeting.channelId ? `in <#${meeting.channelId}>` : 'online (an external event)';
	return `${WEEKDAYS[meeting.weekday]}s at ${formatClockTime(meeting.hour, meeting.minute)} for ${meeting.durationMinutes} minutes, ${where}`;
}

function postLine(post: PlannedPost, curriculum: Curriculum): string {
	const title = curriculum.week(post.week)?.title ?? '';
	return `Week ${post.week}${title ? ` · ${title}` : ''}: ${discordTime(post.at, 'F')} (${discordTime(post.at, 'R')})`;
}

const RECENT_MS = 14 * 24 * 60 * 60 * 1000;

/** Ledger entries an organizer should know about: unknown sends, failures, and steps left out. */
function attention(ledger: Ledger, now: Date): string[] {
	const lines: string[] = [];
	const unsettled = new Set(unsettledEntries(ledger, now).map((e) => e.jobId));
	const recent = Object.values(ledger)
		// Test posts (post-now) are answered directly and never retried.
		.filter((e) => !e.jobId.startsWith('manual:') && now.getTime() - Date.parse(e.updatedAt) <= RECENT_MS)
		.sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
	for (const e of recent) {
		const what = `Week ${e.week} ${e.kind}`;
		if (unsettled.has(e.jobId)) {
			lines.push(
				`${what}: the bot stopped while sending it, so it may be missing. Check <#${e.channelId}>; \`/schedule post-now week:${e.week}\` posts it again.`,
			);
		} else if (e.state === 'gave-up') {
			lines.push(`${what}: gave up after ${e.attempts} attempts (${e.lastError ?? 'unknown error'}).`);
		} else if (e.state === 'retry') {
			lines.push(
				`${what}: failed (${e.lastError ?? 'unknown error'}); retrying ${e.nextAttemptAt ? discordTime(new Date(e.nextAttemptAt), 'R') : 'soon'}.`,
			);
		}
		for (const [step, reason] of Object.entries(e.skipped)) {
			if (reason !== 'not asked for' && reason !== 'the meeting had already started')
				lines.push(`${what}: no ${step} (${reason}).`);
		}
	}
	return lines;
}

/**
 * What became of a planned post, from the ledger: posted (with when), being posted, failing, given up, due now, or
 * missed because the bot was down past the grace period. Never "posted" without a message.
 */
export function postOutcome(post: PlannedPost, ledger: Ledger, now: Date, graceMs: number, planId?: string): string {
	const first = ledger[postJobId(post.week, post.at, planId)];
	const e = first ? currentEntry(ledger, first.jobId) : undefined;
	if (first && e && e !== first && e.state === 'done' && e.messageId)
		return `posted ${discordTime(new Date(first.createdAt), 'R')}, then posted again by hand ${discordTime(new Date(e.createdAt), 'R')}: the first post, its thread and its event were deleted${edited(e)}`;
	if (e?.state === 'done' && e.messageId) return `posted ${discordTime(new Date(e.updatedAt), 'R')}${edited(e)}`;
	if (e?.state === 'gave-up')
		return `not posted: gave up after ${e.attempts} attempts (${e.lastError ?? 'unknown error'})`;
	if (e?.state === 'retry')
		return `not posted yet: ${e.lastError ?? 'unknown error'}; retrying ${e.nextAttemptAt ? discordTime(new Date(e.nextAttemptAt), 'R') : 'soon'}`;
	if (e) return 'being posted now';
	if (now.getTime() - post.at.getTime() <= graceMs) return 'due now: it goes out within a minute';
	return `not posted: the bot was down from its time ${discordTime(post.at, 'F')} until past the grace period`;
}

const edited = (e: LedgerEntry): string =>
	e.editedAt ? `; its text updated in place ${discordTime(new Date(e.editedAt), 'R')}` : '';

/**
 * What organizers did by hand with `/schedule post-now` in the last two weeks, newest last: posts, re-posts (with
 * what they replaced) and in-place updates, so `/schedule show` accounts for every post members can see.
 */
export function byHandLines(ledger: Ledger, guildId: string, now: Date): string[] {
	const recent = (iso: string | undefined) => iso !== undefined && now.getTime() - Date.parse(iso) <= RECENT_MS;
	const replaced = new Map(
		Object.values(ledger)
			.filter((e) => e.replacedBy)
			.map((e) => [e.replacedBy!, e]),
	);
	const lines: { at: number; text: string }[] = [];
	for (const e of Object.values(ledger)) {
		if (e.kind !== 'post') continue;
		const link = e.messageId ? `https://discord.com/channels/${guildId}/${e.channelId}/${e.messageId}` : '';
		if (e.jobId.startsWith('manual:') && recent(e.createdAt) && e.state === 'done') {
			const earlier = replaced.get(e.jobId);
			const what = earlier
				? `posted again ${discordTime(new Date(e.createdAt), 'R')}, replacing the post of ${discordTime(new Date(earlier.createdAt), 'R')} (deleted with its thread and event)`
				: `posted ${discordTime(new Date(e.createdAt), 'R')}`;
			lines.push({
				at: Date.parse(e.createdAt),
				text: `Week ${e.week}: ${what}${e.replacedBy ? ', since replaced' : `: ${link}`}`,
			});
		}
		if (recent(e.editedAt) && !e.replacedBy)
			lines.push({
				at: Date.parse(e.editedAt!),
				text: `Week ${e.week}: text updated in place ${discordTime(new Date(e.editedAt!), 'R')}: ${link}`,
			});
	}
	return lines.sort((a, b) => a.at - b.at).map((l) => l.text);
}

function statusLine(
	schedule: GuildSchedule,
	ledger: Ledger,
	now: Date,
	lastWeek: number,
	curriculum: Curriculum,
	graceMs: number,
): string {
	if (!schedule.plan) return 'Not started: `/schedule start` chooses the first week and date.';
	const status = planStatus(schedule, now, lastWeek);
	const current = status.current
		? `Week ${status.current.week} · ${curriculum.week(status.current.week)?.title ?? ''} (${postOutcome(status.current, ledger, now, graceMs, schedule.plan.id)})`
		: null;
	if (status.paused) {
		const since = schedule.pauses.find((p) => p.to === null)?.from;
		return `⏸️ Paused${since ? ` since ${discordTime(new Date(since), 'F')}` : ''}: nothing is posted until \`/schedule resume\`.${current ? `\nCurrent: ${current}` : ''}`;
	}
	if (status.finished)
		return `🏁 Finished: week ${lastWeek} (${postOutcome(status.current!, ledger, now, graceMs, schedule.plan.id)}), planned for ${discordTime(status.current!.at, 'F')}.`;
	if (!current)
		return status.next
			? `Starts with week ${status.next.week} ${discordTime(status.next.at, 'F')}.`
			: 'No post time ahead.';
	return current;
}

/** The schedule as an embed: channel, times, where the plan stands, the next posts and meeting, and problems. */
export function scheduleEmbed(
	schedule: GuildSchedule,
	ledger: Ledger,
	now: Date,
	curriculum: Curriculum,
	graceMs: number,
): APIEmbed {
	const lastWeek = curriculum.weeks.at(-1)?.number ?? 0;
	const upcoming = schedule.plan ? upcomingPosts(schedule, now, lastWeek, 3) : [];
	const meetings = schedule.plan ? planStatus(schedule, now, lastWeek) : null;
	const nextMeeting =
		[meetings?.current, ...upcoming].find((p) => p && p.meetingAt.getTime() > now.getTime())?.meetingAt ??
		nextMeetingAfter(schedule.meeting, now, schedule.timezone);
	const future = schedule.skips.filter((s) => Date.parse(s) > now.getTime());
	const problems = attention(ledger, now);
	const byHand = byHandLines(ledger, schedule.guildId, now);
	const fields: APIEmbedField[] = [
		{
			name: '📣 Weekly post',
			value: `<#${schedule.channelId}>, ${describePostTime(schedule.postCron)}, ${schedule.timezone}`,
		},
		{
			name: '🗓️ Meeting',
			value: `${describeMeeting(schedule.meeting)}\n${schedule.reminderMinutes > 0 ? `Reminder ${schedule.reminderMinutes} minutes before, in the week's thread.` : 'No reminder.'}\nNext: ${discordTime(nextMeeting, 'F')} (${discordTime(nextMeeting, 'R')})`,
		},
		{ name: '📍 Now', value: statusLine(schedule, ledger, now, lastWeek, curriculum, graceMs) },
		...(upcoming.length > 0
			? [{ name: '⏭️ Next posts', value: upcoming.map((p) => postLine(p, curriculum)).join('\n') }]
			: []),
		...(future.length > 0
			? [{ name: '⏩ Skipped', value: future.map((s) => `The post of ${discordTime(new Date(s), 'F')}`).join('\n') }]
			: []),
		...(byHand.length > 0
			? [
					{
						name: '✋ Posted by hand (/schedule post-now)',
						value: fitLines(byHand.slice(-5), LIMITS.fieldValue, (n) => `…and ${n} more.`),
					},
				]
			: []),
		...(problems.length > 0
			? [{ name: '⚠️ Needs attention', value: fitLines(problems, LIMITS.fieldValue, (n) => `…and ${n} more.`) }]
			: []),
	];
	return {
		title: 'Weekly schedule',
		color: WEEK_COLOR,
		fields,
		footer: { text: `Times show in your own time zone; the schedule runs in ${schedule.timezone}.` },
	};
}
