import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Curriculum } from '../../src/curriculum/index.js';
import { dueJobs, postJobId, reminderJobId, unsettledEntries, type DueOptions } from '../../src/jobs/due.js';
import { MAX_ATTEMPTS, runJob } from '../../src/jobs/run-job.js';
import { LOCAL_IDS } from '../../src/local/guild.js';
import { LocalApiError } from '../../src/local/message.js';
import { LocalWorkspace } from '../../src/local/workspace.js';
import { ScheduleLedgerRepository, type LedgerEntry } from '../../src/storage/repositories/schedule-ledger.js';
import type { GuildSchedule } from '../../src/storage/repositories/schedules.js';
import type { Store } from '../../src/storage/store.js';
import { ManualClock, memoryStore, testCurriculum } from '../helpers/deps.js';
import { silentLogger } from '../helpers/silent-logger.js';
import { at, HOUR, MINUTE, seoulSchedule } from './fixtures.js';
import { FlakyPoster } from './flaky-poster.js';

const GUILD = LOCAL_IDS.guild;
const STUDY = LOCAL_IDS.channels.studyGroup;
const W1 = at('2026-03-02T00:00:00Z');
const options: DueOptions = { graceMs: 6 * HOUR, lastWeek: 12 };

describe('runJob: a post in steps, recorded in the ledger', () => {
	let curriculum: Curriculum;
	let store: Store;
	let clock: ManualClock;
	let workspace: LocalWorkspace;
	let poster: FlakyPoster;
	let ledger: ScheduleLedgerRepository;
	let schedule: GuildSchedule;

	/** One wake-up of the scheduler: run what dueJobs says is due now. */
	async function wake(s: GuildSchedule = schedule): Promise<LedgerEntry[]> {
		const now = clock.now();
		const out: LedgerEntry[] = [];
		for (const job of dueJobs(s, await ledger.get(GUILD), now, options)) {
			out.push(await runJob(job, { guildId: GUILD, now, poster, ledger, curriculum, log: silentLogger }));
		}
		return out;
	}
	const botMessages = (channelId = STUDY) =>
		workspace.messages(channelId).filter((m) => m.author.id === workspace.bot.id);

	beforeAll(async () => {
		curriculum = await testCurriculum();
	});
	beforeEach(async () => {
		store = await memoryStore();
		clock = new ManualClock(W1);
		workspace = new LocalWorkspace({ clock });
		poster = new FlakyPoster(workspace.poster);
		ledger = new ScheduleLedgerRepository(store);
		schedule = seoulSchedule({ guildId: GUILD, channelId: STUDY });
	});
	afterEach(() => store.close());

	it('GIVEN the post time THEN one message with the week, one thread and one event are made, and the ledger says done', async () => {
		const [entry] = await wake();
		expect(entry).toMatchObject({
			jobId: postJobId(1, W1),
			state: 'done',
			attempts: 1,
			threadId: expect.any(String),
			eventId: expect.any(String),
			skipped: {},
		});
		const [message] = botMessages();
		expect(message!.id).toBe(entry!.messageId);
		expect(message!.embeds[0]!.title).toBe('Week 1 · LLM overview');
		expect(message!.embeds[0]!.fields!.map((f) => f.name)).toEqual([
			'🎯 Objectives',
			'🧪 Demos to try',
			'❓ Questions to think about',
		]);
		expect(message!.embeds[0]!.description).toContain(
			`🗓️ **Meeting:** <t:${Date.parse('2026-03-04T12:00:00Z') / 1000}:F>`,
		);
		expect(message!.nonce).toBe(entry!.nonce);
		expect(message!.thread).toEqual({ id: entry!.threadId, name: 'Week 1 · LLM overview' });
		expect(workspace.scheduledEvents()).toEqual([
			expect.objectContaining({
				id: entry!.eventId,
				name: 'Week 1 · LLM overview',
				startsAt: at('2026-03-04T12:00:00Z'),
				endsAt: at('2026-03-04T13:30:00Z'),
				location: 'Online: see the weekly thread',
			}),
		]);
		expect(await wake()).toEqual([]);
	});

	it('GIVEN Discord applied the send but the answer was lost THEN the retry within the nonce window returns the same message: one post', async () => {
		poster.failNext('send', 'after');
		const [first] = await wake();
		expect(first).toMatchObject({
			state: 'retry',
			messageId: null,
			sendRejected: false,
			sendStartedAt: W1.toISOString(),
			lastError: 'send: socket hang up',
		});
		expect(botMessages()).toHaveLength(1);
		expect(await wake()).toEqual([]); // waits for the retry time
		clock.advance(MINUTE);
		const [second] = await wake();
		expect(second).toMatchObject({ state: 'done', attempts: 2, messageId: botMessages()[0]!.id });
		expect(botMessages()).toHaveLength(1);
		expect(poster.calls.filter((c) => c.op === 'send').map((c) => c.nonce)).toEqual([first!.nonce, first!.nonce]);
	});

	it('GIVEN a send with an unknown outcome and no retry before the nonce window closes THEN it is never repeated, and show can flag it', async () => {
		poster.failNext('send', 'after');
		poster.failNext('send', 'before');
		poster.failNext('send', 'before');
		await wake(); // 00:00, applied but lost
		clock.advance(MINUTE);
		await wake(); // 00:01, fails before Discord
		clock.advance(2 * MINUTE);
		await wake(); // 00:03, fails before Discord; the next retry would be at 00:07, past the 4-minute window
		clock.advance(4 * MINUTE);
		expect(await wake()).toEqual([]);
		clock.advance(HOUR);
		expect(await wake()).toEqual([]);
		expect(botMessages()).toHaveLength(1);
		expect(unsettledEntries(await ledger.get(GUILD), clock.now()).map((e) => e.jobId)).toEqual([postJobId(1, W1)]);
	});

	it('GIVEN Discord refuses the send (no permission) THEN it retries with backoff and posts once the permission is fixed', async () => {
		schedule = seoulSchedule({ guildId: GUILD, channelId: LOCAL_IDS.channels.announcements });
		const [refused] = await wake();
		expect(refused).toMatchObject({
			state: 'retry',
			sendRejected: true,
			sendStartedAt: null,
			lastError: 'send: Missing Permissions (50013)',
			nextAttemptAt: '2026-03-02T00:01:00.000Z',
		});
		clock.advance(MINUTE);
		expect(await wake()).toMatchObject([{ state: 'retry', attempts: 2, nextAttemptAt: '2026-03-02T00:03:00.000Z' }]);
		workspace.channel(LOCAL_IDS.channels.announcements)!.botCanPost = true;
		clock.advance(2 * MINUTE);
		expect(await wake()).toMatchObject([{ state: 'done', attempts: 3 }]);
		expect(botMessages(LOCAL_IDS.channels.announcements)).toHaveLength(1);
	});

	it('GIVEN Discord refuses every attempt THEN it gives up after the maximum attempts', async () => {
		for (let i = 0; i < MAX_ATTEMPTS; i++)
			poster.failNext('send', 'before', new LocalApiError(50001, 'Missing Access'));
		for (let i = 0; i < 40; i++) {
			await wake();
			clock.advance(MINUTE);
		}
		const entry = (await ledger.get(GUILD))[postJobId(1, W1)]!;
		expect(entry).toMatchObject({
			state: 'gave-up',
			attempts: MAX_ATTEMPTS,
			messageId: null,
			lastError: 'send: Missing Access (50001)',
		});
		expect(botMessages()).toHaveLength(0);
	});

	it('GIVEN the thread was started but its answer lost THEN the retry finds it (160004) and records the message id as the thread', async () => {
		poster.failNext('startThread', 'after');
		const [first] = await wake();
		expect(first).toMatchObject({
			state: 'retry',
			messageId: expect.any(String),
			threadId: null,
			lastError: 'thread: socket hang up',
		});
		clock.advance(MINUTE);
		const [second] = await wake();
		expect(second).toMatchObject({ state: 'done', threadId: first!.messageId, eventId: expect.any(String) });
		expect(botMessages()).toHaveLength(1);
		expect(workspace.scheduledEvents()).toHaveLength(1);
	});

	it('GIVEN Discord refuses the thread or the event THEN that step is left out with the reason and the rest is made', async () => {
		poster.failNext('startThread', 'before', new LocalApiError(50013, 'Missing Permissions'));
		poster.failNext('createScheduledEvent', 'before', new LocalApiError(50013, 'Missing Permissions'));
		const [entry] = await wake();
		expect(entry).toMatchObject({
			state: 'done',
			threadId: null,
			eventId: null,
			skipped: { thread: 'Missing Permissions (50013)', event: 'Missing Permissions (50013)' },
		});
	});

	it('GIVEN a recovery after the meeting started THEN the late post is made without an event or meeting line', async () => {
		schedule = seoulSchedule({ guildId: GUILD, channelId: STUDY, postCron: '0 20 * * 3' }); // Wednesday 20:00, meeting 21:00
		clock.set(at('2026-03-04T12:30:00Z')); // 21:30 in Seoul: 90 minutes late, inside the grace period
		const [entry] = await wake();
		expect(entry).toMatchObject({
			state: 'done',
			eventId: null,
			skipped: { event: 'the meeting had already started' },
		});
		expect(botMessages()[0]!.embeds[0]!.description).not.toContain('Meeting:');
		expect(workspace.scheduledEvents()).toEqual([]);
	});

	it('GIVEN the reminder time THEN the reminder goes to the week’s thread with the event link, or to the channel when the thread refuses', async () => {
		const [post] = await wake();
		clock.set(at('2026-03-04T11:00:00Z'));
		const [reminder] = await wake();
		expect(reminder).toMatchObject({ jobId: reminderJobId(1, W1), state: 'done', channelId: post!.threadId });
		const [message] = workspace.messages(post!.threadId!);
		expect(message!.content).toBe(
			`⏰ **The week 1 meeting starts <t:${Date.parse('2026-03-04T12:00:00Z') / 1000}:R>** (<t:${Date.parse('2026-03-04T12:00:00Z') / 1000}:t>): LLM overview.\n` +
				'Warm up with a demo: `/sample prompt:To be, or not to be temperature:0.8 tokens:40 seed:42`\n' +
				`RSVP: https://discord.com/events/${GUILD}/${post!.eventId}`,
		);
		// Week 2: the thread stops accepting posts; the reminder falls back to the channel.
		clock.set(at('2026-03-09T00:00:00Z'));
		const [post2] = await wake();
		workspace.channel(post2!.threadId!)!.botCanPost = false;
		clock.set(at('2026-03-11T11:00:00Z'));
		const [reminder2] = await wake();
		expect(reminder2).toMatchObject({ state: 'done', channelId: STUDY });
		expect(botMessages().at(-1)!.content).toMatch(/^⏰ \*\*The week 2 meeting starts/);
	});
});
