import type { Store } from '../store.js';

/** A question in a member's review schedule (a Leitner card; see src/quiz/leitner.ts). */
export interface ReviewCard {
	questionId: string;
	/** 1–5 while scheduled; 6 once retired (answered right in /review from box 5). */
	box: number;
	/** ISO instant from which /review offers it. */
	dueAt: string;
	/** How often the member got it wrong, anywhere. */
	lapses: number;
	/** ISO instant of the last change. */
	updatedAt: string;
	/** The answer that made the last change: applying the same answer again changes nothing (safe retries). */
	lastAnswerId: string;
}

/** Each member's review schedule per server: one key per member, a map of question id to card. */
export class ReviewRepository {
	constructor(private readonly store: Store) {}

	private key(guildId: string, userId: string): string {
		return `guild:${guildId}:reviews:${userId}`;
	}

	async cards(guildId: string, userId: string): Promise<Record<string, ReviewCard>> {
		return (await this.store.get<Record<string, ReviewCard>>(this.key(guildId, userId))) ?? {};
	}

	/** Several members' schedules in one store call. */
	async cardsMany(guildId: string, userIds: readonly string[]): Promise<Map<string, Record<string, ReviewCard>>> {
		const found = await this.store.getMany<Record<string, ReviewCard>>(userIds.map((id) => this.key(guildId, id)));
		return new Map(userIds.map((id, i) => [id, found[i] ?? {}]));
	}

	/**
	 * Changes one card under the member's lock: `change` gets the card (undefined when not scheduled) and returns the
	 * next card, or null to remove it.
	 */
	async change(
		guildId: string,
		userId: string,
		questionId: string,
		change: (card: ReviewCard | undefined) => ReviewCard | null,
	): Promise<ReviewCard | null> {
		const key = this.key(guildId, userId);
		return this.store.exclusive(key, async () => {
			const cards = { ...(await this.cards(guildId, userId)) };
			const next = change(cards[questionId]);
			if (next) cards[questionId] = next;
			else if (cards[questionId]) delete cards[questionId];
			else return null;
			await this.store.set(key, cards);
			return next;
		});
	}
}
