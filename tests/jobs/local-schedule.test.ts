import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { loadConfig } from '../../src/config.js';
import { everyMs } from '../../src/jobs/scheduler.js';
import { LOCAL_IDS } from '../../src/local/guild.js';
import { startLocal, type LocalBot } from '../../src/local/start.js';
import type { MessageView } from '../../src/local/view.js';
import { ManualClock, memoryStore } from '../helpers/deps.js';
import { silentLogger } from '../helpers/silent-logger.js';
import { openEvents } from '../local/sse-client.js';

const { general, studyGroup } = LOCAL_IDS.channels;
type Who = { member: string; role: 'member' | 'organizer' };
const ADA: Who = { member: 'Ada', role: 'organizer' };
const LINUS: Who = { member: 'Linus', role: 'member' };

describe('local mode: scheduled posts arrive in the study-group channel page', () => {
	let bot: LocalBot;
	// Thursday 26 February 2026, 10:00 in Seoul.
	const clock = new ManualClock(new Date('2026-02-26T01:00:00Z'));

	beforeAll(async () => {
		const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', STORE_URL: 'sqlite://:memory:', NODE_ENV: 'test' });
		bot = await startLocal(config, silentLogger, {
			commands,
			store: await memoryStore(),
			clock,
			schedulerWake: everyMs(20),
		});
	});
	afterAll(() => bot?.stop());

	const send = async (who: Who, text: string) => {
		const response = await fetch(`${bot.url}/api/send`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ ...who, channelId: general, text }),
		});
		return (await response.json()) as { ok: boolean };
	};
	const history = async (channelId: string, who: Who) => {
		const response = await fetch(
			`${bot.url}/api/messages?${new URLSearchParams({ channel: channelId, ...who }).toString()}`,
		);
		return ((await response.json()) as { messages: MessageView[] }).messages;
	};

	it('GIVEN a member THEN changing the schedule is refused in the page (as Discord hides the command), and nothing is saved', async () => {
		expect(await send(LINUS, '/schedule set channel:#study-group')).toMatchObject({ ok: false });
		const [refusal] = (await history(general, LINUS)).filter((m) => m.ephemeral);
		expect(refusal!.html).toContain('You do not have permission to use /schedule.');
		expect(await bot.app.deps.repos.schedules.get(bot.workspace.guild.id)).toBeUndefined();
	});

	it('GIVEN /week in the page THEN a member gets the page privately, with its section menu', async () => {
		expect(await send(LINUS, '/week number:9')).toMatchObject({ ok: true });
		const page = (await history(general, LINUS)).at(-1)!;
		expect(page.ephemeral).toBe(true);
		expect(page.embeds[0]).toMatchObject({
			titleHtml: '📖 Week 9 · Position-wise feed-forward networks (basic and advanced)',
		});
		expect(page.components.map((row) => row.components.length)).toEqual([1, 2]);
	});

	it('GIVEN the announcements channel (the bot may not post there) THEN set names the problem', async () => {
		expect(await send(ADA, '/schedule set channel:#announcements')).toMatchObject({ ok: false });
		expect((await history(general, ADA)).at(-1)!.html).toContain('I am missing these permissions in');
	});

	it('GIVEN an organizer sets and starts the schedule and the clock passes Monday 09:00 THEN the week 1 post, its thread and its event reach the page', async () => {
		expect(await send(ADA, '/schedule set channel:#study-group')).toMatchObject({ ok: true });
		expect(await send(ADA, '/schedule start date:2026-03-02')).toMatchObject({ ok: true });
		const events = await openEvents(`${bot.url}/api/events?member=Ada&role=organizer`);
		try {
			await new Promise((r) => setTimeout(r, 60));
			expect(await history(studyGroup, ADA)).toEqual([]);
			clock.set(new Date('2026-03-02T00:00:05Z'));
			const posted = await events.next(
				(e) =>
					e.event === 'message' &&
					(e.data as MessageView).channelId === studyGroup &&
					(e.data as MessageView).thread !== null,
			);
			const post = posted.data as MessageView;
			expect(post.author.id).toBe(LOCAL_IDS.bot);
			expect(post.embeds[0]).toMatchObject({ titleHtml: 'Week 1 · LLM overview' });
			expect(post.thread!.name).toBe('Week 1 · LLM overview');
			await events.next((e) => e.event === 'scheduled-event');
			expect(bot.workspace.scheduledEvents().map((e) => e.startsAt.toISOString())).toEqual([
				'2026-03-04T12:00:00.000Z',
			]);
			expect((await history(studyGroup, LINUS)).map((m) => m.id)).toEqual([post.id]);
			// The reminder, an hour before Wednesday's meeting, lands in the week's thread.
			clock.set(new Date('2026-03-04T11:00:01Z'));
			await events.next((e) => e.event === 'message' && (e.data as MessageView).channelId === post.thread!.id);
			expect((await history(post.thread!.id, LINUS))[0]!.html).toContain('The week 1 meeting starts');
		} finally {
			events.close();
		}
	});

	it('GIVEN post-now replace:true for week 1 THEN the page loses the old post and thread (told live) and gets one new post, thread and event', async () => {
		clock.set(new Date('2026-03-04T11:30:00Z'));
		const weekPosts = () =>
			bot.workspace
				.messages(studyGroup)
				.filter((m) => m.author.bot && m.interaction === null && m.embeds[0]?.title === 'Week 1 · LLM overview');
		const [first] = weekPosts();
		const [firstEvent] = bot.workspace.scheduledEvents();
		expect(first?.thread).not.toBeNull();
		const events = await openEvents(`${bot.url}/api/events?member=Linus&role=member`);
		try {
			expect(await send(ADA, '/schedule post-now week:1 replace:true')).toMatchObject({ ok: true });
			await events.next((e) => e.event === 'channel-delete' && (e.data as { id: string }).id === first!.id);
			await events.next((e) => e.event === 'delete' && (e.data as { id: string }).id === first!.id);
		} finally {
			events.close();
		}
		const reply = (await history(general, ADA)).at(-1)!;
		expect(reply.html).toContain('Week 1 posted again, replacing its earlier post');
		const [second] = weekPosts();
		expect(weekPosts()).toHaveLength(1);
		expect(second!.id).not.toBe(first!.id);
		expect(second!.thread?.name).toBe('Week 1 · LLM overview');
		expect(bot.workspace.channel(first!.id)).toBeUndefined();
		expect(bot.workspace.scheduledEvents()).toHaveLength(1);
		expect(bot.workspace.scheduledEvents()[0]!.id).not.toBe(firstEvent!.id);
		expect((await history(studyGroup, LINUS)).map((m) => m.id)).toEqual([second!.id]);
	});
});
