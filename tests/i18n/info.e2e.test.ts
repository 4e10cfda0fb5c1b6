import type { APIMessage } from 'discord-api-types/v10';
import { Locale } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { argsFor } from '../../src/core/args.js';
import type { DiscordBot } from '../../src/discord/start.js';
import { withLanguage, type Language } from '../../src/i18n/index.js';
import { koCommands } from '../../src/i18n/ko/commands.js';
import { startEmulator, type DiscordEmulator, type InteractionOutcome } from '../emulator/index.js';
import { ManualClock } from '../helpers/deps.js';
import { startBotOnEmulator } from '../helpers/discord-bot.js';
import { MemoryResponder } from '../helpers/memory-responder.js';
import { englishProblem, koreanProblem, type Readable } from '../helpers/readable-text.js';

/**
 * /help, /about, /week, /checkin, /progress, /leaderboard and /report, with their buttons and error replies, through
 * the real bot on the emulated Discord, once with a Korean client (`ko`) and once with an English one (`en-US`): the
 * readable text of every reply (outside code, mentions, links and names) is Korean, or has no Korean, respectively.
 */
const LOCALES = [
	{ locale: Locale.Korean, language: 'ko', problem: koreanProblem },
	{ locale: Locale.EnglishUS, language: 'en', problem: englishProblem },
] as const satisfies readonly { locale: Locale; language: Language; problem: (r: Readable) => string | null }[];

