import {
	ApplicationCommandOptionType as T,
	ComponentType,
	Locale,
	PermissionFlagsBits,
	type APIMessage,
	type APIModalInteractionResponseCallbackData,
	type APITextInputComponent,
} from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands as allCommands } from '../../commands/index.js';
import { defineCommand } from '../../src/core/command.js';
import type { OptionData } from '../../src/core/options.js';
import { withRerun } from '../../src/demos/rerun/index.js';
import type { DiscordBot } from '../../src/discord/start.js';
import type { Language } from '../../src/i18n/index.js';
import { koCommands } from '../../src/i18n/ko/commands.js';
import { manualWake } from '../../src/jobs/scheduler.js';
import { startEmulator, type DiscordEmulator } from '../emulator/index.js';
import type { InteractionOutcome } from '../emulator/interaction-record.js';
import { ManualClock } from '../helpers/deps.js';
import { startBotOnEmulator } from '../helpers/discord-bot.js';
import { englishProblem, koreanProblem, type Readable } from '../helpers/readable-text.js';

const MINUTE = 60_000;

/**
 * A command of this test's own with a boolean option and the "Run again with…" button, as a demo would add it (no
 * shipped demo has a boolean option yet): its reply shows the values it ran with.
 */
const flag = defineCommand({
	data: {
		name: 'flag-echo',
		description: 'Shows a word, loudly or not',
		options: [
			{ type: T.String, name: 'word', description: 'The word', required: true, max_length: 20 },
			{ type: T.Boolean, name: 'loud', description: 'Loudly' },
		],
	},
	async run({ args, deps }) {
		return withRerun({ content: `\`${args.word}${args.loud ? '!' : '.'}\`` }, 'flag-echo', args, deps);
	},
});

/**
 * /schedule post-now (a new post, the same week again in place, replace:true refused without Manage Threads, then
 * replacing), /schedule show's posted-by-hand lines, a presenter's re-run form on a /present step and its submission,
 * and a re-run form with a boolean option, in each member's language, end to end (the real bot on the Discord
 * emulator, every request body checked against Discord's spec). Public posts follow the server's language.
 */
