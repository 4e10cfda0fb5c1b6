import { ChannelType, PermissionFlagsBits } from 'discord-api-types/v10';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import schedule from '../../commands/schedule.js';
import type { Deps } from '../../src/core/deps.js';
import type { ChannelPoster, PostCheck, ScheduledEventInput } from '../../src/core/poster.js';
import type { Reply } from '../../src/core/reply.js';
import type { Curriculum } from '../../src/curriculum/index.js';
import type { Store } from '../../src/storage/store.js';
import { ManualClock, memoryStore, RecordingPoster, testCurriculum, testDeps } from '../helpers/deps.js';
import { runForReply, type RunOptions } from '../helpers/run-command.js';

const GUILD = '200000000000000001';
const STUDY = { id: '300000000000000011', name: 'study-group', type: ChannelType.GuildText };
const LOCKED = { id: '300000000000000012', name: 'announcements', type: ChannelType.GuildText };
const VOICE = { id: '300000000000000013', name: 'Study Room', type: ChannelType.GuildVoice };
const organizer: RunOptions = { permissions: PermissionFlagsBits.ManageGuild };
const unix = (iso: string) => Date.parse(iso) / 1000;

/** Records posts, threads and events; refuses the "announcements" channel as Discord would without Send Messages. */
class Poster implements ChannelPoster {
	private readonly recording = new RecordingPoster();
	readonly sent = this.recording.sent;
	readonly threads: { channelId: string; messageId: string; name: string }[] = [];
	readonly events: ScheduledEventInput[] = [];
	send(channelId: string, reply: Reply, options?: { nonce?: string }) {
		return this.recording.send(channelId, reply, options);
	}
	edit(channelId: string, messageId: string, reply: Reply) {
		return this.recording.edit(channelId, messageId, reply);
	}
	deleteMessage(channelId: string, messageId: string) {
		return this.recording.deleteMessage(channelId, messageId);
	}
	deleteThread(parentId: string, threadId: string) {
		return this.recording.deleteThread(parentId, threadId);
	}
	deleteScheduledEvent(guildId: string, eventId: string) {
		return this.recording.deleteScheduledEvent(guildId, eventId);
	}
	async canPost(channelId: string): Promise<PostCheck> {
		return channelId === LOCKED.id
			? { ok: false, reason: `I am missing these permissions in <#${channelId}>: Send Messages.` }
			: { ok: true };
	}
	async startThread(channelId: string, messageId: string, name: string) {
		this.threads.push({ channelId, messageId, name });
		return { id: messageId };
	}
	async createScheduledEvent(_guildId: string, event: ScheduledEventInput) {
		this.events.push(event);
		return { id: String(3_000_000_000_000_000 + this.events.length) };
	}
}

