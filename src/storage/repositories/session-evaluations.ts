import { randomBytes } from 'node:crypto';
import type { Tier } from '../../curriculum/question-schema.js';
import type { DimensionId } from '../../curriculum/schema.js';
import type { Store } from '../store.js';

/** One of the five dimensions: a score on the course's 0–5 scale and the evidence for it. */
export interface DimensionScore {
	score: number;
	/** What in the member's own words supports the score (written by the model, in the session's language). */
	evidence: string;
}

/**
 * The five-dimension evaluation that ends a /session, as recorded in a member's progress. `total` and
 * `mastery` are computed by the bot from the scores and curriculum/session-format.yaml, never taken from the model.
 */
export interface SessionEvaluation {
	id: string;
	sessionId: string;
	guildId: string;
	userId: string;
	week: number;
	tier: Tier;
	/** A language code from src/llm/language.ts. */
	language: string;
	startedAt: string;
	finishedAt: string;
	knowledgePoints: {
		total: number;
		/** Ids of the knowledge points the member opened. */
		visited: string[];
		/** Ids of those they wrote at least one answer or question on. */
		answered: string[];
	};
	dimensions: Record<DimensionId, DimensionScore>;
	/** Sum of the five scores, 0–25. */
	total: number;
	/** The mastery band's label for `total`. */
	mastery: string;
	strengths: string[];
	improvements: string[];
	nextSteps: string[];
	/** The model that wrote the evaluation. */
	model: string;
}

/** Kept per member and server, newest last in storage; a member keeps at most this many. */
const MAX_PER_MEMBER = 200;

/** Session evaluations: written by /session, read by /progress. */
export class SessionEvaluationRepository {
	constructor(private readonly store: Store) {}

	private key(guildId: string, userId: string): string {
		return `guild:${guildId}:evaluations:${userId}`;
	}
	private membersKey(guildId: string): string {
		return `guild:${guildId}:evaluations:members`;
	}

	/** Records an evaluation and returns it with its new id. */
	async record(evaluation: Omit<SessionEvaluation, 'id'>): Promise<SessionEvaluation> {
		const saved: SessionEvaluation = { ...evaluation, id: randomBytes(9).toString('base64url') };
		const key = this.key(saved.guildId, saved.userId);
		await this.store.exclusive(key, async () => {
			const list = (await this.store.get<SessionEvaluation[]>(key)) ?? [];
			await this.store.set(key, [...list, saved].slice(-MAX_PER_MEMBER));
		});
		const members = this.membersKey(saved.guildId);
		await this.store.exclusive(members, async () => {
			const ids = (await this.store.get<string[]>(members)) ?? [];
			if (!ids.includes(saved.userId)) await this.store.set(members, [...ids, saved.userId]);
		});
		return saved;
	}

	/** A member's evaluations in a server, newest first. */
	async list(guildId: string, userId: string): Promise<SessionEvaluation[]> {
		return [...((await this.store.get<SessionEvaluation[]>(this.key(guildId, userId))) ?? [])].reverse();
	}

	/** A member's newest evaluation, for one week if given. */
	async latest(guildId: string, userId: string, week?: number): Promise<SessionEvaluation | undefined> {
		return (await this.list(guildId, userId)).find((e) => week === undefined || e.week === week);
	}

	/** Ids of the members with at least one evaluation in a server. */
	async members(guildId: string): Promise<string[]> {
		return (await this.store.get<string[]>(this.membersKey(guildId))) ?? [];
	}
}
