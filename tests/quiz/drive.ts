import { expect } from 'vitest';
import type { BankQuestion } from '../../src/curriculum/index.js';
import { computeAnswer } from '../../src/quiz/numeric.js';
import { optionOrder } from '../../src/quiz/shuffle.js';
import type { PracticeSession } from '../../src/storage/repositories/practice-sessions.js';
import { customIds, GUILD, type Interaction, type QuizHarness, type Who } from './harness.js';

/** The practice session a reply's buttons belong to. */
export function sessionIdOf(reply: Interaction): string {
	const id = customIds(reply.messages[0]).find((c) => c.startsWith('quiz:'));
	if (!id) throw new Error(`no quiz button on ${JSON.stringify(reply.messages[0])}`);
	return id.split(':')[2]!;
}

export async function sessionOf(h: QuizHarness, id: string, guildId = GUILD): Promise<PracticeSession> {
	const session = await h.deps.repos.practiceSessions.get(guildId, id);
	if (!session) throw new Error(`no session ${id}`);
	return session;
}

/** The displayed position of a multiple-choice question's right option (or of a wrong one). */
export function shownOption(
	session: { seed: number },
	question: Extract<BankQuestion, { kind: 'multiple-choice' }>,
	right: boolean,
): number {
	const order = optionOrder(session.seed, question.id, question.options.length);
	return order.findIndex((original) => (question.options[original]!.correct === true) === right);
}

/**
 * Answers the session's current question through its buttons and forms, right or wrong, as a member would:
 * a choice button; the number form with the computed value (or 10× it); free text, then self-assessment.
 */
export async function answerCurrent(h: QuizHarness, id: string, right: boolean, who: Who = {}): Promise<Interaction> {
	const session = await sessionOf(h, id, who.guildId ?? undefined);
	const position = session.results.length;
	const question = h.deps.curriculum.question(session.questionIds[position]!)!;
	if (question.kind === 'multiple-choice')
		return h.button(`quiz:pick:${id}:${position}:${shownOption(session, question, right)}`, who);
	const form = await h.button(`quiz:answer:${id}:${position}`, who);
	expect(form.modal?.custom_id).toBe(`quiz:submit:${id}:${position}`);
	if (question.kind === 'numeric') {
		const { value } = await computeAnswer(question, h.deps.compute);
		return h.modal(`quiz:submit:${id}:${position}`, { answer: String(right ? value : value * 10 + 1) }, who);
	}
	const written = await h.modal(
		`quiz:submit:${id}:${position}`,
		{ answer: right ? question.answer : 'I do not know.' },
		who,
	);
	expect(customIds(written.messages[0])).toEqual([
		`quiz:self:${id}:${position}:2`,
		`quiz:self:${id}:${position}:1`,
		`quiz:self:${id}:${position}:0`,
	]);
	return h.button(`quiz:self:${id}:${position}:${right ? 2 : 0}`, who);
}