describe('/schedule', () => {
	let store: Store;
	let curriculum: Curriculum;
	let deps: Deps;
	let poster: Poster;
	// Thursday 26 February 2026, 10:00 in Seoul.
	const clock = new ManualClock(new Date('2026-02-26T01:00:00Z'));
	const run = (sub: string, options: Record<string, unknown> = {}, as: RunOptions = organizer) =>
		runForReply(schedule, options, { deps, subcommand: sub, ...as });

	beforeAll(async () => {
		store = await memoryStore();
		curriculum = await testCurriculum();
	});
	beforeEach(async () => {
		await store.clear();
		poster = new Poster();
		clock.set(new Date('2026-02-26T01:00:00Z'));
		deps = testDeps({ store, curriculum, clock, poster });
	});
	afterAll(() => store.close());

	it('GIVEN a member without Manage Server or the organizer role THEN every subcommand is refused clearly and nothing is saved', async () => {
		for (const [sub, options] of [
			['show', {}],
			['set', { channel: STUDY }],
			['start', {}],
			['pause', {}],
			['resume', {}],
			['skip', {}],
			['post-now', {}],
		] as const) {
			await expect(run(sub, options, {})).rejects.toThrow(
				'Only organizers can manage the schedule: you need the Manage Server permission.',
			);
		}
		expect(await deps.repos.schedules.get(GUILD)).toBeUndefined();
		expect(poster.sent).toEqual([]);
	});

	it('GIVEN the configured organizer role THEN its members may set the schedule', async () => {
		await deps.repos.settings.update(GUILD, { organizerRoleId: '400000000000000002' });
		await expect(run('set', { channel: STUDY }, { roles: ['400000000000000009'] })).rejects.toThrow(
			/or the <@&400000000000000002> role/,
		);
		await run('set', { channel: STUDY }, { roles: ['400000000000000002'] });
		expect((await deps.repos.schedules.get(GUILD))?.channelId).toBe(STUDY.id);
	});

	it('GIVEN only a channel THEN the defaults are saved (Asia/Seoul, Mondays 09:00, Wednesday 21:00 for 90 minutes, reminder 60 minutes before)', async () => {
		const reply = await run('set', { channel: STUDY });
		expect(reply.ephemeral).toBe(true);
		expect(reply.content).toBe('✅ Saved.');
		expect(await deps.repos.schedules.get(GUILD)).toMatchObject({
			channelId: STUDY.id,
			timezone: 'Asia/Seoul',
			postCron: '0 9 * * 1',
			meeting: { weekday: 3, hour: 21, minute: 0, durationMinutes: 90, channelId: null },
			reminderMinutes: 60,
			plan: null,
		});
		const fields = reply.embeds![0]!.fields!;
		expect(fields[0]!.value).toBe(`<#${STUDY.id}>, Mondays at 09:00 (\`0 9 * * 1\`), Asia/Seoul`);
		// The next meeting: Wednesday 4 March 21:00 in Seoul.
		expect(fields[1]!.value).toContain(
			`Next: <t:${unix('2026-03-04T12:00:00Z')}:F> (<t:${unix('2026-03-04T12:00:00Z')}:R>)`,
		);
		expect(fields[2]!.value).toMatch(/Not started: `\/schedule start`/);
	});

	it('GIVEN an invalid cron, an unknown time zone and a channel the bot cannot post in THEN each is named and nothing is saved', async () => {
		await expect(run('set', { channel: STUDY, post_cron: '0 25 * * *' })).rejects.toThrow(
			'`0 25 * * *` is not a valid cron expression: `25` is not a valid hour (0–23). Nothing was saved.',
		);
		await expect(run('set', { channel: STUDY, timezone: 'Asia/Seol' })).rejects.toThrow(
			/`Asia\/Seol` is not a time zone I know: use an IANA name such as `Asia\/Seoul`/,
		);
		await expect(run('set', { channel: LOCKED })).rejects.toThrow(
			`I am missing these permissions in <#${LOCKED.id}>: Send Messages. Nothing was saved.`,
		);
		const all = run('set', {
			channel: LOCKED,
			post_cron: '*/5 9 * * 1',
			timezone: 'Nowhere/Land',
			meeting_time: '25:00',
			meeting_channel: STUDY,
		});
		await expect(all).rejects.toThrow(
			/^Nothing was saved:\n• `\*\/5 9 \* \* 1` fires 12 times a day.*\n• `Nowhere\/Land` is not a time zone.*\n• `25:00` is not a meeting time.*\n• <#300000000000000011> is not a voice or stage channel.*\n• I am missing these permissions/,
		);
		await expect(run('set', {})).rejects.toThrow(/Choose the channel for the weekly posts/);
		await expect(run('set', { channel: STUDY, post_cron: '0 9 * * 1', post_day: 2 })).rejects.toThrow(
			/either as `post_cron` or as `post_day` and `post_time`/,
		);
		expect(await deps.repos.schedules.get(GUILD)).toBeUndefined();
		// An existing schedule is left as it was.
		await run('set', { channel: STUDY });
		await expect(run('set', { post_cron: 'every monday' })).rejects.toThrow(/has 2 fields/);
		expect((await deps.repos.schedules.get(GUILD))?.postCron).toBe('0 9 * * 1');
	});

	it('GIVEN day and time, a time zone by any case, and a voice channel THEN they are saved as a cron and a canonical zone', async () => {
		const reply = await run('set', {
			channel: STUDY,
			post_day: 4,
			post_time: '18:30',
			timezone: 'europe/berlin',
			meeting_day: 2,
			meeting_time: '19:00',
			meeting_minutes: 60,
			meeting_channel: VOICE,
			reminder_minutes: 30,
		});
		expect(await deps.repos.schedules.get(GUILD)).toMatchObject({
			postCron: '30 18 * * 4',
			timezone: 'Europe/Berlin',
			meeting: { weekday: 2, hour: 19, minute: 0, durationMinutes: 60, channelId: VOICE.id },
			reminderMinutes: 30,
		});
		expect(reply.embeds![0]!.fields![1]!.value).toMatch(
			/^Tuesdays at 19:00 for 60 minutes, in <#300000000000000013>\nReminder 30 minutes before/,
		);
		await run('set', { post_time: '08:00' });
		expect((await deps.repos.schedules.get(GUILD))?.postCron).toBe('0 8 * * 4');
	});

	it('GIVEN start, pause, resume and skip THEN show tells the current week and the next posts as Discord timestamps', async () => {
		await expect(run('start', {})).rejects.toThrow(/Set the schedule up first/);
		await run('set', { channel: STUDY });
		await expect(run('start', { week: 13 })).rejects.toThrow(
			'The curriculum has weeks 1 to 12; there is no week 13. Nothing was saved.',
		);
		await expect(run('start', { date: '2026-02-30' })).rejects.toThrow(/`2026-02-30` is not a date/);
		const started = await run('start', { date: '2026-03-02' });
		expect(started.content).toMatch(/^✅ Started with week 1\./);
		const next = started.embeds![0]!.fields!.find((f) => f.name === '⏭️ Next posts')!.value.split('\n');
		expect(next).toEqual([
			`Week 1 · LLM overview: <t:${unix('2026-03-02T00:00:00Z')}:F> (<t:${unix('2026-03-02T00:00:00Z')}:R>)`,
			`Week 2 · Comparing LLMs (GPT, Claude and others): <t:${unix('2026-03-09T00:00:00Z')}:F> (<t:${unix('2026-03-09T00:00:00Z')}:R>)`,
			`Week 3 · Prompt injection: <t:${unix('2026-03-16T00:00:00Z')}:F> (<t:${unix('2026-03-16T00:00:00Z')}:R>)`,
		]);
		clock.set(new Date('2026-03-10T00:00:00Z'));
		// No scheduler ran here, so the ledger has no post: show says so rather than claim one.
		expect((await run('show')).embeds![0]!.fields!.find((f) => f.name === '📍 Now')!.value).toBe(
			`Week 2 · Comparing LLMs (GPT, Claude and others) (not posted: the bot was down from its time <t:${unix('2026-03-09T00:00:00Z')}:F> until past the grace period)`,
		);

		await run('pause');
		await expect(run('pause')).rejects.toThrow(/already paused/);
		await expect(run('skip')).rejects.toThrow(/paused, so there is no next post/);
		expect((await run('show')).embeds![0]!.fields!.find((f) => f.name === '📍 Now')!.value).toMatch(/^⏸️ Paused since/);
		clock.set(new Date('2026-03-20T00:00:00Z')); // the 16 March post falls in the pause
		await run('resume');
		await expect(run('resume')).rejects.toThrow('The schedule is not paused.');
		const skipped = await run('skip');
		expect(skipped.embeds![0]!.fields!.find((f) => f.name === '⏭️ Next posts')!.value.split('\n')[0]).toBe(
			`Week 3 · Prompt injection: <t:${unix('2026-03-30T00:00:00Z')}:F> (<t:${unix('2026-03-30T00:00:00Z')}:R>)`,
		);
		expect(skipped.embeds![0]!.fields!.find((f) => f.name === '⏩ Skipped')!.value).toBe(
			`The post of <t:${unix('2026-03-23T00:00:00Z')}:F>`,
		);
	});

	it('GIVEN the post time changes mid-course THEN the weeks posted keep their numbers and the next week follows at the new time', async () => {
		await run('set', { channel: STUDY });
		await run('start', { date: '2026-03-02' });
		clock.set(new Date('2026-03-17T00:00:00Z')); // Tuesday of week 3
		const reply = await run('set', { post_day: 5, post_time: '10:00' });
		expect(reply.content).toMatch(/the weeks already posted keep their numbers/);
		const fields = reply.embeds![0]!.fields!;
		expect(fields.find((f) => f.name === '📍 Now')!.value).toMatch(/^Week 3 · Prompt injection/);
		// Week 4 on Friday 20 March 10:00 in Seoul.
		expect(fields.find((f) => f.name === '⏭️ Next posts')!.value.split('\n')[0]).toBe(
			`Week 4 · How an LLM turns text into tokens: <t:${unix('2026-03-20T01:00:00Z')}:F> (<t:${unix('2026-03-20T01:00:00Z')}:R>)`,
		);
	});

	it('GIVEN post-now THEN the current week is posted with its thread (and the event only when asked), and the plan is unchanged', async () => {
		await expect(run('post-now')).rejects.toThrow(/no schedule yet/);
		await run('set', { channel: STUDY });
		await run('start', { date: '2026-03-02' });
		clock.set(new Date('2026-03-11T00:00:00Z'));
		const reply = await run('post-now');
		expect(poster.sent).toHaveLength(1);
		expect(poster.sent[0]!.channelId).toBe(STUDY.id);
		expect(poster.sent[0]!.reply.embeds![0]!.title).toBe('Week 2 · Comparing LLMs (GPT, Claude and others)');
		expect(poster.threads).toEqual([
			{ channelId: STUDY.id, messageId: poster.sent[0]!.id, name: 'Week 2 · Comparing LLMs (GPT, Claude and others)' },
		]);
		expect(poster.events).toEqual([]);
		expect(reply.content).toContain(
			`✅ Posted week 2: https://discord.com/channels/${GUILD}/${STUDY.id}/${poster.sent[0]!.id}`,
		);
		expect(reply.content).toContain('No event (add `event:true` to create one).');
		await run('post-now', { week: 7, event: true });
		expect(poster.sent[1]!.reply.embeds![0]!.title).toBe('Week 7 · Scaled dot-product attention, step by step');
		// The next meeting after Wednesday 11 March 00:00 UTC (09:00 Seoul) is that evening, 21:00 Seoul.
		expect(poster.events).toEqual([
			expect.objectContaining({
				name: 'Week 7 · Scaled dot-product attention, step by step',
				startsAt: new Date('2026-03-11T12:00:00Z'),
				endsAt: new Date('2026-03-11T13:30:00Z'),
			}),
		]);
		const show = await run('show');
		expect(show.embeds![0]!.fields!.find((f) => f.name === '⏭️ Next posts')!.value).toMatch(
			/^Week 3 · Prompt injection/,
		);
	});

	it('GIVEN a direct message THEN it says the command works in a server', async () => {
		await expect(runForReply(schedule, {}, { deps, subcommand: 'show', guildId: null })).rejects.toThrow(/in a server/);
	});
});
