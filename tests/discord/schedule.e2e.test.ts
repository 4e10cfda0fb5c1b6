import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ChannelType, type APIMessage } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { everyMs } from '../../src/jobs/scheduler.js';
import type { DiscordBot } from '../../src/discord/start.js';
import { startEmulator, type DiscordEmulator } from '../emulator/index.js';
import { ManualClock } from '../helpers/deps.js';
import { startBotOnEmulator } from '../helpers/discord-bot.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const MINUTE = 60_000;
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

async function waitUntil<T>(what: string, check: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = check();
		if (value) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await sleep(25);
	}
}

describe('weekly posts through the Discord emulator', () => {
	let emulator: DiscordEmulator;
	let bot: DiscordBot;
	// The fake clock starts at the real time: the emulator checks that events start in the (real) future.
	const clock = new ManualClock(new Date(Math.floor(Date.now() / MINUTE) * MINUTE));
	const storeUrl = `sqlite://${path.join(mkdtempSync(path.join(os.tmpdir(), 'schedule-e2e-')), 'bot.sqlite')}`;
	// The first post: three minutes ahead, to the minute, on that UTC weekday.
	const firstPost = new Date(clock.now().getTime() + 3 * MINUTE);
	const start = () => startBotOnEmulator(emulator, { clock, schedulerWake: everyMs(25), env: { STORE_URL: storeUrl } });

	let guildId: string;
	let studyLab: string;
	const guild = () => emulator.world.guild(guildId)!;
	const posts = (): APIMessage[] =>
		emulator.world
			.messagesIn(studyLab)
			.filter((m) => m.message.author.id === emulator.world.botUser.id && !m.interactionId && !m.deleted)
			.map((m) => m.message);
	const threads = () => [...guild().threads.values()].filter((t) => t.parent_id === studyLab);
	const command = (
		user: string,
		subcommand: string,
		options: Record<string, string | number | boolean> = {},
		name = 'schedule',
	) =>
		emulator.dispatchInteraction({ type: 'command', name, subcommand, options, user }).answered({ timeoutMs: 10_000 });

	beforeAll(async () => {
		emulator = await startEmulator({ heartbeatIntervalMs: 1000 });
		guildId = [...emulator.world.guilds.keys()][0]!;
		studyLab = emulator.world.channelByName('study-lab', guildId).id;
		bot = await start();
	}, 60_000);
	afterAll(async () => {
		await bot?.stop();
		await emulator?.stop();
	});

	it('GIVEN alan, a plain member THEN he cannot change the schedule; ada (the Organizer role, and the guild’s owner) can', async () => {
		const refused = await command('alan', 'set', { channel: 'study-lab' });
		expect(refused.original).toMatchObject({
			ephemeral: true,
			message: { content: '❌ Only organizers can manage the schedule: you need the Manage Server permission.' },
		});
		const organizerRole = [...guild().roles.values()].find((r) => r.name === 'Organizer')!;
		await command('ada', 'roles', { organizer_role: organizerRole.id }, 'settings');
		const still = await command('alan', 'start');
		expect(still.original?.message.content).toBe(
			`❌ Only organizers can manage the schedule: you need the Manage Server permission or the <@&${organizerRole.id}> role.`,
		);
		expect(await bot.app.deps.repos.schedules.get(guildId)).toBeUndefined();
		const voice = await command('ada', 'set', { channel: 'Study Hall' });
		expect(voice.original?.message.content).toMatch(
			/^❌ <#\d+> is not a text or announcement channel: the weekly posts and their threads need one\. Nothing was saved\./,
		);
	});

	it('GIVEN ada sets and starts the schedule and the fake clock passes the post time THEN exactly one spec-valid post, one thread and one scheduled event are created', async () => {
		const hhmm = `${String(firstPost.getUTCHours()).padStart(2, '0')}:${String(firstPost.getUTCMinutes()).padStart(2, '0')}`;
		const set = await command('ada', 'set', {
			channel: 'study-lab',
			timezone: 'UTC',
			post_day: firstPost.getUTCDay(),
			post_time: hhmm,
		});
		expect(set.original?.message.content).toBe('✅ Saved.');
		expect(set.original?.message.embeds[0]?.fields?.[0]?.value).toBe(
			`<#${studyLab}>, ${DAYS[firstPost.getUTCDay()]}s at ${hhmm} (\`${firstPost.getUTCMinutes()} ${firstPost.getUTCHours()} * * ${firstPost.getUTCDay()}\`), UTC`,
		);
		const started = await command('ada', 'start');
		expect(started.original?.message.content).toMatch(/^✅ Started with week 1\./);
		expect(started.original?.message.embeds[0]?.fields?.find((f) => f.name === '⏭️ Next posts')?.value).toContain(
			`<t:${firstPost.getTime() / 1000}:F>`,
		);

		await sleep(200);
		expect(posts()).toEqual([]);
		clock.set(new Date(firstPost.getTime() + 5_000));
		const [post] = await waitUntil(
			'the week 1 post',
			() => posts().length > 0 && threads().length > 0 && guild().scheduledEvents.size > 0 && posts(),
		);
		await sleep(300); // a few more wake-ups: still one of each
		expect(posts()).toHaveLength(1);
		expect(post!.embeds[0]!.title).toBe('Week 1 · LLM overview');
		expect(post!.embeds[0]!.fields!.map((f) => f.name)).toEqual([
			'🎯 Objectives',
			'🧪 Demos to try',
			'❓ Questions to think about',
		]);
		// Week 1 lists /ask, but this bot has no AI tutor (no OPENAI_API_KEY): the post suggests only what works.
		expect(post!.embeds[0]!.fields![1]!.value).toContain('/sample');
		expect(post!.embeds[0]!.fields![1]!.value).not.toContain('/ask');
		expect(threads().map((t) => [t.id, t.name, t.type])).toEqual([
			[post!.id, 'Week 1 · LLM overview', ChannelType.PublicThread],
		]);
		const events = [...guild().scheduledEvents.values()];
		expect(events).toHaveLength(1);
		expect(events[0]).toMatchObject({
			name: 'Week 1 · LLM overview',
			entity_type: 3,
			entity_metadata: { location: 'Online: see the weekly thread' },
		});
		// The first Wednesday 21:00 UTC after the post.
		const meeting = Date.parse(events[0]!.scheduled_start_time);
		expect(new Date(meeting).getUTCDay()).toBe(3);
		expect(new Date(meeting).getUTCHours()).toBe(21);
		expect(meeting - firstPost.getTime()).toBeGreaterThan(0);
		expect(meeting - firstPost.getTime()).toBeLessThanOrEqual(7 * 24 * 60 * MINUTE);
		expect(emulator.violations).toEqual([]);
	});

	it('GIVEN the reminder time THEN the reminder arrives once, in the week’s thread', async () => {
		const event = [...guild().scheduledEvents.values()][0]!;
		const thread = threads()[0]!;
		clock.set(new Date(Date.parse(event.scheduled_start_time) - 60 * MINUTE + 1000));
		const reminders = () =>
			emulator.world.messagesIn(thread.id).filter((m) => m.message.author.id === emulator.world.botUser.id);
		await waitUntil('the reminder', () => reminders().length > 0);
		await sleep(200);
		expect(reminders()).toHaveLength(1);
		expect(reminders()[0]!.message.content).toContain('⏰ **The week 1 meeting starts');
		expect(reminders()[0]!.message.content).toContain(`https://discord.com/events/${guildId}/${event.id}`);
	});

	it('GIVEN the bot stops before the next post and restarts after it THEN week 2 is posted once on recovery, and a further restart posts nothing', async () => {
		await bot.stop();
		clock.set(new Date(firstPost.getTime() + 7 * 24 * 60 * MINUTE + 2 * 60 * MINUTE)); // two hours late
		bot = await start();
		await waitUntil(
			'the week 2 post',
			() => posts().length === 2 && threads().length === 2 && guild().scheduledEvents.size === 2,
		);
		expect(posts()[1]!.embeds[0]!.title).toBe('Week 2 · Comparing LLMs (GPT, Claude and others)');
		await bot.stop();
		clock.advance(10 * MINUTE);
		bot = await start();
		await bot.scheduler.tick(); // runs after the recovery wake-up
		await sleep(200);
		expect(posts()).toHaveLength(2);
		expect(threads()).toHaveLength(2);
		expect(guild().scheduledEvents.size).toBe(2);
	});

	it('GIVEN /week and /schedule show THEN the pages, menus and buttons are spec-valid, and the menu switches the section', async () => {
		const page = await emulator.dispatchInteraction({ type: 'command', name: 'week', user: 'alan' }).answered();
		expect(page.original?.message.embeds[0]?.title).toBe('📖 Week 2 · Comparing LLMs (GPT, Claude and others)');
		expect(page.original?.message.content).toMatch(
			/^📍 This week's material\n🗓️ Next meeting: <t:\d+:F> \(<t:\d+:R>\)$/,
		);
		const demos = await emulator
			.dispatchInteraction({
				type: 'select',
				customId: 'week:section:2',
				values: ['demos'],
				message: page.original!.message,
				user: 'alan',
			})
			.answered();
		expect(demos.original?.message.embeds[0]?.title).toBe('🧪 Week 2 · Comparing LLMs (GPT, Claude and others)');
		const other = await emulator
			.dispatchInteraction({ type: 'command', name: 'week', options: { number: 9 }, user: 'alan' })
			.answered();
		expect(other.original?.message.embeds[0]?.title).toBe(
			'📖 Week 9 · Position-wise feed-forward networks (basic and advanced)',
		);
		const show = await command('ada', 'show');
		expect(show.original?.message.embeds[0]?.fields?.find((f) => f.name === '📍 Now')?.value).toMatch(
			/^Week 2 · Comparing LLMs/,
		);
		expect(emulator.violations).toEqual([]);
		expect(emulator.unknownRoutes).toEqual([]);
	});
});
