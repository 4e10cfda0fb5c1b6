import type { Actor } from '../core/actor.js';
import type { Deps } from '../core/deps.js';
import type { AnswerRecord } from '../storage/repositories/quiz-answers.js';
import { afterReview, afterWrong } from './leitner.js';

/**
 * Saves an answer everywhere it counts, before the member is told anything: the member's answer log, their review
 * schedule (a wrong answer goes to box 1; a /review answer moves its card), and their profile (name and roles for
 * cards and leaderboards). Each step is idempotent by the answer's id, so a retry after a crash completes the
 * record without counting it twice.
 */
export async function recordAnswer(deps: Pick<Deps, 'repos'>, user: Actor, answer: AnswerRecord): Promise<void> {
	const now = new Date(answer.at);
	await deps.repos.answers.record(answer);
	if (answer.mode === 'review') {
		await deps.repos.reviews.change(answer.guildId, answer.userId, answer.questionId, (card) =>
			afterReview(card, answer.questionId, answer.correct, answer.id, now),
		);
	} else if (!answer.correct) {
		await deps.repos.reviews.change(answer.guildId, answer.userId, answer.questionId, (card) =>
			afterWrong(card, answer.questionId, answer.id, now),
		);
	}
	await deps.repos.memberActivity.touch(answer.guildId, user, now);
}
