import { randomBytes } from 'node:crypto';
import type { Tier } from '../../curriculum/question-schema.js';
import type { Store } from '../store.js';

/** One message of a session: the tutor's explanation or feedback, or the member's answer or question. */
export interface SessionTurn {
	/** Index of the knowledge point it belongs to. */
	kp: number;
	role: 'tutor' | 'member';
	text: string;
	at: string;
}

/** A member's /session on one week: where they are, what they saw and wrote. */
export interface TutorSession {
	id: string;
	guildId: string;
	userId: string;
	/** The channel the session was started from, and the thread it runs in. */
	channelId: string;
	threadId: string | null;
	week: number;
	tier: Tier;
	/** A language code from src/llm/language.ts. */
	language: string;
	/** The knowledge point being studied (an index into the week's list); null before the first. */
	current: number | null;
	visited: number[];
	turns: SessionTurn[];
	startedAt: string;
	finishedAt: string | null;
}

const TTL_MS = 60 * 24 * 60 * 60 * 1000;
/** Enough for a full session; the oldest turns go first (the evaluation reads the rest). */
const MAX_TURNS = 80;
const MAX_TURN_CHARS = 4000;

/** Session state by id, plus each member's latest session per server. */
export class TutorSessionRepository {
	constructor(private readonly store: Store) {}

	private key(id: string): string {
		return `tutor-session:${id}`;
	}
	private latestKey(guildId: string, userId: string): string {
		return `guild:${guildId}:tutor-session-latest:${userId}`;
	}

	async create(session: Omit<TutorSession, 'id'>): Promise<TutorSession> {
		const saved: TutorSession = { ...session, id: randomBytes(9).toString('base64url') };
		await this.store.set(this.key(saved.id), saved, TTL_MS);
		await this.store.set(this.latestKey(saved.guildId, saved.userId), saved.id, TTL_MS);
		return saved;
	}

	async get(id: string): Promise<TutorSession | undefined> {
		return this.store.get<TutorSession>(this.key(id));
	}

	/** The member's most recent session in a server, if any. */
	async latest(guildId: string, userId: string): Promise<TutorSession | undefined> {
		const id = await this.store.get<string>(this.latestKey(guildId, userId));
		return id ? this.get(id) : undefined;
	}

	/** Read-modify-write under the session's lock; returns the saved session. */
	async update(id: string, change: (session: TutorSession) => TutorSession): Promise<TutorSession> {
		return this.store.exclusive(this.key(id), async () => {
			const current = await this.get(id);
			if (!current) throw new Error(`no session ${id}`);
			const next = change(current);
			const turns = next.turns
				.slice(-MAX_TURNS)
				.map((t) => (t.text.length > MAX_TURN_CHARS ? { ...t, text: t.text.slice(0, MAX_TURN_CHARS) } : t));
			const saved = { ...next, id, turns };
			await this.store.set(this.key(id), saved, TTL_MS);
			return saved;
		});
	}
}