describe('the info and organizer commands in Korean and in English', () => {
	let emulator: DiscordEmulator;
	let bot: DiscordBot;
	let guildId: string;
	// Wednesday 4 March 2026, 21:10 in Seoul: the default meeting is on, so check-in is open.
	const clock = new ManualClock(new Date('2026-03-04T12:10:00Z'));

	beforeAll(async () => {
		emulator = await startEmulator({ heartbeatIntervalMs: 1000 });
		guildId = [...emulator.world.guilds.keys()][0]!;
		bot = await startBotOnEmulator(emulator, { clock });
		// Quiz answers this week and a tutor evaluation, so the progress card, the leaderboard and the report have rows.
		const { repos, curriculum } = bot.app.deps;
		for (const username of ['alan', 'ada']) {
			const userId = emulator.world.userByName(username).id;
			for (const [i, q] of curriculum.questionsFor(10).slice(0, 3).entries()) {
				await repos.answers.record({
					id: `p:seed-${username}:${i}`,
					guildId,
					userId,
					questionId: q.id,
					week: 10,
					kind: q.kind,
					tier: q.tier,
					mode: 'practice',
					correct: i !== 1,
					credit: i !== 1 ? 1 : 0,
					points: 0,
					grading: 'auto',
					at: '2026-03-03T10:00:00Z',
				});
			}
		}
		await repos.sessionEvaluations.record({
			sessionId: 's1',
			guildId,
			userId: emulator.world.userByName('alan').id,
			week: 10,
			tier: 'implementation',
			language: 'ko',
			startedAt: '2026-03-03T10:00:00Z',
			finishedAt: '2026-03-03T10:30:00Z',
			knowledgePoints: { total: 3, visited: [], answered: [] },
			dimensions: Object.fromEntries(
				curriculum.format.dimensions.map((d) => [d.id, { score: 3, evidence: '' }]),
			) as never,
			total: 16,
			mastery: 'Proficient understanding (a solid grasp with meaningful connections)',
			strengths: [],
			improvements: [],
			nextSteps: [],
			model: 'test',
		});
	}, 60_000);
	afterAll(async () => {
		await bot?.stop();
		await emulator?.stop();
	});

	async function check(outcome: Promise<InteractionOutcome>): Promise<InteractionOutcome> {
		const done = await outcome;
		expect(emulator.violations).toEqual([]);
		return done;
	}

	/** The message a member reads: the reply, or the ❌ follow-up of a deferred command. */
	const shown = (outcome: InteractionOutcome): APIMessage => (outcome.followUps.at(-1) ?? outcome.original)!.message;

	describe.each(LOCALES)('with the client in $locale', ({ locale, language, problem }) => {
		const command = (name: string, options: Record<string, string | number | boolean> = {}, user = 'ada') =>
			check(
				emulator
					.dispatchInteraction({ type: 'command', name, options, user, locale })
					.answered({ timeoutMs: 20_000, quietMs: 200 }),
			);
		const member = language === 'ko' ? 'alan' : 'ada';

		it('GIVEN /help THEN the list, one command’s options and an unknown command read in the language', async () => {
			const list = shown(await command('help'));
			const embed = list.embeds[0]!;
			// Headings and notes come from the catalogue; each description from the command's localisation if it has one.
			expect(problem({ embeds: [{ title: embed.title, description: embed.description }] })).toBeNull();
			for (const field of embed.fields!) expect(problem({ content: field.name })).toBeNull();
			const text = embed.fields!.map((f) => f.value).join('\n');
			for (const c of commands) {
				const localized = language === 'ko' ? koCommands[c.data.name]?.description : undefined;
				expect(text).toContain(`: ${localized || c.data.description}`);
			}
			// Once every command has its Korean description, the whole list reads as Korean.
			const allLocalized = commands.every((c) => koCommands[c.data.name]?.description);
			if (language === 'en' || allLocalized) expect(problem(list)).toBeNull();

			const one = shown(await command('help', { command: 'week' }));
			expect(one.embeds[0]!.title).toBe('/week');
			const description = bot.app.deps.commands.find((c) => c.data.name === 'week')!.data.description;
			expect(one.embeds[0]!.description).toContain(
				(language === 'ko' ? koCommands.week?.description : undefined) || description,
			);
			if (language === 'en' || koCommands.week) expect(problem(one)).toBeNull();

			const unknown = shown(await command('help', { command: 'nope' }));
			expect(unknown.content).toMatch(/^❌ /);
			expect(problem(unknown)).toBeNull();
		}, 30_000);

		it('GIVEN /about THEN its fields and the models’ states read in the language', async () => {
			const about = shown(await command('about'));
			expect(about.embeds[0]!.fields).toHaveLength(5);
			expect(problem(about)).toBeNull();
		});

		it('GIVEN /week number:10 THEN every section, the menu, the buttons and the next-meeting line read in the language', async () => {
			const outcome = await command('week', { number: 10 });
			const page = shown(outcome);
			const week = bot.app.deps.curriculum.in(language).week(10)!;
			expect(page.embeds[0]!.title).toContain(week.title);
			expect(page.content).toMatch(/🗓️/);
			expect(problem(page)).toBeNull();
			let message = outcome.original!.message;
			for (const section of ['knowledge', 'demos', 'questions']) {
				const next = await check(
					emulator
						.dispatchInteraction({
							type: 'select',
							customId: 'week:section:10',
							values: [section],
							message,
							user: 'ada',
							locale,
						})
						.answered({ timeoutMs: 10_000, quietMs: 200 }),
				);
				message = next.original!.message;
				expect(problem(message), section).toBeNull();
				// The session format's tiers and reflection, as the curriculum of the language writes them.
				const format = bot.app.deps.curriculum.in(language).format;
				if (section === 'knowledge')
					for (const tier of format.tiers) expect(message.embeds[0]!.description).toContain(tier.name);
				if (section === 'questions') expect(message.embeds[0]!.description).toBe(format.reflection);
			}
			const next = await check(
				emulator
					.dispatchInteraction({
						type: 'button',
						customId: 'week:go:11:questions:next',
						message,
						user: 'ada',
						locale,
					})
					.answered({ timeoutMs: 10_000, quietMs: 200 }),
			);
			expect(next.original!.message.embeds[0]!.title).toContain(bot.app.deps.curriculum.in(language).week(11)!.title);
			expect(problem(next.original!.message)).toBeNull();
		}, 30_000);

		it('GIVEN /week without a schedule, and a week that does not exist THEN the explanation and the error read in the language', async () => {
			const first = shown(await command('week'));
			expect(problem({ content: first.content })).toBeNull();
			const missing = shown(await command('week', { number: 50 }));
			expect(missing.content).toMatch(/^❌ /);
			expect(problem(missing)).toBeNull();
		}, 30_000);

		it('GIVEN /checkin during the meeting, twice THEN both answers read in the language', async () => {
			const first = shown(await command('checkin', {}, member));
			expect(first.content).toMatch(/^✅ /);
			expect(problem(first)).toBeNull();
			const again = shown(await command('checkin', {}, member));
			expect(problem(again)).toBeNull();
		});

		it('GIVEN /progress, /leaderboard and /report THEN the messages and the cards’ alt texts read in the language', async () => {
			const progress = await command('progress', {}, member);
			expect(progress.original!.files[0]!.png).not.toBeNull();
			expect(problem(shown(progress))).toBeNull();
			const leaderboard = await command('leaderboard', {}, member);
			expect(leaderboard.original!.files[0]!.png).not.toBeNull();
			expect(problem(shown(leaderboard))).toBeNull();
			const month = shown(await command('leaderboard', { period: 'month' }, member));
			expect(problem(month)).toBeNull();
			const report = await command('report', {}, 'ada');
			expect(report.original!.files).toHaveLength(2);
			expect(problem(shown(report))).toBeNull();
			// alan is no organizer: the refusal names the action in the member's language.
			const refused = shown(await command('report', {}, 'alan'));
			expect(refused.content).toMatch(/^❌ /);
			expect(problem(refused)).toBeNull();
		}, 60_000);

		it('GIVEN a button of a command the bot no longer has THEN the dispatcher says so in the language', async () => {
			const responder = new MemoryResponder();
			await bot.app.dispatcher.runComponent(
				{
					interactionId: '1',
					user: { id: '1', name: 'alan', roles: [], permissions: 0n },
					guildId,
					channelId: '1',
					locale,
					createdAt: Date.now(),
				},
				'gone:handler',
				[],
				{ id: '1', ephemeral: true },
				responder,
			);
			const reply = responder.ops.find((op) => op.op === 'reply');
			expect(reply && 'reply' in reply ? problem(reply.reply) : 'no reply').toBeNull();
		});

		it('GIVEN options Discord would refuse THEN the checks’ messages read in the language', () => {
			const data = commands.find((c) => c.data.name === 'week')!.data;
			for (const options of [{ number: 0 }, { number: 'x' }, { share: 'maybe' }, { nope: 1 }]) {
				const error = withLanguage(language, () => {
					try {
						argsFor(data, { options });
						return null;
					} catch (e) {
						return e as Error;
					}
				});
				expect(error, JSON.stringify(options)).not.toBeNull();
				expect(problem({ content: error!.message }), error!.message).toBeNull();
			}
		});
	});
});
