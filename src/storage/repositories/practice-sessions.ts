import type { Store } from '../store.js';
import { GuildRecords } from './guild-records.js';

/** The outcome of one question of a practice or review session. */
export interface PracticeResult {
	questionId: string;
	credit: number;
	correct: boolean;
	/** The answer record's id (see AnswerRecord). */
	answerId: string;
}

/**
 * A member's private run through some questions (/quiz practice, /review). Buttons carry the session id and the
 * position; everything else is here, so a click after a restart finds the same questions in the same option order.
 */
export interface PracticeSession {
	id: string;
	guildId: string;
	userId: string;
	mode: 'practice' | 'review';
	/** The week practised, or null for a mix. */
	week: number | null;
	questionIds: string[];
	/** Seeds the option order of each multiple-choice question (see src/quiz/shuffle.ts). */
	seed: number;
	/** One per answered question, in order: the current question is `results.length`. */
	results: PracticeResult[];
	/** A free-text answer waiting for the member's self-assessment (no LLM grader), for the current question. */
	pending: { position: number; text: string } | null;
	createdAt: string;
}

/** Sessions are kept two weeks; a button on an older message says so. */
export const PRACTICE_TTL_MS = 14 * 24 * 60 * 60_000;

/** Practice and review sessions, one key each. */
export class PracticeSessionRepository extends GuildRecords<PracticeSession> {
	constructor(store: Store) {
		super(store, 'practice', PRACTICE_TTL_MS);
	}
}