describe('/schedule post-now and the re-run forms in Korean and English', () => {
	let emulator: DiscordEmulator;
	let bot: DiscordBot;
	let guildId: string;
	let general: string;
	let studyLab: string;
	const clock = new ManualClock(nextSeoulMonday10());

	beforeAll(async () => {
		emulator = await startEmulator({ heartbeatIntervalMs: 1000 });
		guildId = [...emulator.world.guilds.keys()][0]!;
		general = emulator.world.channelByName('general', guildId).id;
		studyLab = emulator.world.channelByName('study-lab', guildId).id;
		bot = await startBotOnEmulator(emulator, {
			clock,
			schedulerWake: manualWake,
			commands: [...allCommands, flag],
		});
		const set = await run(Locale.EnglishUS, 'schedule', { channel: 'study-lab', timezone: 'Asia/Seoul' }, 'set');
		expect(set.original!.message.content).toMatch(/^✅ Saved\./);
	}, 60_000);
	afterAll(async () => {
		await bot?.stop();
		await emulator?.stop();
	});

	const locales = [
		{ locale: Locale.Korean, language: 'ko' as Language, problem: koreanProblem, week: 1 },
		{ locale: Locale.EnglishUS, language: 'en' as Language, problem: englishProblem, week: 2 },
	];

	function checkSpec(): void {
		expect(emulator.violations).toEqual([]);
		expect(emulator.unknownRoutes).toEqual([]);
	}

	async function run(
		locale: Locale,
		name: string,
		options: Record<string, string | number | boolean> = {},
		subcommand?: string,
	): Promise<InteractionOutcome> {
		const outcome = await emulator
			.dispatchInteraction({ type: 'command', name, subcommand, options, user: 'ada', locale, channel: general })
			.answered({ timeoutMs: 30_000, quietMs: 200 });
		checkSpec();
		return outcome;
	}

	async function click(
		locale: Locale,
		customId: string,
		message: APIMessage,
		channel = general,
	): Promise<InteractionOutcome> {
		const outcome = await emulator
			.dispatchInteraction({ type: 'button', customId, message, user: 'ada', locale, channel })
			.answered({ timeoutMs: 30_000, quietMs: 200 });
		checkSpec();
		return outcome;
	}

	async function submit(
		locale: Locale,
		modal: APIModalInteractionResponseCallbackData,
		fields: Record<string, string>,
		message: APIMessage,
		channel = general,
	): Promise<InteractionOutcome> {
		const outcome = await emulator
			.dispatchInteraction({
				type: 'modal',
				customId: modal.custom_id,
				fields,
				modal,
				message,
				user: 'ada',
				locale,
				channel,
			})
			.answered({ timeoutMs: 30_000, quietMs: 300 });
		checkSpec();
		return outcome;
	}

	/** What the member reads in the end: the original reply, or the error follow-up that replaced it. */
	const shown = (outcome: InteractionOutcome): Readable => (outcome.followUps[0] ?? outcome.original)!.message;
	const customIds = (message: APIMessage): string[] =>
		(message.components ?? []).flatMap((row) =>
			'components' in row ? row.components.map((c) => ('custom_id' in c ? c.custom_id : '')) : [],
		);
	/** A form's inputs as shown: custom id → a text input's value, or the choice a select menu has selected. */
	const formValues = (modal: APIModalInteractionResponseCallbackData): Record<string, string> =>
		Object.fromEntries(
			modal.components.flatMap((row) => {
				if (row.type === ComponentType.Label && row.component.type === ComponentType.StringSelect) {
					const chosen = row.component.options.find((o) => o.default)?.value;
					return chosen === undefined ? [] : [[row.component.custom_id, chosen]];
				}
				const input = (row as { components: APITextInputComponent[] }).components[0]!;
				return input.value === undefined ? [] : [[input.custom_id, input.value]];
			}),
		);

	/**
	 * The English a Korean form still shows for `/command`: option names, descriptions and choices that
	 * src/i18n/ko/commands.ts does not register in Korean (yet). The form's own words must be Korean.
	 */
	function untranslated(command: string): string[] {
		const options: readonly OptionData[] =
			[...allCommands, flag].find((c) => c.data.name === command)!.data.options ?? [];
		const texts = koCommands[command]?.options ?? {};
		// Longest first: a name inside a description ('text' in 'The text to split') must not break the description up.
		return options
			.flatMap((o) => [
				...(texts[o.name]?.name ? [] : [o.name]),
				...(texts[o.name]?.description ? [] : [o.description, o.description.slice(0, 100)]),
				...(o.choices ?? []).filter((c) => !texts[o.name]?.choices?.[String(c.value)]).map((c) => c.name),
			])
			.sort((a, b) => b.length - a.length);
	}

	for (const { locale, language, problem, week } of locales) {
		describe(`an organizer whose Discord is in ${locale}, in a server that posts in ${language}`, () => {
			beforeAll(async () => {
				await bot.app.deps.repos.settings.update(guildId, { language });
			});

			it(`GIVEN /schedule post-now twice, replace:true refused and then done, and /schedule show THEN every reply reads in ${language}`, async () => {
				const link = (id: string) => `https://discord.com/channels/${guildId}/${studyLab}/${id}`;
				const first = await run(locale, 'schedule', { week, event: true }, 'post-now');
				const posted = first.original!.message.content;
				const id = /\/(\d+)$/m.exec(posted.split('\n')[0]!)![1]!;
				expect(posted.split('\n')[0]).toBe(
					language === 'ko' ? `✅ ${week}주차를 게시했습니다: ${link(id)}` : `✅ Posted week ${week}: ${link(id)}`,
				);
				expect(problem(first.original!.message)).toBeNull();

				clock.advance(10 * MINUTE);
				const again = await run(locale, 'schedule', { week }, 'post-now');
				expect(again.original!.message.content).toMatch(
					language === 'ko' ? /^✏️ \d주차는 이미 게시되어/ : /^✏️ Week \d was posted already/,
				);
				expect(problem(again.original!.message)).toBeNull();

				// Without Manage Threads the thread cannot go: nothing is deleted, and the organizer is told why.
				const guild = emulator.world.guild(guildId)!;
				const botRole = [...guild.roles.values()].find((r) => r.tags?.bot_id === emulator.world.botUser.id)!;
				const granted = botRole.permissions;
				botRole.permissions = String(BigInt(granted) & ~PermissionFlagsBits.ManageThreads);
				const refused = await run(locale, 'schedule', { week, replace: true }, 'post-now');
				botRole.permissions = granted;
				expect((refused.followUps[0] ?? refused.original)!.message.content).toMatch(
					language === 'ko' ? /^❌ \d주차를 다시 게시하지 않았습니다/ : /^❌ Week \d was not posted again/,
				);
				expect(problem(shown(refused), ['Missing Permissions'])).toBeNull();

				clock.advance(10 * MINUTE);
				const replaced = await run(locale, 'schedule', { week, replace: true }, 'post-now');
				const lines = replaced.original!.message.content.split('\n');
				expect(lines).toHaveLength(7);
				expect(lines[1]).toBe(
					language === 'ko' ? `🗑️ 게시물을 삭제했습니다: ${link(id)}` : `🗑️ Deleted the post ${link(id)}.`,
				);
				expect(problem(replaced.original!.message)).toBeNull();

				const show = await run(locale, 'schedule', {}, 'show');
				const byHand = show.original!.message.embeds[0]!.fields!.find((f) =>
					f.name.startsWith(language === 'ko' ? '✋ 직접 올린 게시물' : '✋ Posted by hand'),
				);
				expect(byHand?.value).toMatch(
					language === 'ko' ? new RegExp(`${week}주차: .* 다시 게시함`) : new RegExp(`Week ${week}: posted again`),
				);
				expect(problem(show.original!.message)).toBeNull();
			}, 60_000);

			it(`GIVEN a presenter re-runs a /present step's demo THEN the form reads in ${language} and the step shows the re-run line in the server's language`, async () => {
				const started = await run(locale, 'present', { week: 3 });
				const thread = /<#(\d+)>/.exec(started.original!.message.content)![1]!;
				const step = () =>
					emulator.world
						.messagesIn(thread)
						.filter((m) => !m.deleted && !m.ephemeral)
						.at(-1)!.message;
				const rerunId = (m: APIMessage) => customIds(m).find((c) => c.startsWith('present:sr:'));
				while (!rerunId(step())) {
					const message = step();
					const footer = message.embeds[0]!.footer!.text;
					await click(locale, customIds(message)[1]!, message, thread);
					await emulator.waitFor(() => step().embeds[0]!.footer!.text !== footer, 30_000, 'the next step');
				}
				const before = step();
				const opened = await click(locale, rerunId(before)!, before, thread);
				const modal = opened.modal!;
				expect(modal.title).toBe(language === 'ko' ? '/tokenize 다시 실행' : 'Run /tokenize again');
				expect(problem({ modal }, language === 'ko' ? untranslated('tokenize') : [])).toBeNull();
				const values = formValues(modal);
				const encoding = values.encoding === 'gpt2' ? 'gpt-4' : 'gpt2';
				const done = await submit(locale, modal, { ...values, encoding }, before, thread);
				expect(done.callbacks[0]!.type).toBe(6);
				const after = await emulator.waitFor(
					() => (step().content.startsWith('🔁') ? step() : undefined),
					30_000,
					'the step with the re-run',
				);
				expect(after.id).toBe(before.id);
				const line = after.content.split('\n')[0]!;
				expect(line).toMatch(
					language === 'ko'
						? /^🔁 \*\*Ada\*\* 님이 `\/tokenize` 명령을 다시 실행했습니다: `encoding` /
						: /^🔁 \*\*Ada\*\* ran `\/tokenize` again: `encoding` /,
				);
				expect(problem({ content: line })).toBeNull();
				// The whole step, in the server's language; the demo's input text is shown as it is.
				expect(problem(after, [values.text!])).toBeNull();
			}, 90_000);

			it(`GIVEN a re-run form with a boolean option THEN it is a yes/no select in ${language}, the run's value selected, and choosing yes re-runs the command with it`, async () => {
				const first = await run(locale, 'flag-echo', { word: 'hey', loud: false });
				const message = first.original!.message;
				expect(message.content).toBe('`hey.`');
				const [button] = customIds(message);
				expect((message.components![0] as { components: unknown[] }).components[0]).toMatchObject({
					label: language === 'ko' ? '다른 값으로 다시 실행' : 'Run again with…',
				});
				const opened = await click(locale, button!, message);
				const modal = opened.modal!;
				const loud = modal.components.find((c) => c.type === ComponentType.Label);
				expect(loud).toMatchObject({
					type: ComponentType.Label,
					label: 'loud',
					component: {
						type: ComponentType.StringSelect,
						custom_id: 'loud',
						required: false,
						placeholder: language === 'ko' ? '기본값' : 'The default',
						options:
							language === 'ko'
								? [
										{ label: '예', value: 'true' },
										{ label: '아니요', value: 'false', default: true },
									]
								: [
										{ label: 'Yes', value: 'true' },
										{ label: 'No', value: 'false', default: true },
									],
					},
				});
				expect(problem({ modal }, language === 'ko' ? untranslated('flag-echo') : [])).toBeNull();
				const rerun = await submit(locale, modal, { ...formValues(modal), loud: 'true' }, message);
				const reply = rerun.original!.message;
				expect(reply.content).toBe(
					language === 'ko'
						? '🔁 **Ada** 님이 `/flag-echo` 명령을 다시 실행했습니다: `loud` `false` → `true`\n`hey!`'
						: '🔁 **Ada** ran `/flag-echo` again: `loud` `false` → `true`\n`hey!`',
				);
				expect(problem(reply)).toBeNull();
			}, 60_000);
		});
	}
});

/** The coming Monday, 10:00 in Seoul (UTC+9, no daylight saving time): events must start in the real future. */
function nextSeoulMonday10(): Date {
	const DAY = 86_400_000;
	const SEOUL = 9 * 3_600_000;
	let t = Math.ceil((Date.now() + DAY + SEOUL) / DAY) * DAY - SEOUL;
	while (new Date(t + SEOUL).getUTCDay() !== 1) t += DAY;
	return new Date(t + 10 * 3_600_000);
}
