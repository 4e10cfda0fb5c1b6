import { randomBytes } from 'node:crypto';
import type { Tier } from '../../curriculum/question-schema.js';
import type { Store } from '../store.js';

/** One question and the tutor's answer. */
export interface ConversationTurn {
	askedBy: string;
	question: string;
	answer: string;
}

/**
 * An /ask exchange up to one answer. Each answer gets its own id holding the history up to it, so a follow-up on
 * any answer (by anyone in the channel) continues from exactly that point, and answers never change afterwards.
 */
export interface TutorConversation {
	id: string;
	guildId: string | null;
	week: number;
	tier: Tier;
	/** A language code from src/llm/language.ts. */
	language: string;
	turns: ConversationTurn[];
	createdAt: string;
}

/** Follow-up buttons stop working after this long. */
export const CONVERSATION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

export class TutorConversationRepository {
	constructor(private readonly store: Store) {}

	private key(id: string): string {
		return `tutor-conversation:${id}`;
	}

	/** Saves a conversation under a new random id (short enough for a button's custom id). */
	async create(conversation: Omit<TutorConversation, 'id'>): Promise<TutorConversation> {
		const saved = { ...conversation, id: randomBytes(9).toString('base64url') };
		await this.store.set(this.key(saved.id), saved, CONVERSATION_TTL_MS);
		return saved;
	}

	async get(id: string): Promise<TutorConversation | undefined> {
		return this.store.get<TutorConversation>(this.key(id));
	}
}
