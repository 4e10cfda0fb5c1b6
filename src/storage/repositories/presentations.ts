import type { Tier } from '../../curriculum/question-schema.js';
import type { Store } from '../store.js';
import { GuildRecords } from './guild-records.js';

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
export class PresentationRepository extends GuildRecords<Presentation> {
	constructor(store: Store) {
		super(store, 'present', PRESENTATION_TTL_MS);
	}
}
