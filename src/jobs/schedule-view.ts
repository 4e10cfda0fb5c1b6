import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import { LIMITS } from '../core/limits.js';
import { t, type MessageKey } from '../i18n/index.js';
import type { Curriculum } from '../curriculum/index.js';
import {
	currentEntry,
	type Ledger,
	type LedgerEntry,
	type LedgerStep,
} from '../storage/repositories/schedule-ledger.js';
import type { GuildSchedule, MeetingSettings } from '../storage/repositories/schedules.js';
import { postJobId, unsettledEntries } from './due.js';
import { nextMeetingAfter, planStatus, upcomingPosts, type PlannedPost } from './plan.js';
import { formatClockTime } from './zoned-time.js';
import { discordTime, fitLines, WEEK_COLOR } from './weekly-post.js';

const dayName = (weekday: number): string => t(`schedule.days.${(weekday % 7) as 0 | 1 | 2 | 3 | 4 | 5 | 6}`);

/** How `/schedule show` (and the other subcommands' confirmations) describe a schedule. */

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** `Mondays at 09:00` for a simple weekly expression, else the expression itself. */
export function describePostTime(cron: string): string {
	const match = /^(\d{1,2}) (\d{1,2}) \* \* ([0-7])$/.exec(cron);
	if (!match) return t('schedule.view.postTimeCron', { cron });
	return t('schedule.view.postTime', {
		day: dayName(Number(match[3])),
		time: formatClockTime(Number(match[2]), Number(match[1])),
		cron,
	});
}

/**
 * The line members read about the next meeting, from the server's schedule: a Discord timestamp (each reader sees it
 * in their own time zone), "now" during a meeting, or how to get one set when the server has no schedule.
 */
export function nextMeetingLine(schedule: Pick<GuildSchedule, 'meeting' | 'timezone'> | undefined, now: Date): string {
	if (!schedule) return t('info.meeting.none');
	const lengthMs = schedule.meeting.durationMinutes * 60_000;
	// The meeting in progress, if any, else the next one.
	const at = nextMeetingAfter(schedule.meeting, new Date(now.getTime() - lengthMs), schedule.timezone);
	if (at.getTime() <= now.getTime())
		return t('info.meeting.now', {
			started: discordTime(at, 'R'),
			ends: discordTime(new Date(at.getTime() + lengthMs), 'R'),
		});
	return t('info.meeting.next', { at: discordTime(at, 'F'), relative: discordTime(at, 'R') });
}

/** `Wednesdays at 21:00 for 90 minutes, in <#…>`. */
export function describeMeeting(meeting: MeetingSettings): string {
	const where = meeting.channelId
		? t('schedule.view.inChannel', { channel: meeting.channelId })
		: t('schedule.view.online');
	return t('schedule.view.meeting', {
		day: dayName(meeting.weekday),
		time: formatClockTime(meeting.hour, meeting.minute),
		minutes: meeting.durationMinutes,
		where,
	});
}

function postLine(post: PlannedPost, curriculum: Curriculum): string {
	const title = curriculum.week(post.week)?.title ?? '';
	return t('schedule.view.postLine', {
		week: post.week,
		title: title ? ` · ${title}` : '',
		at: discordTime(post.at, 'F'),
		relative: discordTime(post.at, 'R'),
	});
}

const RECENT_MS = 14 * 24 * 60 * 60 * 1000;

/** Discord's refusal messages the ledger keeps as skip reasons, in the member's language where known. */
const REFUSALS: readonly [RegExp, MessageKey][] = [
	[/^Missing Permissions\b/, 'schedule.view.refusals.missingPermissions'],
	[/^Missing Access\b/, 'schedule.view.refusals.missingAccess'],
	[/^Unknown Channel\b/, 'schedule.view.refusals.unknownChannel'],
	[/^Invalid Form Body\b/, 'schedule.view.refusals.invalidForm'],
];

function refusalText(reason: string): string {
	const key = REFUSALS.find(([pattern]) => pattern.test(reason))?.[1];
	return key ? t(key) : reason;
}

