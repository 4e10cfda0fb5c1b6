import { randomUUID } from 'node:crypto';
import type { APIMessage } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { deployCommands } from '../../src/discord/deploy.js';
import {
	DEFAULT_GUILD_SEED,
	guildIdsAcrossShards,
	shardOf,
	startEmulator,
	type DiscordEmulator,
} from '../emulator/index.js';
import { BotProcess } from '../helpers/bot-process.js';
import { STORE_URLS } from '../helpers/stores.js';
import { customIdsOf, shown, shownText } from '../faults/support/outcomes.js';

const GUILDS = 30;
const MINUTE = 60_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The bot as it grows: SHARDS=auto, one process per shard under discord.js's ShardingManager, 30 study guilds, on a
 * shared store. Every guild's weekly post must be made exactly once (each guild's scheduler runs only in the process
 * that owns it), commands are answered in every guild, and when Discord recommends more shards (3 → 4) and the bot is
 * restarted, every guild, now served by another process, still has its members' progress and gets no second post.
 * Run on PostgreSQL only: sharding on Redis is covered by shards.e2e.test.ts, and each store's locking and ledger by
 * tests/storage; running this four-minute scenario twice would take a third of the suite's time budget.
 */
describe.each(['postgres'] as const)('GIVEN 3 shard processes and 30 guilds on %s', (kind) => {
	let emulator: DiscordEmulator;
	let bot: BotProcess;
	let metricsUrl: string;
	const namespace = `shards-${randomUUID()}`;
	const guildIds = guildIdsAcrossShards(GUILDS);
	let postAt: Date;

	const command = (
		guildId: string,
		user: string,
		name: string,
		options: Record<string, string | number | boolean> = {},
		subcommand?: string,
	) =>
		emulator
			.dispatchInteraction({
				type: 'command',
				name,
				options,
				user,
				guildId,
				channel: 'general',
				...(subcommand ? { subcommand } : {}),
			})
			.answered({ timeoutMs: 30_000 });
	const weeklyPosts = (guildId: string): APIMessage[] =>
		emulator.world
			.messagesIn(emulator.world.channelByName('study-lab', guildId).id)
			.filter((m) => m.message.author.id === emulator.world.botUser.id && !m.interactionId && !m.deleted)
			.map((m) => m.message);
	const click = (guildId: string, user: string, message: APIMessage, customId: string) =>
		emulator
			.dispatchInteraction({ type: 'button', customId, message, user, guildId, channel: 'general' })
			.answered({ timeoutMs: 30_000 });
	/**
	 * Answers a practice run's first question the way a member would: a multiple-choice question with its first button;
	 * a numeric or free-text one through the answer form (with "1"), a free-text one then self-assessed "got it".
	 */
	const answerFirstQuestion = async (guildId: string, user: string, message: APIMessage) => {
		const ids = customIdsOf(message);
		const pick = ids.find((id) => id.startsWith('quiz:pick:'));
		if (pick) return click(guildId, user, message, pick);
		const opened = await click(
			guildId,
			user,
			message,
			ids.find((id) => id.startsWith('quiz:answer:'))!,
		);
		const modal = opened.modal!;
		const field = (modal.components[0] as { components: { custom_id: string }[] }).components[0]!.custom_id;
		const submitted = await emulator
			.dispatchInteraction({
				type: 'modal',
				customId: modal.custom_id,
				modal,
				message,
				fields: { [field]: '1' },
				user,
				guildId,
				channel: 'general',
			})
			.answered({ timeoutMs: 30_000 });
		const shownMessage = submitted.original?.message ?? message;
		const self = customIdsOf(shownMessage).find((id) => id.startsWith('quiz:self:'));
		return self ? click(guildId, user, shownMessage, self) : submitted;
	};
	const startBot = async (shards: number): Promise<void> => {
		emulator.options.shards = shards;
		bot = new BotProcess({
			DISCORD_TOKEN: emulator.token,
			DISCORD_API_BASE: emulator.apiUrl,
			SHARDS: 'auto',
			SHARD_SPAWN_DELAY_MS: '0',
			STORE_URL: STORE_URLS[kind](),
			STORE_NAMESPACE: namespace,
			COMPUTE_THREADS: '1',
		});
		const line = await bot.waitForLog((l) => typeof l.url === 'string' && String(l.msg).startsWith('sharding'), 60_000);
		metricsUrl = `${String(line.url)}/metrics`;
		for (let shard = 0; shard < shards; shard++) {
			await bot.waitForLog((l) => l.msg === 'schedule recovery done' && l.shard === String(shard), 180_000);
		}
	};

	beforeAll(async () => {
		emulator = await startEmulator({
			token: `shards-${kind}`,
			heartbeatIntervalMs: 1000,
			guilds: guildIds.map((id, i) => ({ ...DEFAULT_GUILD_SEED, id, name: `Study group ${i}` })),
		});
		for (const id of guildIds)
			await deployCommands({ token: emulator.token, commands, guildId: id, apiBase: emulator.apiUrl });
		await startBot(3);
	}, 300_000);

	afterAll(async () => {
		await bot?.stop();
		await emulator?.stop();
	});

	it('GIVEN SHARDS=auto and Discord recommending 3 THEN three shard processes serve ten guilds each', () => {
		const started = bot.logs().filter((l) => l.msg === 'shard process started');
		expect(started.map((l) => l.shard).sort()).toEqual([0, 1, 2]);
		const served = bot
			.logs()
			.filter((l) => l.msg === 'connected to Discord')
			.map((l) => [l.shard, l.guilds]);
		expect(served.sort()).toEqual([
			['0', 10],
			['1', 10],
			['2', 10],
		]);
		expect(new Set(guildIds.map((id) => shardOf(id, 3))).size).toBe(3);
	});

	it('GIVEN ada sets and starts a weekly post in every guild, and alan answers a practice question in each THEN every one of their commands is answered', async () => {
		// The post minute: the next whole minute at least 20 s away (saving all 30 schedules takes about a second here).
		postAt = new Date(Math.ceil((Date.now() + 20_000) / MINUTE) * MINUTE);
		const hhmm = `${pad(postAt.getUTCHours())}:${pad(postAt.getUTCMinutes())}`;
		await Promise.all(
			guildIds.map(async (guildId) => {
				const set = await command(
					guildId,
					'ada',
					'schedule',
					{ channel: 'study-lab', timezone: 'UTC', post_day: postAt.getUTCDay(), post_time: hhmm },
					'set',
				);
				expect(set.original?.message.content, `schedule set in ${guildId}`).toBe('✅ Saved.');
				const started = await command(guildId, 'ada', 'schedule', {}, 'start');
				expect(started.original?.message.content, `schedule start in ${guildId}`).toMatch(/^✅ Started with week 1\./);
			}),
		);
		await Promise.all(
			guildIds.map(async (guildId) => {
				const run = await command(guildId, 'alan', 'quiz', { week: 1, count: 3 }, 'practice');
				const answer = await answerFirstQuestion(guildId, 'alan', run.original!.message);
				expect(shownText(answer), `practice answer in ${guildId}`).toMatch(/Right!|Not quite|Self-assessed/);
			}),
		);
		expect(Date.now(), 'the schedules were saved before the post minute').toBeLessThan(postAt.getTime());
		expect(emulator.violations).toEqual([]);
	}, 120_000);

	it('GIVEN the post minute passes THEN every guild has its week 1 post exactly once, and the manager’s /metrics counts 30 posts made', async () => {
		await emulator.waitFor(
			() => guildIds.every((id) => weeklyPosts(id).length > 0),
			postAt.getTime() - Date.now() + 60_000,
			'a weekly post in every guild',
		);
		await sleep(3_000); // every shard has had its wake-up: still one each
		for (const id of guildIds) {
			expect(
				weeklyPosts(id).map((m) => m.embeds[0]?.title),
				`posts in ${id}`,
			).toEqual(['Week 1 · LLM overview']);
			expect(emulator.world.guild(id)!.scheduledEvents.size, `events in ${id}`).toBe(1);
		}
		const made = bot.logs().filter((l) => l.msg === 'post made');
		expect(made).toHaveLength(GUILDS);
		expect(new Set(made.map((l) => l.shard))).toEqual(new Set(['0', '1', '2']));
		const metrics = await (await fetch(metricsUrl)).text();
		expect(metrics).toMatch(new RegExp(`bot_scheduled_posts_total\\{result="made"\\} ${GUILDS}\\b`));
	}, 180_000);

	it('GIVEN Discord now recommends 4 shards and the bot restarts THEN every guild, served by another process, shows alan’s answer and gets no second post', async () => {
		await bot.stop();
		await startBot(4);
		const served = bot
			.logs()
			.filter((l) => l.msg === 'connected to Discord')
			.map((l) => l.guilds as number);
		expect(served.reduce((a, b) => a + b, 0)).toBe(GUILDS);
		expect(guildIds.filter((id) => shardOf(id, 3) !== shardOf(id, 4)).length).toBeGreaterThan(0);
		// One after another: 30 progress cards at once would fill the single worker's queue, and the members would rightly
		// be told "busy" (tests/compute covers that).
		for (const guildId of guildIds) {
			const progress = await command(guildId, 'alan', 'progress');
			expect(shownText(progress), `progress in ${guildId}`).toMatch(/^📈 Progress of/);
			// The card is in the last message shown: the response itself, or (when a busy machine made the automatic
			// deferral public) the private follow-up that replaced it.
			expect(shown(progress).at(-1)?.message.attachments[0]?.description, `progress in ${guildId}`).toMatch(
				/of 1 answer right/,
			);
		}
		expect(bot.logs().filter((l) => l.msg === 'post made')).toEqual([]);
		for (const id of guildIds) expect(weeklyPosts(id), `posts in ${id}`).toHaveLength(1);
		expect(emulator.violations).toEqual([]);
	}, 300_000);
});
