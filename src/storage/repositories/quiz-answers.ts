import type { Question, Tier } from '../../curriculum/question-schema.js';
import type { Store } from '../store.js';

/** Where an answer was given. */
export type AnswerMode = 'practice' | 'review' | 'live';

/** Who decided whether it was right: the bot (choice or number), the LLM grader, or the member (free text, no LLM). */
export type Grading = 'auto' | 'llm' | 'self';

/** One answer to one quiz question, as a member's progress keeps it. */
export interface AnswerRecord {
	/**
	 * Unique per answer and stable across retries (`p:<session>:<position>`, `l:<quiz>:<question>`), so recording the
	 * same answer twice (a retried click after a crash) keeps one.
	 */
	id: string;
	guildId: string;
	userId: string;
	questionId: string;
	week: number;
	kind: Question['kind'];
	tier: Tier;
	mode: AnswerMode;
	/** Credit ≥ 0.5 counts as correct for accuracy. */
	correct: boolean;
	/** 0–1: 1 or 0 for choices and numbers; the rubric score for free text. */
	credit: number;
	/** Live quiz points (see src/quiz/scoring.ts); 0 for practice and review. */
	points: number;
	grading: Grading;
	/** ISO instant the answer was recorded. */
	at: string;
	/** Multiple choice: the original index of the option chosen. */
	choice?: number;
	/** Numeric: the value the member typed, as parsed. */
	value?: number;
	/** Live: milliseconds from the question's posting to the answer. */
	responseMs?: number;
}

/** A member keeps at most this many answers per server (oldest dropped); about 250 bytes each. */
export const MAX_ANSWERS_PER_MEMBER = 5000;

/**
 * Every quiz answer, per member and server: the source of /progress, /leaderboard, /review and /report. A member's
 * answers are one list updated under the process lock (answers of one member never race each other), and the
 * server's member index lists who has answered anything.
 */
export class AnswerRepository {
	constructor(private readonly store: Store) {}

	private key(guildId: string, userId: string): string {
		return `guild:${guildId}:answers:${userId}`;
	}
	private membersKey(guildId: string): string {
		return `guild:${guildId}:answers:members`;
	}

	/**
	 * Appends an answer unless one with its id is already there. Resolves once the store acknowledged the write,
	 * so a member is only told "recorded" about an answer that is saved.
	 */
	async record(answer: AnswerRecord): Promise<{ recorded: boolean }> {
		const key = this.key(answer.guildId, answer.userId);
		const recorded = await this.store.exclusive(key, async () => {
			const list = (await this.store.get<AnswerRecord[]>(key)) ?? [];
			if (list.some((a) => a.id === answer.id)) return false;
			await this.store.set(key, [...list, answer].slice(-MAX_ANSWERS_PER_MEMBER));
			return true;
		});
		const members = this.membersKey(answer.guildId);
		await this.store.exclusive(members, async () => {
			const ids = (await this.store.get<string[]>(members)) ?? [];
			if (!ids.includes(answer.userId)) await this.store.set(members, [...ids, answer.userId]);
		});
		return { recorded };
	}

	/** A member's answers in a server, oldest first. */
	async list(guildId: string, userId: string): Promise<AnswerRecord[]> {
		return (await this.store.get<AnswerRecord[]>(this.key(guildId, userId))) ?? [];
	}

	/** Several members' answers in one store call, by member id. */
	async listMany(guildId: string, userIds: readonly string[]): Promise<Map<string, AnswerRecord[]>> {
		const lists = await this.store.getMany<AnswerRecord[]>(userIds.map((id) => this.key(guildId, id)));
		return new Map(userIds.map((id, i) => [id, lists[i] ?? []]));
	}

	/** Ids of the members with at least one answer in a server, in order of their first answer. */
	async members(guildId: string): Promise<string[]> {
		return (await this.store.get<string[]>(this.membersKey(guildId))) ?? [];
	}
}
