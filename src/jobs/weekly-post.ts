import type { APIEmbed } from 'discord-api-types/v10';
import { LIMITS } from '../core/limits.js';
import type { ScheduledEventInput } from '../core/poster.js';
import type { Reply } from '../core/reply.js';
import { TUTOR_COMMANDS, type Demo, type Week } from '../curriculum/index.js';
import { t } from '../i18n/index.js';

/** What the weekly post, its thread, event and reminder look like: pure functions of the week and the meeting. */

/** Discord renders `<t:…>` in each reader's own time zone and language. */
export type TimestampStyle = 't' | 'T' | 'd' | 'D' | 'f' | 'F' | 'R';

/** A Discord timestamp tag, e.g. `<t:1772409600:F>` (full date and time) or `<t:…:R>` ("in 2 days"). */
export function discordTime(at: Date, style: TimestampStyle = 'F'): string {
	return `<t:${Math.floor(at.getTime() / 1000)}:${style}>`;
}

/** Blurple, the colour of the study group's embeds. */
export const WEEK_COLOR = 0x5865f2;

/** `Week 3 · Prompt injection`, within `max` characters. */
export function weekHeading(week: Week, max: number = LIMITS.embedTitle): string {
	const full = t('info.week.heading', { number: week.number, title: week.title });
	return full.length <= max ? full : `${full.slice(0, max - 1)}…`;
}

/**
 * Joins lines up to `max` characters; lines that do not fit are replaced by `more(count)` (which must fit too),
 * so a list is shortened by whole items rather than cut mid-sentence.
 */
export function fitLines(lines: readonly string[], max: number, more: (left: number) => string): string {
	const kept: string[] = [];
	let length = 0;
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i]!;
		const tail = i < lines.length - 1 ? more(lines.length - i - 1) : '';
		const needed = length + (kept.length > 0 ? 1 : 0) + line.length;
		const reserve = i < lines.length - 1 ? tail.length + 1 : 0;
		if (needed + reserve > max) {
			const rest = more(lines.length - i);
			return [...kept, rest].join('\n').slice(0, max);
		}
		kept.push(line);
		length = needed;
	}
	return kept.join('\n');
}

/** A demo as a command line members can copy (the local page accepts it as typed; Discord fills the options). */
export function demoCommandLine(demo: Demo): string {
	const options = Object.entries(demo.options).map(([name, value]) => `${name}:${value}`);
	return ['/' + demo.command, demo.subcommand, ...options].filter(Boolean).join(' ');
}

/** Inline code that survives backticks in the text. */
export function inlineCode(text: string): string {
	return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}

function firstSentence(text: string, max: number): string {
	const sentence = /^.*?[.!?](?=\s|$)/.exec(text)?.[0] ?? text;
	return sentence.length <= max ? sentence : `${sentence.slice(0, max - 1)}…`;
}

/**
 * The weekly post: the week's title, topic, objectives, demos to try and questions, and the meeting time. Without the
 * AI tutor (`tutor` false) it does not suggest the commands that need it.
 */
export function weeklyPostReply(week: Week, meetingAt: Date | null, lastWeek: number, tutor = true): Reply {
	const more = (n: number) => t('schedule.post.more', { count: n, week: week.number });
	const meeting = meetingAt
		? `${t('schedule.post.meeting', { at: discordTime(meetingAt, 'F'), relative: discordTime(meetingAt, 'R') })}\n`
		: '';
	const embed: APIEmbed = {
		title: weekHeading(week),
		color: WEEK_COLOR,
		description:
			// No second title in Korean: a Korean server's post is written in Korean (the server's language) throughout.
			`**${week.topic}**\n\n${week.summary}\n\n${meeting}${t('schedule.post.thread')}`.slice(
				0,
				LIMITS.embedDescription,
			),
		fields: [
			{
				name: t('schedule.post.objectives'),
				value: fitLines(
					week.objectives.map((o) => `• ${o}`),
					LIMITS.fieldValue,
					more,
				),
			},
			{
				name: t('schedule.post.demos'),
				value: fitLines(
					week.demos
						.filter((d) => tutor || !TUTOR_COMMANDS.has(d.command))
						.map((d) => `${inlineCode(demoCommandLine(d))}\n↳ ${firstSentence(d.try, 160)}`),
					LIMITS.fieldValue,
					more,
				),
			},
			{
				name: t('schedule.post.questions'),
				value: fitLines(
					week.keyQuestions.map((q, i) => `${i + 1}. ${q}`),
					LIMITS.fieldValue,
					more,
				),
			},
		],
		footer: { text: t('schedule.post.footer', { week: week.number, last: lastWeek }) },
	};
	return {
		content: t('schedule.post.starts', { week: week.number, title: week.title }).slice(0, LIMITS.content),
		embeds: [embed],
	};
}

/** The week's discussion thread (Discord allows 100 characters). */
export function threadName(week: Week): string {
	return weekHeading(week, 100);
}

/** The Discord Scheduled Event for the week's meeting. */
export function meetingEvent(
	week: Week,
	meeting: { at: Date; endsAt: Date; channelId: string | null },
): ScheduledEventInput {
	const description = [week.topic, '', ...week.objectives.map((o) => `• ${o}`)].join('\n');
	return {
		name: weekHeading(week, 100),
		description: description.length <= 1000 ? description : `${description.slice(0, 999)}…`,
		startsAt: meeting.at,
		endsAt: meeting.endsAt,
		...(meeting.channelId ? { channelId: meeting.channelId } : { location: t('schedule.post.online') }),
	};
}

/** The reminder posted in the week's thread before the meeting. */
export function reminderReply(week: Week, meetingAt: Date, eventUrl: string | null): Reply {
	const lines = [
		t('schedule.post.reminder', {
			week: week.number,
			relative: discordTime(meetingAt, 'R'),
			time: discordTime(meetingAt, 't'),
			title: week.title,
		}),
		t('schedule.post.warmUp', { demo: inlineCode(demoCommandLine(week.demos[0]!)) }),
		...(eventUrl ? [t('schedule.post.rsvp', { url: eventUrl })] : []),
	];
	return { content: lines.join('\n').slice(0, LIMITS.content) };
}
