import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pngSize } from '../../src/charts/index.js';
import { answerCurrent, sessionIdOf } from '../quiz/drive.js';
import { ADA, GUILD, JUN, MINA, quizHarness, type QuizHarness } from '../quiz/harness.js';

describe('/report', () => {
	let h: QuizHarness;
	beforeAll(async () => {
		h = await quizHarness();
	});
	afterAll(() => h.close());
	beforeEach(async () => {
		await h.store.clear();
		h.clock.set(new Date('2026-03-04T12:10:00Z'));
	});

	it('GIVEN a member who is not an organizer THEN the report is refused', async () => {
		const run = await h.command('report', {}, { userId: MINA });
		expect(run.messages[0]?.content).toBe(
			'❌ Only organizers can download the group report: you need the Manage Server permission.',
		);
	});

	it('GIVEN two members’ activity THEN the organizer gets a CSV row per member with their recorded numbers, and an overview PNG', async () => {
		const id = sessionIdOf(await h.command('quiz', { week: 2, count: 2 }, { subcommand: 'practice' }));
		await answerCurrent(h, id, true);
		await h.button(`quiz:next:${id}`);
		await answerCurrent(h, id, false);
		await h.command('checkin');
		await h.command('checkin', {}, { userId: JUN });
		await h.deps.repos.memberActivity.recordDemo(GUILD, h.actor({ userId: JUN }), 'similarity', h.clock.now());
		const run = await h.command('report', {}, { userId: ADA });
		expect(run.responder.names[0]).toBe('defer-ephemeral');
		const [csv, png] = run.messages[0]!.files!;
		expect(run.messages[0]!.content).toBe(
			'📊 Group report: 2 members, 1 meeting. The CSV has one row per member (accuracy and mastery as fractions 0–1).',
		);
		expect(csv!.name).toBe('report-2026-03-04.csv');
		const rows = csv!.data
			.toString('utf8')
			.trim()
			.split('\r\n')
			.map((line) => line.split(','));
		const header = rows[0]!;
		const row = (name: string) =>
			Object.fromEntries(header.map((column, i) => [column, rows.find((r) => r[1] === name)![i]]));
		expect(row('Jun')).toMatchObject({
			member_id: JUN,
			meetings_attended: '1',
			meetings_held: '1',
			answers: '0',
			accuracy: '',
			demo_runs: '1',
			week_2_mastery: '0',
		});
		const bank = h.deps.curriculum.questionsFor(2).length;
		expect(row('Mina')).toMatchObject({
			member_id: MINA,
			meetings_attended: '1',
			answers: '2',
			correct: '1',
			accuracy: '0.5',
			review_due: '0',
			review_scheduled: '1',
			week_2_mastery: String(Math.round((1 / bank) * 1000) / 1000),
		});
		expect(pngSize(png!.data)?.width).toBe(900);
	});
});
