import { Tiktoken } from 'js-tiktoken/lite';
import cl100k from 'js-tiktoken/ranks/cl100k_base';
import o200k from 'js-tiktoken/ranks/o200k_base';
import r50k from 'js-tiktoken/ranks/r50k_base';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { optionOrder } from '../../src/quiz/shuffle.js';
import { memoryStore } from '../helpers/deps.js';
import { startOpenAiServer, type ChatRequestBody, type OpenAiTestServer } from '../helpers/openai-server.js';
import { answerCurrent, sessionIdOf, sessionOf, shownOption } from '../quiz/drive.js';
import { customIds, GUILD, JUN, MINA, OTHER_GUILD, quizHarness, type QuizHarness } from '../quiz/harness.js';

const practice = { subcommand: 'practice' };
const DAY = 86_400_000;

describe('/quiz practice', () => {
	let h: QuizHarness;
	beforeAll(async () => {
		h = await quizHarness();
	});
	afterAll(() => h.close());
	beforeEach(() => h.store.clear());

	it('GIVEN /quiz practice week:4 count:11 THEN every question of the week is asked once, privately, and answering each right ends in an 11 of 11 summary with every answer recorded', async () => {
		const start = await h.command('quiz', { week: 4, count: 11 }, practice);
		expect(start.responder.names[0]).toBe('defer-ephemeral');
		expect(start.messages[0]?.ephemeral).toBe(true);
		const id = sessionIdOf(start);
		const session = await sessionOf(h, id);
		expect([...session.questionIds].sort()).toEqual(
			h.deps.curriculum
				.questionsFor(4)
				.map((q) => q.id)
				.sort(),
		);
		for (let i = 0; i < 11; i++) {
			const feedback = await answerCurrent(h, id, true);
			expect(feedback.messages[0]?.embeds?.[0]?.title, `question ${i + 1}`).toMatch(
				/^(✅ Right!|📝 Self-assessed: i made every point)/,
			);
			expect(customIds(feedback.messages[0])).toEqual([`quiz:next:${id}`]);
			if (i < 10) {
				const next = await h.button(`quiz:next:${id}`);
				expect(next.messages[0]?.embeds?.[0]?.title).toContain(`question ${i + 2} of 11`);
			}
		}
		const summary = await h.button(`quiz:next:${id}`);
		expect(summary.messages[0]?.embeds?.[0]?.title).toBe('🏁 Practice finished: 11 of 11 right (100%)');
		const answers = await h.deps.repos.answers.list(GUILD, MINA);
		expect(answers).toHaveLength(11);
		expect(new Set(answers.map((a) => a.grading))).toEqual(new Set(['auto', 'self']));
		expect(answers.every((a) => a.correct && a.credit === 1 && a.mode === 'practice' && a.week === 4)).toBe(true);
		expect(await h.deps.repos.reviews.cards(GUILD, MINA)).toEqual({});
	});

	it('GIVEN a wrong choice THEN the feedback marks it, shows every option’s explanation, and the question is scheduled for review in a day', async () => {
		const question = h.deps.curriculum.questionsFor(5).find((q) => q.kind === 'multiple-choice')!;
		if (question.kind !== 'multiple-choice') throw new Error('expected a multiple-choice question');
		const session = await h.deps.repos.practiceSessions.create({
			guildId: GUILD,
			userId: MINA,
			mode: 'practice',
			week: 5,
			questionIds: [question.id],
			seed: 7,
			results: [],
			pending: null,
			createdAt: h.clock.now().toISOString(),
		});
		const feedback = await h.button(`quiz:pick:${session.id}:0:${shownOption(session, question, false)}`);
		const embed = feedback.messages[0]!.embeds![0]!;
		expect(embed.title).toMatch(/^❌ Not quite/);
		for (const option of question.options) expect(embed.description).toContain(option.explanation);
		expect(embed.description).toContain('*(your answer)*');
		expect(feedback.responder.names).toEqual(['update']);
		const cards = await h.deps.repos.reviews.cards(GUILD, MINA);
		expect(cards[question.id]).toMatchObject({
			box: 1,
			lapses: 1,
			dueAt: new Date(h.clock.now().getTime() + DAY).toISOString(),
		});
	});

	it('GIVEN the same option clicked twice THEN the answer is recorded once and the second click is told so', async () => {
		const id = sessionIdOf(await h.command('quiz', { week: 6, count: 3 }, practice));
		const session = await sessionOf(h, id);
		const first = await answerCurrent(h, id, true);
		expect(first.outcome.ok).toBe(true);
		const question = h.deps.curriculum.question(session.questionIds[0]!)!;
		const again =
			question.kind === 'multiple-choice'
				? await h.button(`quiz:pick:${id}:0:0`)
				: await h.button(`quiz:answer:${id}:0`);
		expect(again.messages[0]).toMatchObject({ ephemeral: true, content: expect.stringContaining('already answered') });
		expect(await h.deps.repos.answers.list(GUILD, MINA)).toHaveLength(1);
	});

	it('GIVEN 20 concurrent clicks on one question THEN exactly one answer is recorded', async () => {
		const session = await h.deps.repos.practiceSessions.create({
			guildId: GUILD,
			userId: MINA,
			mode: 'practice',
			week: 7,
			questionIds: [h.deps.curriculum.questionsFor(7).find((q) => q.kind === 'multiple-choice')!.id],
			seed: 1,
			results: [],
			pending: null,
			createdAt: h.clock.now().toISOString(),
		});
		const clicks = await Promise.all(
			Array.from({ length: 20 }, (_, i) => h.button(`quiz:pick:${session.id}:0:${i % 4}`)),
		);
		expect(clicks.filter((c) => c.messages[0]?.embeds?.[0]?.title?.includes('question 1 of 1'))).toHaveLength(1);
		expect(await h.deps.repos.answers.list(GUILD, MINA)).toHaveLength(1);
	});

	it('GIVEN a practice run THEN the option order is the stored seed’s, and a restarted bot on the same store shows and maps the same order', async () => {
		const store = await memoryStore();
		const first = await quizHarness({ store });
		const question = first.deps.curriculum.questionsFor(8).find((q) => q.kind === 'multiple-choice')!;
		const session = await first.deps.repos.practiceSessions.create({
			guildId: GUILD,
			userId: MINA,
			mode: 'practice',
			week: 8,
			questionIds: [question.id],
			seed: 12345,
			results: [],
			pending: null,
			createdAt: first.clock.now().toISOString(),
		});
		const shownBefore = (await first.button(`quiz:next:${session.id}`)).messages[0]!.embeds![0]!.description;
		const second = await quizHarness({ store });
		const shownAfter = (await second.button(`quiz:next:${session.id}`)).messages[0]!.embeds![0]!.description;
		expect(shownAfter).toBe(shownBefore);
		const order = optionOrder(12345, question.id, 4);
		const lines = shownAfter!.split('\n').filter((l) => /^\*\*[A-D]\.\*\*/.test(l));
		expect(lines).toEqual(order.map((o, i) => `**${'ABCD'[i]}.** ${question.options[o]!.text}`));
		const right = await second.button(
			`quiz:pick:${session.id}:0:${order.findIndex((o) => question.options[o]!.correct)}`,
		);
		expect(right.messages[0]!.embeds![0]!.title).toMatch(/^✅ Right!/);
		await store.close();
	});

	it('GIVEN the numeric question w12-num-temperature THEN a right number is accepted within the tolerance, the feedback shows how it is computed, and text that is not a number records nothing', async () => {
		const session = await h.deps.repos.practiceSessions.create({
			guildId: GUILD,
			userId: MINA,
			mode: 'practice',
			week: 12,
			questionIds: ['w12-num-temperature'],
			seed: 1,
			results: [],
			pending: null,
			createdAt: h.clock.now().toISOString(),
		});
		const bad = await h.modal(`quiz:submit:${session.id}:0`, { answer: 'about half' });
		expect(bad.messages[0]?.content).toMatch(/^❌ “about half” is not a number/);
		expect(await h.deps.repos.answers.list(GUILD, MINA)).toHaveLength(0);
		const expected = Math.exp(6) / (Math.exp(6) + Math.exp(4) + Math.exp(2) + 1);
		const ok = await h.modal(`quiz:submit:${session.id}:0`, { answer: expected.toFixed(3) });
		const embed = ok.messages[0]!.embeds![0]!;
		expect(embed.title).toMatch(/^✅ Right!/);
		expect(embed.description).toContain(`The answer: **${expected.toFixed(3)}**`);
		expect(embed.description).toContain('• Divide by T = 0.5: z/T = [6, 4, 2, 0]');
		expect(embed.description).toContain(`p[0] = **${Number(expected.toPrecision(4))}**`);
		expect(ok.responder.names[0]).toBe('deferUpdate');
		expect((await h.deps.repos.answers.list(GUILD, MINA))[0]).toMatchObject({
			questionId: 'w12-num-temperature',
			correct: true,
			value: Number(expected.toFixed(3)),
			grading: 'auto',
		});
	});

	it('GIVEN a token-count question THEN the bot counts with the real tokenizer (in a compute task) and lists the tokens', async () => {
		const question = h.deps.curriculum.questions.find((q) => q.kind === 'numeric' && q.compute.kind === 'token-count')!;
		if (question.kind !== 'numeric' || question.compute.kind !== 'token-count')
			throw new Error('no token-count question');
		const [ranks, data] = (
			{ 'gpt2': ['r50k_base', r50k], 'gpt-4': ['cl100k_base', cl100k], 'gpt-4o': ['o200k_base', o200k] } as const
		)[question.compute.encoding];
		// js-tiktoken, the reference implementation the curriculum tests also use.
		const reference = new Tiktoken(data).encode(question.compute.text).length;
		const session = await h.deps.repos.practiceSessions.create({
			guildId: GUILD,
			userId: MINA,
			mode: 'practice',
			week: question.week,
			questionIds: [question.id],
			seed: 1,
			results: [],
			pending: null,
			createdAt: h.clock.now().toISOString(),
		});
		const reply = await h.modal(`quiz:submit:${session.id}:0`, { answer: String(reference) });
		const embed = reply.messages[0]!.embeds![0]!;
		expect(embed.title).toMatch(/^✅ Right!/);
		expect(embed.description).toContain(`That is **${reference}** tokens`);
		expect(embed.description).toContain(`${question.compute.encoding} (${ranks}) splits the text into: \``);
	});

	it('GIVEN a free-text question and no LLM THEN the member sees the model answer and rubric, marks their own answer, and it is recorded as self-assessed (kept across a restart in between)', async () => {
		const question = h.deps.curriculum.questionsFor(3).find((q) => q.kind === 'free-text')!;
		const session = await h.deps.repos.practiceSessions.create({
			guildId: GUILD,
			userId: MINA,
			mode: 'practice',
			week: 3,
			questionIds: [question.id],
			seed: 1,
			results: [],
			pending: null,
			createdAt: h.clock.now().toISOString(),
		});
		const written = await h.modal(`quiz:submit:${session.id}:0`, {
			answer: 'Data and instructions share one channel.',
		});
		const embed = written.messages[0]!.embeds![0]!;
		if (question.kind !== 'free-text') throw new Error('expected free text');
		expect(embed.description).toContain(`**Model answer:** ${question.answer}`);
		for (const point of question.rubric) expect(embed.description).toContain(`• ${point}`);
		expect(embed.footer?.text).toBe('No AI grader is set up on this bot. Your mark is recorded as self-assessed.');
		expect((await sessionOf(h, session.id)).pending).toEqual({
			position: 0,
			text: 'Data and instructions share one channel.',
		});
		const again = await h.button(`quiz:next:${session.id}`);
		expect(customIds(again.messages[0])).toEqual([
			`quiz:self:${session.id}:0:2`,
			`quiz:self:${session.id}:0:1`,
			`quiz:self:${session.id}:0:0`,
		]);
		const marked = await h.button(`quiz:self:${session.id}:0:1`);
		expect(marked.messages[0]!.embeds![0]!.title).toMatch(/^📝 Self-assessed: some of them/);
		expect((await h.deps.repos.answers.list(GUILD, MINA))[0]).toMatchObject({
			grading: 'self',
			credit: 0.5,
			correct: true,
		});
	});

	it('GIVEN another member’s practice buttons, or an expired run THEN the click is refused politely and nothing is recorded', async () => {
		const id = sessionIdOf(await h.command('quiz', { week: 2, count: 2 }, practice));
		const theirs = await h.button(`quiz:next:${id}`, { userId: JUN });
		expect(theirs.messages[0]?.content).toBe(
			'❌ This practice run belongs to another member: start your own with /quiz practice.',
		);
		const gone = await h.button('quiz:next:AAAAAAAA');
		expect(gone.messages[0]?.content).toBe('❌ This practice run has expired. Start a new one with /quiz practice.');
		const elsewhere = await h.button(`quiz:next:${id}`, { guildId: OTHER_GUILD });
		expect(elsewhere.messages[0]?.content).toMatch(/expired/);
		expect(await h.deps.repos.answers.list(GUILD, JUN)).toEqual([]);
	});

	it('GIVEN questions answered in two servers THEN each server’s progress holds only its own answers', async () => {
		for (const guildId of [GUILD, OTHER_GUILD]) {
			const id = sessionIdOf(await h.command('quiz', { week: 1, count: 1 }, { ...practice, guildId }));
			await answerCurrent(h, id, true, { guildId });
		}
		expect(await h.deps.repos.answers.list(GUILD, MINA)).toHaveLength(1);
		expect(await h.deps.repos.answers.list(OTHER_GUILD, MINA)).toHaveLength(1);
		expect((await h.deps.repos.answers.list(GUILD, MINA))[0]!.guildId).toBe(GUILD);
	});
});

