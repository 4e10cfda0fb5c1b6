import { randomBytes } from 'node:crypto';
import type { Store } from '../store.js';

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
export class PracticeSessionRepository {
	constructor(private readonly store: Store) {}

	private key(guildId: string, id: string): string {
		return `guild:${guildId}:practice:${id}`;
	}

	async create(session: Omit<PracticeSession, 'id'>): Promise<PracticeSession> {
		// Eight base64url characters: short enough for custom ids, 2^48 values.
		const saved: PracticeSession = { ...session, id: randomBytes(6).toString('base64url') };
		await this.store.set(this.key(saved.guildId, saved.id), saved, PRACTICE_TTL_MS);
		return saved;
	}

	async get(guildId: string, id: string): Promise<PracticeSession | undefined> {
		return this.store.get<PracticeSession>(this.key(guildId, id));
	}

	/**
	 * Read-modify-write under the session's lock. `change` sees the saved session (undefined when gone) and returns
	 * the next one plus a result for the caller; returning `next: null` saves nothing.
	 */
	async update<R>(
		guildId: string,
		id: string,
		change: (current: PracticeSession | undefined) => Promise<{ next: PracticeSession | null; result: R }>,
	): Promise<R> {
		const key = this.key(guildId, id);
		return this.store.exclusive(key, async () => {
			const { next, result } = await change(await this.get(guildId, id));
			if (next) await this.store.set(key, next, PRACTICE_TTL_MS);
			return result;
		});
	}
}