/** Ledger entries an organizer should know about: unknown sends, failures, and steps left out. */
function attention(ledger: Ledger, now: Date): string[] {
	const lines: string[] = [];
	const unsettled = new Set(unsettledEntries(ledger, now).map((e) => e.jobId));
	const recent = Object.values(ledger)
		// Test posts (post-now) are answered directly and never retried.
		.filter((e) => !e.jobId.startsWith('manual:') && now.getTime() - Date.parse(e.updatedAt) <= RECENT_MS)
		.sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
	for (const e of recent) {
		const what = t('schedule.view.what', { week: e.week, kind: t(`schedule.view.kind.${e.kind}`) });
		const error = e.lastError ?? t('schedule.view.unknownError');
		if (unsettled.has(e.jobId)) {
			lines.push(t('schedule.view.mayBeMissing', { what, channel: e.channelId, week: e.week }));
		} else if (e.state === 'gave-up') {
			lines.push(t('schedule.view.gaveUp', { what, attempts: e.attempts, error }));
		} else if (e.state === 'retry') {
			lines.push(
				t('schedule.view.failed', {
					what,
					error,
					when: e.nextAttemptAt ? discordTime(new Date(e.nextAttemptAt), 'R') : t('schedule.view.soon'),
				}),
			);
		}
		for (const [step, reason] of Object.entries(e.skipped)) {
			if (reason !== 'not asked for' && reason !== 'the meeting had already started')
				lines.push(
					t('schedule.view.noStep', {
						what,
						step: t(`schedule.view.steps.${step as LedgerStep}`),
						reason: refusalText(reason),
					}),
				);
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
		return t('schedule.view.postedAgain', {
			first: discordTime(new Date(first.createdAt), 'R'),
			again: discordTime(new Date(e.createdAt), 'R'),
			edited: edited(e),
		});
	if (e?.state === 'done' && e.messageId)
		return t('schedule.view.posted', { when: discordTime(new Date(e.updatedAt), 'R') }) + edited(e);
	const error = e?.lastError ?? t('schedule.view.unknownError');
	if (e?.state === 'gave-up') return t('schedule.view.notPostedGaveUp', { attempts: e.attempts, error });
	if (e?.state === 'retry')
		return t('schedule.view.notPostedYet', {
			error,
			when: e.nextAttemptAt ? discordTime(new Date(e.nextAttemptAt), 'R') : t('schedule.view.soon'),
		});
	if (e) return t('schedule.view.beingPosted');
	if (now.getTime() - post.at.getTime() <= graceMs) return t('schedule.view.dueNow');
	return t('schedule.view.missed', { at: discordTime(post.at, 'F') });
}

const edited = (e: LedgerEntry): string =>
	e.editedAt ? t('schedule.view.editedInPlace', { when: discordTime(new Date(e.editedAt), 'R') }) : '';

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
				? t('repost.byHand.postedAgain', {
						when: discordTime(new Date(e.createdAt), 'R'),
						earlier: discordTime(new Date(earlier.createdAt), 'R'),
					})
				: t('repost.byHand.posted', { when: discordTime(new Date(e.createdAt), 'R') });
			lines.push({
				at: Date.parse(e.createdAt),
				text: t(e.replacedBy ? 'repost.byHand.lineReplaced' : 'repost.byHand.line', { week: e.week, what, link }),
			});
		}
		if (recent(e.editedAt) && !e.replacedBy)
			lines.push({
				at: Date.parse(e.editedAt!),
				text: t('repost.byHand.edited', { week: e.week, when: discordTime(new Date(e.editedAt!), 'R'), link }),
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
	if (!schedule.plan) return t('schedule.view.notStarted');
	const status = planStatus(schedule, now, lastWeek);
	const current = status.current
		? t('schedule.view.current', {
				week: status.current.week,
				title: curriculum.week(status.current.week)?.title ?? '',
				outcome: postOutcome(status.current, ledger, now, graceMs, schedule.plan.id),
			})
		: null;
	if (status.paused) {
		const since = schedule.pauses.find((p) => p.to === null)?.from;
		const pausedLine = t('schedule.view.paused', {
			since: since ? t('schedule.view.since', { at: discordTime(new Date(since), 'F') }) : '',
		});
		return `${pausedLine}${current ? `\n${t('schedule.view.currentLine', { current })}` : ''}`;
	}
	if (status.finished)
		return t('schedule.view.finished', {
			week: lastWeek,
			outcome: postOutcome(status.current!, ledger, now, graceMs, schedule.plan.id),
			at: discordTime(status.current!.at, 'F'),
		});
	if (!current)
		return status.next
			? t('schedule.view.startsWith', { week: status.next.week, at: discordTime(status.next.at, 'F') })
			: t('schedule.view.noPostAhead');
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
			name: t('schedule.view.weeklyPost'),
			value: `<#${schedule.channelId}>, ${describePostTime(schedule.postCron)}, ${schedule.timezone}`,
		},
		{
			name: t('schedule.view.meetingField'),
			value: `${describeMeeting(schedule.meeting)}\n${schedule.reminderMinutes > 0 ? t('schedule.view.reminder', { minutes: schedule.reminderMinutes }) : t('schedule.view.noReminder')}\n${t('schedule.view.next', { at: discordTime(nextMeeting, 'F'), relative: discordTime(nextMeeting, 'R') })}`,
		},
		{ name: t('schedule.view.now'), value: statusLine(schedule, ledger, now, lastWeek, curriculum, graceMs) },
		...(upcoming.length > 0
			? [{ name: t('schedule.view.nextPosts'), value: upcoming.map((p) => postLine(p, curriculum)).join('\n') }]
			: []),
		...(future.length > 0
			? [
					{
						name: t('schedule.view.skipped'),
						value: future.map((s) => t('schedule.view.skippedPost', { at: discordTime(new Date(s), 'F') })).join('\n'),
					},
				]
			: []),
		...(byHand.length > 0
			? [
					{
						name: t('repost.byHand.title'),
						value: fitLines(byHand.slice(-5), LIMITS.fieldValue, (n) => t('repost.byHand.more', { count: n })),
					},
				]
			: []),
		...(problems.length > 0
			? [
					{
						name: t('schedule.view.attention'),
						value: fitLines(problems, LIMITS.fieldValue, (n) => t('schedule.view.more', { count: n })),
					},
				]
			: []),
	];
	return {
		title: t('schedule.view.title'),
		color: WEEK_COLOR,
		fields,
		footer: { text: t('schedule.view.footer', { zone: schedule.timezone }) },
	};
}