describe('/quiz practice with the LLM grader', () => {
	let server: OpenAiTestServer;
	let h: QuizHarness;
	beforeAll(async () => {
		server = await startOpenAiServer();
		h = await quizHarness({
			env: {
				OPENAI_API_KEY: server.apiKey,
				OPENAI_BASE_URL: server.url,
				OPENAI_MODEL: 'grader-model',
				LLM_TIMEOUT_MS: '2000',
			},
		});
	});
	afterAll(async () => {
		await h.close();
		await server.close();
	});

	it('GIVEN a free-text answer THEN the model grades each rubric point, the score is computed from the verdicts, and the answer is recorded as LLM-graded', async () => {
		const question = h.deps.curriculum.questionsFor(5).find((q) => q.kind === 'free-text')!;
		if (question.kind !== 'free-text') throw new Error('expected free text');
		server.script = (request: ChatRequestBody) => {
			const n = (request.messages.find((m) => m.role === 'user')!.content.match(/^\d+\. /gm) ?? []).length;
			return JSON.stringify({
				points: Array.from({ length: n }, (_, i) => ({
					index: i + 1,
					verdict: i === 0 ? 'met' : 'missed',
					reason: `reason ${i + 1}`,
				})),
				feedback: 'Add the second point.',
			});
		};
		const session = await h.deps.repos.practiceSessions.create({
			guildId: GUILD,
			userId: MINA,
			mode: 'practice',
			week: 5,
			questionIds: [question.id],
			seed: 1,
			results: [],
			pending: null,
			createdAt: h.clock.now().toISOString(),
		});
		const graded = await h.modal(`quiz:submit:${session.id}:0`, { answer: 'Cosine compares directions.' });
		const embed = graded.messages[0]!.embeds![0]!;
		const expected = 1 / question.rubric.length;
		expect(embed.title).toContain(`${Math.round(expected * 100)}% of the rubric`);
		expect(embed.description).toContain(`✅ ${question.rubric[0]}\n> reason 1`);
		expect(embed.footer?.text).toBe(
			`Graded by grader-model: met 1, partly ½, missed 0 per point (1/${question.rubric.length}).`,
		);
		expect((await h.deps.repos.answers.list(GUILD, MINA))[0]).toMatchObject({
			grading: 'llm',
			credit: expected,
			correct: expected >= 0.5,
		});
		expect(server.chatRequests()[0]!.messages[1]!.content).toContain('Cosine compares directions.');
	});
});
