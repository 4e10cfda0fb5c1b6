import { languageOf, type Language } from '../../i18n/language.js';
import type { Store } from '../store.js';

/** What organizers configure per server. */
export interface GuildSettings {
	/** Members with this role count as organizers (besides those with Manage Server). */
	organizerRoleId: string | null;
	/** Members with this role may present (run live quizzes, step through sessions). Organizers may too. */
	presenterRoleId: string | null;
	/** Leave organizers out of leaderboards. */
	excludeOrganizersFromLeaderboard: boolean;
	/** The language of public posts (weekly post, reminders, live quiz, presenter steps); null: the server's own. */
	language: Language | null;
	/**
	 * The server's preferred locale as Discord last sent it with an organizer's command (`guild_locale`), so that posts
	 * made with no interaction (the weekly post) can follow it too.
	 */
	serverLocale: string | null;
}

export const DEFAULT_GUILD_SETTINGS: GuildSettings = {
	organizerRoleId: null,
	presenterRoleId: null,
	excludeOrganizersFromLeaderboard: false,
	language: null,
	serverLocale: null,
};

/** The language public posts are written in: the one organizers chose, else the server's preferred language. */
export function publicLanguage(settings: GuildSettings, guildLocale?: string | null): Language {
	return settings.language ?? languageOf(guildLocale ?? settings.serverLocale);
}

/** Per-guild settings, read with defaults filled in. */
export class GuildSettingsRepository {
	constructor(private readonly store: Store) {}

	private key(guildId: string): string {
		return `guild:${guildId}:settings`;
	}

	async get(guildId: string): Promise<GuildSettings> {
		const saved = await this.store.get<Partial<GuildSettings>>(this.key(guildId));
		return { ...DEFAULT_GUILD_SETTINGS, ...saved };
	}

	/** Applies a partial change and returns the settings as saved. */
	async update(guildId: string, patch: Partial<GuildSettings>): Promise<GuildSettings> {
		return this.store.exclusive(this.key(guildId), async () => {
			const next = { ...(await this.get(guildId)), ...patch };
			await this.store.set(this.key(guildId), next);
			return next;
		});
	}

	/**
	 * The settings, after remembering the server's Discord language (`guild_locale`, sent with an organizer's
	 * command) if it changed, so that posts made with no interaction (the weekly post) can follow it too.
	 */
	async rememberServerLocale(guildId: string, guildLocale: string | null | undefined): Promise<GuildSettings> {
		const current = await this.get(guildId);
		if (!guildLocale || guildLocale === current.serverLocale) return current;
		return this.update(guildId, { serverLocale: guildLocale });
	}
}
