import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { createInlineCompute } from '../../src/compute/inline.js';
import { loadConfig } from '../../src/config.js';
import { LOCAL_IDS, type LocalMember } from '../../src/local/guild.js';
import { LocalInteractions } from '../../src/local/interactions.js';
import type { LocalMessage } from '../../src/local/message.js';
import { LocalWorkspace } from '../../src/local/workspace.js';
import { computeAnswer } from '../../src/quiz/numeric.js';
import { optionOrder } from '../../src/quiz/shuffle.js';
import { ManualClock, memoryStore, testCurriculum } from '../helpers/deps.js';
import { silentLogger } from '../helpers/silent-logger.js';

const DAY = 86_400_000;
const GUILD = LOCAL_IDS.guild;
const { studyGroup } = LOCAL_IDS.channels;

function buttons(message: LocalMessage | undefined): string[] {
	return (message?.components ?? []).flatMap((row) => row.components.map((c) => ('custom_id' in c ? c.custom_id : '')));
}

/**
 * Every quiz and progress command through the local mode's transport (the same App, the LocalInteractions a member's
 * page uses), with a manual clock and the live-quiz runner ticked by hand.
 */
describe('quizzes and progress in the local mode', () => {
	const clock = new ManualClock(new Date('2026-03-04T12:05:00Z'));
	let app: App;
	let workspace: LocalWorkspace;
	let local: LocalInteractions;
	let ada: LocalMember;
	let grace: LocalMember;
	let linus: LocalMember;
	let minji: LocalMember;

	beforeAll(async () => {
		workspace = new LocalWorkspace({ clock });
		const config = loadConfig({ NODE_ENV: 'test', STORE_URL: 'sqlite://:memory:' });
		app = await createApp({
			config,
			log: silentLogger,
			poster: workspace.poster,
			store: await memoryStore(),
			clock,
			compute: createInlineCompute(),
			curriculum: await testCurriculum(),
			liveQuizTickMs: 3_600_000,
		});
		await app.liveQuizzes.start(() => [GUILD]);
		local = new LocalInteractions(workspace, app);
		[ada, grace, linus, minji] = ['Ada', 'Grace', 'Linus', '민지'].map((name) => workspace.member(name)!) as [
			LocalMember,
			LocalMember,
			LocalMember,
			LocalMember,
		];
	});
	afterAll(() => app.close());

	/** Answers the current question of Linus's practice message through its buttons and forms, right or wrong. */
	async function answer(message: LocalMessage, right: boolean): Promise<LocalMessage> {
		const id = buttons(message)[0]!.split(':')[2]!;
		const session = (await app.deps.repos.practiceSessions.get(GUILD, id))!;
		const position = session.results.length;
		const question = app.deps.curriculum.question(session.questionIds[position]!)!;
		if (question.kind === 'multiple-choice') {
			const shown = optionOrder(session.seed, question.id, 4).findIndex(
				(o) => (question.options[o]!.correct === true) === right,
			);
			return (
				(await local.click(message.id, `quiz:pick:${id}:${position}:${shown}`, linus)).messages[0] ??
				workspace.message(message.id)!
			);
		}
		await local.click(message.id, `quiz:answer:${id}:${position}`, linus);
		const form = local.pendingModal(linus)!;
		if (question.kind === 'numeric') {
			const { value } = await computeAnswer(question, app.deps.compute);
			await local.submitModal(form.custom_id, { answer: String(right ? value : value + 1000) }, linus);
			return workspace.message(message.id)!;
		}
		await local.submitModal(form.custom_id, { answer: right ? question.answer : 'no idea' }, linus);
		await local.click(message.id, `quiz:self:${id}:${position}:${right ? 2 : 0}`, linus);
		return workspace.message(message.id)!;
	}

	it('GIVEN Linus practises week 12 THEN the private message walks through every question, updated in place, to a summary', async () => {
		const start = await local.command('/quiz practice week:12 count:4', linus, studyGroup);
		let message = start.messages[0]!;
		expect(message.visibleTo).toBe(linus.id);
		for (let i = 0; i < 4; i++) {
			message = await answer(message, i !== 1);
			expect(message.embeds[0]?.title).toMatch(
				i === 1 ? /^(❌ Not quite|📝 Self-assessed: not really)/ : /^(✅ Right!|📝 Self-assessed: i made every point)/,
			);
			await local.click(message.id, buttons(message)[0]!, linus);
			message = workspace.message(message.id)!;
		}
		expect(message.embeds[0]?.title).toBe('🏁 Practice finished: 3 of 4 right (75%)');
		expect(workspace.messages(studyGroup, { as: minji.id }).some((m) => m.id === message.id)).toBe(false);
	});

	it('GIVEN Grace, once the presenter role is set, runs a live quiz THEN members answer by button and the runner posts the results and standings', async () => {
		const refused = await local.command('/quiz live week:7 seconds:10 count:1', grace, studyGroup);
		expect(refused.messages[0]?.content).toMatch(/^❌ Only presenters can run a live quiz/);
		await app.deps.repos.settings.update(GUILD, { presenterRoleId: LOCAL_IDS.roles.presenter });
		await local.command('/quiz live week:7 seconds:10 count:1', grace, studyGroup);
		const question = workspace.messages(studyGroup).at(-1)!;
		const [first] = buttons(question);
		expect(first).toMatch(/^quiz:live:[\w-]{8}:0:0$/);
		clock.advance(2000);
		const clicked = await local.click(question.id, first!, linus);
		expect(clicked.messages[0]).toMatchObject({
			visibleTo: linus.id,
			content: expect.stringMatching(/^📝 Your answer \*\*A\*\* is in, after 2\.0 s/),
		});
		await local.click(question.id, buttons(question)[1]!, minji);
		clock.advance(10_000);
		await app.liveQuizzes.tick();
		const posts = workspace.messages(studyGroup).slice(-2);
		expect(posts[0]!.attachments[0]).toMatchObject({ name: 'spread.png', width: 1000 });
		expect(posts[1]!.content).toMatch(/^🏁 \*\*Live quiz on week 7 is over!\*\*/);
		expect(posts[1]!.attachments[0]).toMatchObject({ name: 'standings.png', width: 900 });
		expect(workspace.message(question.id)!.components[0]!.components.every((c) => 'disabled' in c && c.disabled)).toBe(
			true,
		);
	});

	it('GIVEN the meeting is on THEN /checkin records Linus once; a demo command counts on his progress card, and /progress, /leaderboard and /review answer', async () => {
		const checkin = await local.command('/checkin', linus, studyGroup);
		expect(checkin.messages[0]?.content).toMatch(/^✅ Checked in to the meeting of 2026-03-04/);
		const tokenize = await local.command('/tokenize text:Hello world', linus, studyGroup);
		expect(tokenize.outcome.ok).toBe(true);
		// Counted by the dispatcher's outcome hook after the reply, without making the member wait.
		for (let i = 0; i < 100 && !(await app.deps.repos.memberActivity.get(GUILD, linus.id))?.demos.tokenize; i++)
			await new Promise((r) => setTimeout(r, 10));
		expect((await app.deps.repos.memberActivity.get(GUILD, linus.id))?.demos).toEqual({ tokenize: 1 });
		const liveRight = (await app.deps.repos.answers.list(GUILD, linus.id)).filter(
			(a) => a.mode === 'live' && a.correct,
		).length;
		const progress = await local.command('/progress', linus, studyGroup);
		expect(progress.messages[0]!.attachments[0]!.description).toBe(
			`Progress card of Linus: 1 meeting, ${3 + liveRight} of 5 answers right, streak 1 week.`,
		);
		const board = await local.command('/leaderboard period:all', minji, studyGroup);
		expect(board.messages[0]!.visibleTo).toBeNull();
		expect(board.messages[0]!.attachments[0]!.name).toBe('leaderboard.png');
		clock.advance(DAY);
		const review = await local.command('/review', linus, studyGroup);
		expect(review.messages[0]!.embeds[0]?.title).toMatch(/^🔁 Review · question 1 of [12]/);
	});

	it('GIVEN Ada THEN /report gives her the CSV and the overview; Linus is refused', async () => {
		const refused = await local.command('/report', linus, studyGroup);
		// Discord hides /report from members without Manage Server (default_member_permissions); the page refuses it.
		expect(refused.messages[0]?.content).toBe('❌ You do not have permission to use /report.');
		const report = await local.command('/report', ada, studyGroup);
		const [csv, png] = report.messages[0]!.attachments;
		expect(report.messages[0]!.visibleTo).toBe(ada.id);
		expect(csv!.data.toString('utf8')).toContain(`${linus.id},Linus,1,1,`);
		expect(png).toMatchObject({ contentType: 'image/png', width: 900 });
	});
});
