import { AsyncLocalStorage } from 'node:async_hooks';

/** The languages the bot writes. Every other Discord locale falls back to English. */
export const LANGUAGES = ['en', 'ko'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';

/** The bot's language for a Discord locale (`ko`, `en-US`, `en-GB`, `ja` …): Korean for `ko`, English otherwise. */
export function languageOf(locale: string | null | undefined): Language {
	const base = (locale ?? '').toLowerCase().split(/[-_]/)[0];
	return (LANGUAGES as readonly string[]).includes(base ?? '') ? (base as Language) : DEFAULT_LANGUAGE;
}

export function isLanguage(value: unknown): value is Language {
	return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/*
 * The language of the interaction (or post) being answered. It is carried by async context rather than passed down
 * as an argument because user-facing text is produced deep inside reply builders, charts and errors that have no
 * other reason to know who asked; the dispatcher sets it once per interaction, the poster once per public post, and
 * the compute pool forwards it to worker threads with each task.
 */
const current = new AsyncLocalStorage<Language>();

/** Runs `fn` with `language` as the language of every message it writes (also across awaits). */
export function withLanguage<R>(language: Language, fn: () => R): R {
	return current.run(language, fn);
}

/** The language being written now: the one set by {@link withLanguage}, English outside any. */
export function currentLanguage(): Language {
	return current.getStore() ?? DEFAULT_LANGUAGE;
}
