import { randomBytes } from 'node:crypto';
import type { Tier } from '../../curriculum/question-schema.js';
import type { Store } from '../store.js';

/**
 * A presenter's walk through a week's session (/present). The step message's buttons carry the id; everything else
 * is here, so Next and Back keep working after a restart and every presenter moves the same session.
 */
export interface Presentation {
	id: string;
	guildId: string;
	/** Where the steps are posted: the session's thread, or the channel itself when no thread could be opened. */
	channelId: string;
	/** The message that shows the current step (null until it is posted). */
	messageId: string | null;
	/** Who started it; any presenter may move it on. */
	presenterId: string;
	week: number;
	/** How deep the explanations go; presenters switch it from the step message. */
	tier: Tier;
	/** The step shown now, an index into the week's plan (see src/present/steps.ts). */
	step: number;
	startedAt: string;
	updatedAt: string;
}

/** Presentations are kept this long; a button on an older step message says the session has ended. */
export const PRESENTATION_TTL_MS = 90 * 24 * 60 * 60_000;

/** Presentations by server and id. */
export class PresentationRepository {
	constructor(private readonly store: Store) {}

	private key(guildId: string, id: string): string {
		return `guild:${guildId}:present:${id}`;
	}

	async create(presentation: Omit<Presentation, 'id'>): Promise<Presentation> {
		// Eight base64url characters: short enough for custom ids, 2^48 values.
		const saved: Presentation = { ...presentation, id: randomBytes(6).toString('base64url') };
		await this.store.set(this.key(saved.guildId, saved.id), saved, PRESENTATION_TTL_MS);
		return saved;
	}

	async get(guildId: string, id: string): Promise<Presentation | undefined> {
		return this.store.get<Presentation>(this.key(guildId, id));
	}

	/**
	 * Read-modify-write under the presentation's lock, so two presenters clicking at once apply one after the other.
	 * `change` sees the saved state (undefined when gone) and returns the next one (null: save nothing) and a result.
	 */
	async update<R>(
		guildId: string,
		id: string,
		change: (current: Presentation | undefined) => Promise<{ next: Presentation | null; result: R }>,
	): Promise<R> {
		const key = this.key(guildId, id);
		return this.store.exclusive(key, async () => {
			const { next, result } = await change(await this.get(guildId, id));
			if (next) await this.store.set(key, next, PRESENTATION_TTL_MS);
			return result;
		});
	}
}
