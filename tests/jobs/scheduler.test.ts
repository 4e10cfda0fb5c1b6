import { getTasks } from 'node-cron';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/core/deps.js';
import type { Curriculum } from '../../src/curriculum/index.js';
import { nextDueAt, postJobId, reminderJobId, type DueOptions } from '../../src/jobs/due.js';
import { plannedPosts } from '../../src/jobs/plan.js';
import { everyMinute, everyMs, manualWake, Scheduler } from '../../src/jobs/scheduler.js';
import { wallTimeAt } from '../../src/jobs/zoned-time.js';
import { LOCAL_IDS } from '../../src/local/guild.js';
import { LocalWorkspace } from '../../src/local/workspace.js';
import type { GuildSchedule } from '../../src/storage/repositories/schedules.js';
import type { Store } from '../../src/storage/store.js';
import { ManualClock, memoryStore, RecordingPoster, testCurriculum, testDeps } from '../helpers/deps.js';
import { silentLogger } from '../helpers/silent-logger.js';
import { at, HOUR, MINUTE, seoulSchedule } from './fixtures.js';
import { FlakyPoster } from './flaky-poster.js';

const GUILD = LOCAL_IDS.guild;
const STUDY = LOCAL_IDS.channels.studyGroup;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
function random(seed: number): () => number {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

describe('the scheduler', () => {
	let curriculum: Curriculum;
	let store: Store;
	let clock: ManualClock;
	let workspace: LocalWorkspace;
	let deps: Deps;
	const schedulers: Scheduler[] = [];
	/** A scheduler as a (re)started process makes it: nothing in memory carries over, only the store. */
	const start = (owned: () => Iterable<string> = () => [GUILD], d: Deps = deps) => {
		const scheduler = new Scheduler({ deps: d, log: silentLogger, ownedGuilds: owned, wake: manualWake });
		schedulers.push(scheduler);
		return scheduler;
	};
	const botMessages = (channelId = STUDY) =>
		workspace.messages(channelId).filter((m) => m.author.id === workspace.bot.id);

	beforeAll(async () => {
		curriculum = await testCurriculum();
	});
	beforeEach(async () => {
		store = await memoryStore();
		clock = new ManualClock(at('2026-02-20T00:00:00Z'));
		workspace = new LocalWorkspace({ clock });
		deps = testDeps({ store, curriculum, clock, poster: workspace.poster });
	});
	afterEach(async () => {
		for (const s of schedulers.splice(0)) await s.stop();
		await store.close();
	});

	it('GIVEN a New York semester across the spring-forward Sunday, random lateness and restarts THEN every week is posted once with one thread, one event and one reminder', async () => {
		const schedule: GuildSchedule = seoulSchedule({
			guildId: GUILD,
			channelId: STUDY,
			timezone: 'America/New_York',
			postCron: '30 2 * * 0',
			meeting: { weekday: 0, hour: 10, minute: 0, durationMinutes: 90, channelId: LOCAL_IDS.channels.studyRoom },
			plan: { startWeek: 1, startAt: '2026-02-22T05:00:00.000Z', previous: null },
		});
		await deps.repos.schedules.update(GUILD, () => schedule);
		const options: DueOptions = { graceMs: deps.config.SCHEDULE_GRACE_MINUTES * MINUTE, lastWeek: 12 };
		const rand = random(7);
		let scheduler = start();
		await scheduler.start();
		let restarts = 0;
		for (let step = 0; step < 200; step++) {
			const next = nextDueAt(schedule, await deps.repos.scheduleLedger.get(GUILD), clock.now(), options);
			if (!next) break;
			clock.set(new Date(next.getTime() + Math.floor(rand() * 30) * MINUTE));
			if (rand() < 0.3) {
				await scheduler.stop();
				scheduler = start();
				await scheduler.start();
				restarts++;
			} else {
				await scheduler.tick();
			}
			expect((await scheduler.tick()).ran).toEqual([]); // a second wake-up at the same moment does nothing
		}
		expect(restarts).toBeGreaterThan(3);
		const posts = botMessages();
		expect(posts.map((m) => m.embeds[0]!.title)).toEqual(curriculum.weeks.map((w) => `Week ${w.number} · ${w.title}`));
		expect(posts.every((m) => m.thread !== null)).toBe(true);
		posts.forEach((post, i) => {
			const inThread = workspace.messages(post.thread!.id);
			expect(inThread).toHaveLength(1);
			expect(inThread[0]!.content).toMatch(new RegExp(`^⏰ \\*\\*The week ${i + 1} meeting starts`));
		});
		const events = workspace.scheduledEvents();
		expect(events).toHaveLength(12);
		expect(
			events.every(
				(e) => e.channelId === LOCAL_IDS.channels.studyRoom && wallTimeAt(e.startsAt, 'America/New_York').hour === 10,
			),
		).toBe(true);
		const ledger = await deps.repos.scheduleLedger.get(GUILD);
		const planned = plannedPosts(schedule, 12);
		expect(Object.keys(ledger).sort()).toEqual(
			planned.flatMap((p) => [postJobId(p.week, p.at), reminderJobId(p.week, p.at)]).sort(),
		);
		expect(Object.values(ledger).every((e) => e.state === 'done' && e.attempts === 1)).toBe(true);
		// The spring-forward Sunday's 02:30 post was planned once, at 03:30 EDT.
		expect(ledger[postJobId(3, at('2026-03-08T07:30:00Z'))]).toBeDefined();
	});

	it('GIVEN the bot stopped before a post and restarts after it (within the grace period) THEN the post is made once on recovery, and never again', async () => {
		await deps.repos.schedules.update(GUILD, () => seoulSchedule({ guildId: GUILD, channelId: STUDY }));
		clock.set(at('2026-03-01T23:00:00Z'));
		const first = start();
		expect((await first.start()).ran).toEqual([]);
		await first.stop();
		clock.set(at('2026-03-02T02:00:00Z')); // two hours after Monday 09:00 in Seoul
		const second = start();
		expect((await second.start()).ran).toEqual([
			{ guildId: GUILD, jobId: postJobId(1, at('2026-03-02T00:00:00Z')), kind: 'post', week: 1, state: 'done' },
		]);
		expect((await second.tick()).ran).toEqual([]);
		await second.stop();
		clock.advance(HOUR);
		expect((await start().start()).ran).toEqual([]);
		expect(botMessages()).toHaveLength(1);
		expect(workspace.scheduledEvents()).toHaveLength(1);
	});

	it('GIVEN the bot comes back later than the grace period THEN the missed post is not made; the next week follows on time', async () => {
		await deps.repos.schedules.update(GUILD, () => seoulSchedule({ guildId: GUILD, channelId: STUDY }));
		clock.set(at('2026-03-02T06:00:01Z')); // 6 hours and 1 second late
		expect((await start().start()).ran).toEqual([]);
		clock.set(at('2026-03-09T00:00:00Z'));
		expect((await start().start()).ran.map((r) => r.week)).toEqual([2]);
	});

	it('GIVEN two processes that each own one guild THEN each guild’s post is made once, by its owner only; the owned list is read at every wake-up', async () => {
		const poster = new FlakyPoster(new RecordingPoster());
		const shared = testDeps({ store, curriculum, clock, poster });
		for (const [guild, channel] of [
			['200000000000000001', '300000000000000001'],
			['200000000000000002', '300000000000000002'],
		] as const) {
			await shared.repos.schedules.update(guild, () => seoulSchedule({ guildId: guild, channelId: channel }));
		}
		let ownedByA = ['200000000000000001'];
		const a = start(() => ownedByA, shared);
		const b = start(() => ['200000000000000002'], shared);
		const idle = start(() => [], shared);
		clock.set(at('2026-03-02T00:00:00Z'));
		const reports = [await a.tick(), await b.tick(), await idle.tick()];
		expect(reports.map((r) => r.ran.map((x) => x.guildId))).toEqual([
			['200000000000000001'],
			['200000000000000002'],
			[],
		]);
		expect(poster.calls.filter((c) => c.op === 'send').map((c) => c.channelId)).toEqual([
			'300000000000000001',
			'300000000000000002',
		]);
		ownedByA = [];
		clock.set(at('2026-03-09T00:00:00Z'));
		expect((await a.tick()).ran).toEqual([]);
	});

	it('GIVEN the store fails THEN the wake-up reports it and the next one works', async () => {
		await deps.repos.schedules.update(GUILD, () => seoulSchedule({ guildId: GUILD, channelId: STUDY }));
		let fail = true;
		const flaky = new Proxy(store, {
			get: (target, p) =>
				p === 'getMany' && fail ? () => Promise.reject(new Error('store down')) : (Reflect.get(target, p) as unknown),
		});
		const scheduler = start(undefined, testDeps({ store: flaky, curriculum, clock, poster: workspace.poster }));
		clock.set(at('2026-03-02T00:00:00Z'));
		expect((await scheduler.tick()).errors).toEqual([{ guildId: GUILD, error: 'Error: store down' }]);
		fail = false;
		expect((await scheduler.tick()).ran).toHaveLength(1);
	});

	it('GIVEN a timer waker and a fake clock THEN moving the clock past the post time makes the post without calling tick, and stop stops it', async () => {
		await deps.repos.schedules.update(GUILD, () => seoulSchedule({ guildId: GUILD, channelId: STUDY }));
		const scheduler = new Scheduler({ deps, log: silentLogger, ownedGuilds: () => [GUILD], wake: everyMs(10) });
		schedulers.push(scheduler);
		await scheduler.start();
		await sleep(50);
		expect(botMessages()).toHaveLength(0);
		clock.set(at('2026-03-02T00:00:30Z'));
		for (let i = 0; i < 100 && botMessages().length === 0; i++) await sleep(10);
		expect(botMessages()).toHaveLength(1);
		await scheduler.stop();
		clock.set(at('2026-03-09T00:00:30Z'));
		await sleep(60);
		expect(botMessages()).toHaveLength(1);
	});

	it('GIVEN the default waker THEN it registers one node-cron task every minute and removes it on stop', async () => {
		const before = [...getTasks().values()].filter((t) => t.name === 'weekly-schedule').length;
		const scheduler = new Scheduler({ deps, log: silentLogger, ownedGuilds: () => [], wake: everyMinute });
		await scheduler.start();
		const tasks = [...getTasks().values()].filter((t) => t.name === 'weekly-schedule');
		expect(tasks).toHaveLength(before + 1);
		expect(tasks.at(-1)!.getPattern()).toBe('* * * * *');
		await scheduler.stop();
		expect([...getTasks().values()].filter((t) => t.name === 'weekly-schedule')).toHaveLength(before);
	});
});
