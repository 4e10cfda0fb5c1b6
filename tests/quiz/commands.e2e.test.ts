import type { APIMessage } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordBot } from '../../src/discord/start.js';
import { computeAnswer } from '../../src/quiz/numeric.js';
import { optionOrder } from '../../src/quiz/shuffle.js';
import { startEmulator, type DiscordEmulator, type InteractionOutcome } from '../emulator/index.js';
import { ManualClock } from '../helpers/deps.js';
import { startBotOnEmulator } from '../helpers/discord-bot.js';

const DAY = 86_400_000;

/**
 * /quiz practice, /review, /checkin, /progress, /leaderboard and /report through the real bot and discord.js on the
 * emulated Discord: every body is checked against Discord's OpenAPI spec and limits.
 */
describe('quiz and progress commands through the Discord emulator', () => {
	let emulator: DiscordEmulator;
	let bot: DiscordBot;
	let guildId: string;
	// Wednesday 4 March 2026, 21:10 in Seoul: the default meeting is on.
	const clock = new ManualClock(new Date('2026-03-04T12:10:00Z'));

	const command = (
		user: string,
		name: string,
		options: Record<string, string | number | boolean> = {},
		subcommand?: string,
	) =>
		emulator
			.dispatchInteraction({ type: 'command', name, options, user, ...(subcommand ? { subcommand } : {}) })
			.answered({ timeoutMs: 10_000 });
	const click = (user: string, customId: string, message: APIMessage) =>
		emulator.dispatchInteraction({ type: 'button', customId, message, user }).answered({ timeoutMs: 10_000 });
	const buttons = (message: APIMessage | undefined) =>
		(message?.components ?? []).flatMap((row) =>
			('components' in row ? row.components : []).map((c) => ('custom_id' in c ? c.custom_id : '')),
		);

	beforeAll(async () => {
		emulator = await startEmulator({ heartbeatIntervalMs: 1000 });
		guildId = [...emulator.world.guilds.keys()][0]!;
		bot = await startBotOnEmulator(emulator, { clock });
	}, 60_000);
	afterAll(async () => {
		await bot?.stop();
		await emulator?.stop();
	});

	/** Answers alan's current practice question on `message` through buttons and forms; returns the updated message. */
	async function answer(message: APIMessage, right: boolean): Promise<APIMessage> {
		const id = buttons(message)[0]!.split(':')[2]!;
		const session = (await bot.app.deps.repos.practiceSessions.get(guildId, id))!;
		const position = session.results.length;
		const question = bot.app.deps.curriculum.question(session.questionIds[position]!)!;
		let outcome: InteractionOutcome;
		if (question.kind === 'multiple-choice') {
			const shown = optionOrder(session.seed, question.id, 4).findIndex(
				(o) => (question.options[o]!.correct === true) === right,
			);
			outcome = await click('alan', `quiz:pick:${id}:${position}:${shown}`, message);
		} else {
			const form = await click('alan', `quiz:answer:${id}:${position}`, message);
			expect(form.callbacks[0]?.type).toBe(9);
			const value =
				question.kind === 'numeric'
					? String((await computeAnswer(question, bot.app.deps.compute)).value + (right ? 0 : 1000))
					: right
						? question.answer
						: 'no idea';
			outcome = await emulator
				.dispatchInteraction({
					type: 'modal',
					customId: form.modal!.custom_id,
					fields: { answer: value },
					modal: form.modal!,
					message,
					user: 'alan',
				})
				.answered({ timeoutMs: 10_000 });
			if (question.kind === 'free-text')
				outcome = await click('alan', `quiz:self:${id}:${position}:${right ? 2 : 0}`, outcome.original!.message);
		}
		expect(outcome.original?.ephemeral).toBe(true);
		return outcome.original!.message;
	}

	it('GIVEN alan practises three questions THEN the private message is updated in place through choices, forms and self-assessment to a summary', async () => {
		const start = await command('alan', 'quiz', { week: 11, count: 3 }, 'practice');
		expect(start.original?.ephemeral).toBe(true);
		let message = start.original!.message;
		for (const right of [true, false, true]) {
			message = await answer(message, right);
			expect(message.embeds[0]!.title).toMatch(
				right ? /^(✅ Right!|📝 Self-assessed: i made every point)/ : /^(❌ Not quite|📝 Self-assessed: not really)/,
			);
			message = (await click('alan', buttons(message)[0]!, message)).original!.message;
		}
		expect(message.embeds[0]!.title).toBe('🏁 Practice finished: 2 of 3 right (67%)');
	}, 30_000);

	it('GIVEN a day later THEN /review brings back the missed question', async () => {
		clock.advance(DAY);
		const review = await command('alan', 'review');
		expect(review.original).toMatchObject({
			ephemeral: true,
			message: { embeds: [{ title: expect.stringMatching(/^🔁 Review · question 1 of 1/) }] },
		});
		clock.advance(-DAY);
	});

	it('GIVEN the meeting is on THEN /checkin records alan and ada once', async () => {
		expect((await command('alan', 'checkin')).original?.message.content).toMatch(
			/^✅ Checked in to the meeting of 2026-03-04/,
		);
		expect((await command('ada', 'checkin')).original?.message.content).toMatch(/^✅ Checked in/);
		expect((await command('alan', 'checkin')).original?.message.content).toMatch(/^You are already checked in/);
	});

	it('GIVEN that activity THEN /progress, /leaderboard and /report answer with PNGs (and a CSV) within Discord’s limits', async () => {
		const progress = await command('alan', 'progress');
		expect(progress.original?.ephemeral).toBe(true);
		expect(progress.original?.files[0]?.png?.width).toBe(900);
		const shared = await command('alan', 'progress', { share: true });
		expect(shared.original?.ephemeral).toBe(false);
		const board = await command('alan', 'leaderboard', { period: 'all' });
		expect(board.original?.files[0]?.png?.width).toBe(900);
		expect(board.original?.pinged).toEqual({ users: [], roles: [], everyone: false });
		const refused = await command('alan', 'report');
		expect(refused.original?.message.content).toMatch(/^❌ Only organizers can download the group report/);
		const report = await command('ada', 'report');
		expect(report.original?.ephemeral).toBe(true);
		expect(report.original?.files.map((f) => f.filename)).toEqual(['report-2026-03-04.csv', 'report-2026-03-04.png']);
		expect(report.original!.files[0]!.bytes.toString('utf8').split('\r\n')[0]).toMatch(
			/^member_id,name,meetings_attended/,
		);
	});

	it('GIVEN everything above THEN no request broke Discord’s spec and no unknown route was called', () => {
		expect(emulator.violations).toEqual([]);
		expect(emulator.unknownRoutes).toEqual([]);
	});
});
