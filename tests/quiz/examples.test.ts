import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngSize } from '../../src/charts/index.js';
import { repoRoot } from '../../src/paths.js';
import { optionOrder } from '../../src/quiz/shuffle.js';
import { actorOf, GROUP, seedGroup } from './group.js';
import { ADA, customIds, GUILD, quizHarness, type QuizHarness } from './harness.js';

/**
 * Every quiz PNG, rendered from data produced by the commands themselves (a seeded group history, and a live quiz
 * played through the buttons). `WRITE_QUIZ_EXAMPLES=1 npx vitest run tests/quiz/examples.test.ts` writes them to
 * docs/quiz/ for people to look at.
 */
const write = process.env.WRITE_QUIZ_EXAMPLES === '1';
const outDir = path.join(repoRoot(), 'docs', 'quiz');

function keep(name: string, data: Buffer): void {
	if (!write) return;
	mkdirSync(outDir, { recursive: true });
	writeFileSync(path.join(outDir, name), data);
}

describe('quiz charts from real flows', () => {
	let h: QuizHarness;
	beforeAll(async () => {
		h = await quizHarness();
		await seedGroup(h);
	});
	afterAll(() => h.close());

	it('GIVEN a member of the group THEN /progress renders a 900-pixel card', async () => {
		const me = GROUP[1];
		const run = await h.command('progress', {}, { userId: me.id, name: me.name });
		const png = run.messages[0]!.files![0]!.data;
		expect(pngSize(png)?.width).toBe(900);
		keep('progress.png', png);
	});

	it('GIVEN the group THEN /leaderboard renders the ranking with the asking member outlined', async () => {
		const me = GROUP[1];
		const run = await h.command('leaderboard', { period: 'all' }, { userId: me.id, name: me.name });
		const png = run.messages[0]!.files![0]!.data;
		expect(pngSize(png)?.width).toBe(900);
		keep('leaderboard.png', png);
	});

	it('GIVEN the group THEN /report renders the overview card and a CSV', async () => {
		const run = await h.command('report', {}, { userId: ADA });
		const [csv, png] = run.messages[0]!.files!;
		expect(csv!.name).toMatch(/^report-\d{4}-\d{2}-\d{2}\.csv$/);
		expect(pngSize(png!.data)?.width).toBe(900);
		keep('report.png', png!.data);
		if (write) writeFileSync(path.join(outDir, 'report.csv'), csv!.data);
	});

	it('GIVEN a live quiz played by the group THEN the answer spread and the final standings render', async () => {
		await h.command('quiz', { week: 6, count: 1, seconds: 30 }, { subcommand: 'live', userId: ADA });
		const [running] = await h.deps.repos.liveQuizzes.running();
		const quiz = (await h.deps.repos.liveQuizzes.get(GUILD, running!.quizId))!;
		const question = h.deps.curriculum.question(quiz.questionIds[0]!)!;
		if (question.kind !== 'multiple-choice') throw new Error('expected multiple choice');
		const order = optionOrder(quiz.seed, question.id, 4);
		const right = order.findIndex((o) => question.options[o]!.correct);
		expect(customIds(h.poster.sent[0]!.reply)).toHaveLength(4);
		// Each member answers after a different time; the weaker ones pick the option after the right one.
		for (const [i, m] of GROUP.entries()) {
			if ('organizer' in m) continue;
			h.clock.advance(2000 + 1500 * i);
			const shown = m.skill >= 0.7 ? right : (right + 1 + (i % 3)) % 4;
			await h.button(`quiz:live:${quiz.id}:0:${shown}`, { userId: m.id, name: actorOf(m).name });
		}
		h.clock.advance(30_000);
		await h.tick();
		const spread = h.poster.sent.find((m) => m.reply.files?.[0]?.name === 'spread.png')!.reply.files![0]!.data;
		const standings = h.poster.sent.find((m) => m.reply.files?.[0]?.name === 'standings.png')!.reply.files![0]!.data;
		expect(pngSize(spread)).toEqual({ width: 1000, height: 478 });
		expect(pngSize(standings)?.width).toBe(900);
		keep('live-spread.png', spread);
		keep('live-standings.png', standings);
	});
});
