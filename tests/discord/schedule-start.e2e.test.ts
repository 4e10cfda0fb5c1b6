import { PermissionFlagsBits, type APIMessage } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordBot } from '../../src/discord/start.js';
import { manualWake } from '../../src/jobs/scheduler.js';
import { startEmulator, type DiscordEmulator } from '../emulator/index.js';
import { createMessage } from '../emulator/messages.js';
import { ManualClock } from '../helpers/deps.js';
import { startBotOnEmulator } from '../helpers/discord-bot.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const SEOUL = 9 * HOUR; // Asia/Seoul is UTC+9 all year (no daylight saving), the independent reference here
const unix = (d: Date) => Math.floor(d.getTime() / 1000);

/**
 * Midnight of a Monday in Seoul, at least a day after the real now: the emulator (like Discord) refuses events that
 * start in the real past, so the fake clock runs in the coming week.
 */
function nextSeoulMonday(): number {
	let t = Math.ceil((Date.now() + DAY + SEOUL) / DAY) * DAY - SEOUL; // a Seoul midnight
	while (new Date(t + SEOUL).getUTCDay() !== 1) t += DAY;
	return t;
}

describe('/schedule start at any time of the week, through the Discord emulator (Seoul: posts Monday 09:00, meeting Wednesday 21:00)', () => {
	let emulator: DiscordEmulator;
	let bot: DiscordBot;
	const monday = nextSeoulMonday();
	/** A wall time of the coming week in Seoul, as an instant: day 0 is Monday. */
	const seoul = (day: number, hour: number, minute = 0) => new Date(monday + day * DAY + hour * HOUR + minute * MINUTE);
	const clock = new ManualClock(seoul(-3, 12));
	const meeting = seoul(2, 21);
	let guildId: string;
	let studyLab: string;
	const guild = () => emulator.world.guild(guildId)!;
	const posts = (): APIMessage[] =>
		emulator.world
			.messagesIn(studyLab)
			.filter((m) => m.message.author.id === emulator.world.botUser.id && !m.interactionId && !m.deleted)
			.map((m) => m.message);
	const threads = () => [...guild().threads.values()].filter((t) => t.parent_id === studyLab);
	const events = () => [...guild().scheduledEvents.values()];
	const command = (subcommand: string, options: Record<string, string | number | boolean> = {}) =>
		emulator
			.dispatchInteraction({ type: 'command', name: 'schedule', subcommand, options, user: 'ada' })
			.answered({ timeoutMs: 10_000 });
	const missed = async () =>
		(await bot.app.deps.metrics.scheduledPosts.get()).values.find((v) => v.labels.result === 'missed')?.value ?? 0;

	/** Sets the schedule and starts it at `at`; returns the start's reply and what existed before. */
	async function startAt(at: Date) {
		clock.set(at);
		// Each case on a server without events: the bot adopts its own event for the same meeting rather than repeat it.
		guild().scheduledEvents.clear();
		const set = await command('set', { channel: 'study-lab', timezone: 'Asia/Seoul', post_day: 1, post_time: '09:00' });
		expect(set.original?.message.content).toMatch(/^✅ Saved\./);
		const before = { posts: posts().length, threads: threads().length };
		const started = await command('start');
		return { reply: started.original!.message, before };
	}
	const nowField = async () =>
		(await command('show')).original?.message.embeds[0]?.fields?.find((f) => f.name === '📍 Now')?.value;

	/** One new post of week 1 with its thread and its event for this week's meeting. */
	function expectWeekOnePosted(before: { posts: number; threads: number }) {
		expect(posts()).toHaveLength(before.posts + 1);
		const post = posts().at(-1)!;
		expect(post.embeds[0]!.title).toBe('Week 1 · LLM overview');
		expect(post.embeds[0]!.description).toContain(`<t:${unix(meeting)}:F>`);
		expect(threads()).toHaveLength(before.threads + 1);
		expect(threads().at(-1)).toMatchObject({ id: post.id, name: 'Week 1 · LLM overview' });
		expect(events()).toHaveLength(1);
		expect(Date.parse(events().at(-1)!.scheduled_start_time)).toBe(meeting.getTime());
	}

	beforeAll(async () => {
		emulator = await startEmulator({ heartbeatIntervalMs: 1000 });
		guildId = [...emulator.world.guilds.keys()][0]!;
		studyLab = emulator.world.channelByName('study-lab', guildId).id;
		// The scheduler wakes only when the test ticks it, as the minute timer would: nothing runs between steps.
		bot = await startBotOnEmulator(emulator, { clock, schedulerWake: manualWake });
	}, 60_000);
	afterAll(async () => {
		await bot?.stop();
		await emulator?.stop();
	});

	it('GIVEN a start on Monday 08:00, before the post time THEN nothing is posted early and week 1 goes out at 09:00 with its thread and event', async () => {
		const { reply, before } = await startAt(seoul(0, 8));
		expect(reply.content).toBe(
			`✅ Started with week 1. Week 1 is posted <t:${unix(seoul(0, 9))}:F> (<t:${unix(seoul(0, 9))}:R>), for the meeting <t:${unix(meeting)}:F>.`,
		);
		expect((await bot.scheduler.tick()).ran).toEqual([]);
		expect(posts()).toHaveLength(before.posts);
		clock.set(seoul(0, 9, 0.5));
		expect((await bot.scheduler.tick()).ran).toMatchObject([{ kind: 'post', week: 1, state: 'done' }]);
		expectWeekOnePosted(before);
	});

	it('GIVEN a start on Monday 10:00, after the post time on the same day THEN week 1 is posted at once', async () => {
		const { reply, before } = await startAt(seoul(0, 10));
		expect(reply.content).toBe(
			`✅ Started with week 1. Week 1 is posted now (within a minute), for the meeting <t:${unix(meeting)}:F>.`,
		);
		expect((await bot.scheduler.tick()).ran).toMatchObject([{ kind: 'post', week: 1, state: 'done' }]);
		expectWeekOnePosted(before);
	});

	it('GIVEN the issue’s start on Monday 22:28, 13 hours after the post time (past the 6-hour grace) THEN week 1 is posted once, /schedule show says so, nothing is reported missed, and the reminder follows in its thread', async () => {
		const { reply, before } = await startAt(seoul(0, 22, 28));
		expect(reply.content).toBe(
			`✅ Started with week 1. Week 1 is posted now (within a minute), for the meeting <t:${unix(meeting)}:F>.`,
		);
		expect(await nowField()).toBe('Week 1 · LLM overview (due now: it goes out within a minute)');
		const missedBefore = await missed();
		clock.advance(20_000);
		expect((await bot.scheduler.tick()).ran).toMatchObject([{ kind: 'post', week: 1, state: 'done' }]);
		expectWeekOnePosted(before);
		expect(await missed()).toBe(missedBefore);
		expect(await nowField()).toBe(`Week 1 · LLM overview (posted <t:${unix(clock.now())}:R>)`);
		clock.advance(HOUR);
		expect((await bot.scheduler.tick()).ran).toEqual([]);
		expect(posts()).toHaveLength(before.posts + 1);
		// The reminder, 60 minutes before the meeting, in the week's thread.
		clock.set(new Date(meeting.getTime() - HOUR + 30_000));
		expect((await bot.scheduler.tick()).ran).toMatchObject([{ kind: 'reminder', week: 1, state: 'done' }]);
		const thread = threads().at(-1)!;
		const reminders = emulator.world
			.messagesIn(thread.id)
			.filter((m) => m.message.author.id === emulator.world.botUser.id);
		expect(reminders.map((m) => m.message.content.split('\n')[0])).toEqual([
			`⏰ **The week 1 meeting starts <t:${unix(meeting)}:R>** (<t:${unix(meeting)}:t>): LLM overview.`,
		]);
	});

	it('GIVEN a start on Wednesday 22:00, after this week’s meeting THEN nothing is posted now and week 1 waits for next Monday 09:00', async () => {
		const { reply, before } = await startAt(seoul(2, 22));
		const nextMonday = seoul(7, 9);
		expect(reply.content).toBe(
			`✅ Started with week 1. Week 1 is posted <t:${unix(nextMonday)}:F> (<t:${unix(nextMonday)}:R>), for the meeting <t:${unix(seoul(9, 21))}:F>.`,
		);
		expect((await bot.scheduler.tick()).ran).toEqual([]);
		expect(posts()).toHaveLength(before.posts);
		expect(await nowField()).toBe(`Starts with week 1 <t:${unix(nextMonday)}:F>.`);
	});

	it('GIVEN a start on Tuesday 00:30 in Seoul (still Monday in UTC), after midnight past Monday’s post THEN week 1 is posted at once', async () => {
		const at = seoul(1, 0, 30);
		expect(at.getUTCDay()).toBe(1);
		const { reply, before } = await startAt(at);
		expect(reply.content).toBe(
			`✅ Started with week 1. Week 1 is posted now (within a minute), for the meeting <t:${unix(meeting)}:F>.`,
		);
		expect((await bot.scheduler.tick()).ran).toMatchObject([{ kind: 'post', week: 1, state: 'done' }]);
		expectWeekOnePosted(before);
		expect(emulator.violations).toEqual([]);
	});

	it('GIVEN a plan paused on Sunday and resumed on Monday 22:41, after the post time fell in the pause THEN week 1 is posted at once, once, with nothing reported missed', async () => {
		const { before } = await startAt(seoul(-1, 12));
		clock.set(seoul(-1, 13));
		expect((await command('pause')).original?.message.content).toMatch(/^⏸️|paused/i);
		clock.set(seoul(0, 9, 0.5));
		expect((await bot.scheduler.tick()).ran).toEqual([]);
		expect(posts()).toHaveLength(before.posts);
		// Any time of the evening: the ledger knows a post by its plan, week and time, so the start cases' posts of week 1
		// (other plans of the same server) do not count for this one.
		clock.set(seoul(0, 22, 41));
		const missedBefore = await missed();
		const resumed = await command('resume');
		expect(resumed.original?.message.content).toContain('Week 1 is posted now');
		clock.advance(20_000);
		expect((await bot.scheduler.tick()).ran).toMatchObject([{ kind: 'post', week: 1, state: 'done' }]);
		expectWeekOnePosted(before);
		expect(await missed()).toBe(missedBefore);
		clock.advance(HOUR);
		expect((await bot.scheduler.tick()).ran).toEqual([]);
		expect(posts()).toHaveLength(before.posts + 1);
	});

	it('GIVEN /schedule preview THEN the organizer alone sees the post and nothing is created; GIVEN post-now for a week already posted THEN that post is updated in place, never a second post, thread or event', async () => {
		const count = () => ({ posts: posts().length, threads: threads().length, events: events().length });
		const before = count();
		const preview = await command('preview', { week: 1 });
		expect(preview.original?.ephemeral).toBe(true);
		expect(preview.original?.message.content).toMatch(
			/^👀 Preview of the week 1 post for <#\d+>, only for you: nothing was posted\./,
		);
		expect(preview.original?.message.embeds[0]?.title).toBe('Week 1 · LLM overview');
		expect(count()).toEqual(before);

		const again = await command('post-now', { week: 1, event: true });
		expect(again.original?.ephemeral).toBe(true);
		expect(again.original?.message.content).toMatch(
			/^✏️ Week 1 was posted already, so its post was updated in place \(new text, same message\)/,
		);
		expect(again.original?.message.content).toContain('Nothing new was posted.');
		expect(again.original?.message.content).toContain('add `replace:true`');
		expect(count()).toEqual(before);

		const first = await command('post-now', { week: 2 });
		expect(first.original?.message.content).toMatch(/^✅ Posted week 2:/);
		expect(count()).toMatchObject({ posts: before.posts + 1, threads: before.threads + 1 });
		const second = await command('post-now', { week: 2 });
		expect(second.original?.message.content).toMatch(/^✏️ Week 2 was posted already/);
		expect(count()).toMatchObject({ posts: before.posts + 1, threads: before.threads + 1 });
		expect(threads().filter((t) => t.name.startsWith('Week 2 '))).toHaveLength(1);
		expect(emulator.violations).toEqual([]);
	});

	it('GIVEN post-now replace:true for a week the plan posted THEN its post, thread (with its messages) and event are deleted and one new post, thread and event made, and the reply and /schedule show say so; without Manage Threads nothing is deleted or posted', async () => {
		const { before } = await startAt(seoul(0, 23));
		expect((await bot.scheduler.tick()).ran).toMatchObject([{ kind: 'post', week: 1, state: 'done' }]);
		expectWeekOnePosted(before);
		const old = { post: posts().at(-1)!, event: events()[0]! };
		const postedAt = clock.now();
		// A member's question in the week's thread: deleting the thread deletes it too (members are told so beforehand).
		createMessage(emulator.world, {
			channelId: old.post.id,
			author: emulator.world.userByName('alan'),
			input: { content: 'Is the reading for Wednesday the whole chapter?' },
			uploads: [],
			baseUrl: '',
		});
		const count = () => ({ posts: posts().length, threads: threads().length, events: events().length });
		const was = count();

		// The bot without Manage Threads: the thread cannot go, so nothing goes and nothing new is posted.
		const botRole = [...guild().roles.values()].find((r) => r.tags?.bot_id === emulator.world.botUser.id)!;
		const granted = botRole.permissions;
		botRole.permissions = String(BigInt(granted) & ~PermissionFlagsBits.ManageThreads);
		clock.advance(10 * MINUTE);
		const refused = await command('post-now', { week: 1, replace: true });
		botRole.permissions = granted;
		expect(refused.original?.message.content).toBe(
			[
				'❌ Week 1 was not posted again: I could not delete its thread (Missing Permissions).',
				'Nothing was deleted.',
				'Deleting a thread needs the Manage Threads permission: give it to me, or delete the thread by hand, and run this again.',
			].join('\n'),
		);
		expect(count()).toEqual(was);

		clock.advance(10 * MINUTE);
		const replaced = await command('post-now', { week: 1, replace: true });
		const reply = replaced.original!.message.content.split('\n');
		const post = posts().at(-1)!;
		const link = (m: APIMessage) => `https://discord.com/channels/${guildId}/${studyLab}/${m.id}`;
		expect(post.id).not.toBe(old.post.id);
		expect(reply).toEqual([
			`♻️ Week 1 posted again, replacing its earlier post: ${link(post)}`,
			`🗑️ Deleted the post ${link(old.post)}.`,
			`🗑️ Deleted the thread <#${old.post.id}> (with every message in it).`,
			`🗑️ Deleted the event https://discord.com/events/${guildId}/${old.event.id}.`,
			`New thread: <#${post.id}>`,
			`New event: https://discord.com/events/${guildId}/${events()[0]!.id}`,
			'The plan is unchanged: its next posts go out as `/schedule show` lists them.',
		]);
		// One post, one thread, one event for the week, all new; the old message and thread are gone.
		expect(count()).toEqual(was);
		expect(posts().some((m) => m.id === old.post.id)).toBe(false);
		expect(guild().threads.has(old.post.id)).toBe(false);
		expect(emulator.world.messagesIn(old.post.id).map((m) => m.deleted)).toEqual([true]);
		expect(threads().at(-1)).toMatchObject({ id: post.id, name: 'Week 1 · LLM overview' });
		expect(events()).toHaveLength(1);
		expect(events()[0]!.id).not.toBe(old.event.id);
		expect(Date.parse(events()[0]!.scheduled_start_time)).toBe(meeting.getTime());

		const shown = (await command('show')).original!.message.embeds[0]!.fields!;
		expect(shown.find((f) => f.name === '📍 Now')?.value).toBe(
			`Week 1 · LLM overview (posted <t:${unix(postedAt)}:R>, then posted again by hand <t:${unix(clock.now())}:R>: the first post, its thread and its event were deleted)`,
		);
		expect(shown.find((f) => f.name === '✋ Posted by hand (/schedule post-now)')?.value).toContain(
			`Week 1: posted again <t:${unix(clock.now())}:R>, replacing the post of <t:${unix(postedAt)}:R> (deleted with its thread and event): ${link(post)}`,
		);

		// The reminder goes to the new thread.
		clock.set(new Date(meeting.getTime() - HOUR + 30_000));
		expect((await bot.scheduler.tick()).ran).toMatchObject([{ kind: 'reminder', week: 1, state: 'done' }]);
		const reminders = emulator.world
			.messagesIn(post.id)
			.filter((m) => m.message.author.id === emulator.world.botUser.id && !m.deleted);
		expect(reminders).toHaveLength(1);
		expect(emulator.violations).toEqual([]);
		expect(emulator.unknownRoutes).toEqual([]);
	});

	it('GIVEN a plan started again in another channel within the same second as the previous plan’s week-1 post THEN the new plan posts week 1 there too, and /schedule show says it is due, then posted', async () => {
		const general = emulator.world.channelByName('general', guildId).id;
		const at = seoul(0, 22, 50);
		const { before } = await startAt(at);
		expect((await bot.scheduler.tick()).ran).toMatchObject([{ kind: 'post', week: 1, state: 'done' }]);
		expect(posts()).toHaveLength(before.posts + 1);
		// 400 ms later: the same second, the unit of a post's time in the ledger.
		clock.set(new Date(at.getTime() + 400));
		expect((await command('set', { channel: 'general' })).original?.message.content).toMatch(/^✅ Saved\./);
		expect((await command('start')).original?.message.content).toContain('Week 1 is posted now');
		expect(await nowField()).toBe('Week 1 · LLM overview (due now: it goes out within a minute)');
		expect((await bot.scheduler.tick()).ran).toMatchObject([{ kind: 'post', week: 1, state: 'done' }]);
		const inGeneral = emulator.world
			.messagesIn(general)
			.filter((m) => m.message.author.id === emulator.world.botUser.id && !m.interactionId && !m.deleted);
		expect(inGeneral.map((m) => m.message.embeds[0]?.title)).toEqual(['Week 1 · LLM overview']);
		expect(guild().threads.get(inGeneral[0]!.message.id)?.name).toBe('Week 1 · LLM overview');
		expect(await nowField()).toBe(`Week 1 · LLM overview (posted <t:${unix(clock.now())}:R>)`);
		expect(posts()).toHaveLength(before.posts + 1);
		expect(emulator.violations).toEqual([]);
	});
});
