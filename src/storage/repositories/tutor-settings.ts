import type { Store } from '../store.js';

/** Whether the AI tutor answers in a server, as an organizer last set it. */
export interface TutorSwitch {
	enabled: boolean;
	changedBy: string | null;
	/** ISO time of the last change; null while the default applies. */
	changedAt: string | null;
}

/** The tutor is on wherever the operator configured a key, until an organizer turns it off for their server. */
export const DEFAULT_TUTOR_SWITCH: TutorSwitch = { enabled: true, changedBy: null, changedAt: null };

/** The per-server on/off switch of the AI tutor (/ask, /session, /inject, engine:openai). */
export class TutorSettingsRepository {
	constructor(private readonly store: Store) {}

	private key(guildId: string): string {
		return `guild:${guildId}:tutor`;
	}

	async get(guildId: string): Promise<TutorSwitch> {
		return { ...DEFAULT_TUTOR_SWITCH, ...(await this.store.get<TutorSwitch>(this.key(guildId))) };
	}

	async set(guildId: string, enabled: boolean, by: string, now: Date): Promise<TutorSwitch> {
		const value: TutorSwitch = { enabled, changedBy: by, changedAt: now.toISOString() };
		await this.store.set(this.key(guildId), value);
		return value;
	}
}
