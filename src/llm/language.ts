/**
 * The languages the tutor teaches in. A member picks one by name (English or native), by code, or implicitly by
 * their Discord locale; only the canonical English name from this table ever reaches a system prompt, so the
 * option cannot smuggle instructions into it.
 */
const CODES = [
	'en',
	'ko',
	'zh-CN',
	'zh-TW',
	'ja',
	'de',
	'fr',
	'es',
	'el',
	'it',
	'pt',
	'pt-BR',
	'ru',
	'uk',
	'pl',
	'nl',
	'sv',
	'da',
	'no',
	'fi',
	'cs',
	'hu',
	'ro',
	'bg',
	'hr',
	'tr',
	'ar',
	'he',
	'fa',
	'hi',
	'bn',
	'th',
	'vi',
	'id',
	'ms',
	'lt',
	'sw',
	'ta',
	'ur',
] as const;

export interface Language {
	code: string;
	/** English name, as the prompt states it, e.g. `Korean`. */
	name: string;
	/** The language's name for itself, e.g. `한국어`. */
	native: string;
}

const english = new Intl.DisplayNames(['en'], { type: 'language' });
/** Discord's Chinese locales name a script more than a country. */
const NAMES: Readonly<Record<string, [string, string]>> = {
	'zh-CN': ['Chinese (Simplified)', '简体中文'],
	'zh-TW': ['Chinese (Traditional)', '繁體中文'],
};

/** Every supported language, in the table's order. */
export const LANGUAGES: readonly Language[] = CODES.map((code) => ({
	code,
	name: NAMES[code]?.[0] ?? english.of(code) ?? code,
	native: NAMES[code]?.[1] ?? new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code,
}));

const fold = (s: string) => s.normalize('NFKC').trim().toLowerCase();

/** The language a member named (`korean`, `한국어`, `ko`, `ko-KR`), or undefined. */
export function findLanguage(text: string): Language | undefined {
	const key = fold(text);
	if (!key) return undefined;
	const exact = LANGUAGES.find((l) => fold(l.name) === key || fold(l.native) === key || fold(l.code) === key);
	if (exact) return exact;
	const base = key.split(/[-_]/)[0];
	// `chinese` → Chinese (Simplified); `zh` → zh-CN.
	return LANGUAGES.find(
		(l) => fold(l.code) === base || fold(l.code).split('-')[0] === base || fold(l.name).startsWith(`${key} (`),
	);
}

/** The language of a Discord locale (`ko`, `en-US`, `zh-TW`, `pt-BR`), English when unknown. */
export function languageOfLocale(locale: string): Language {
	return findLanguage(locale) ?? LANGUAGES[0]!;
}

/** Autocomplete: languages whose names start with (then contain) what was typed. */
export function suggestLanguages(typed: string, limit = 25): Language[] {
	const key = fold(typed);
	if (!key) return LANGUAGES.slice(0, limit);
	const score = (l: Language) => {
		const names = [l.name, l.native, l.code].map(fold);
		if (names.some((n) => n.startsWith(key))) return 2;
		if (names.some((n) => n.includes(key))) return 1;
		return 0;
	};
	return LANGUAGES.map((l) => ({ l, s: score(l) }))
		.filter((x) => x.s > 0)
		.sort((a, b) => b.s - a.s)
		.slice(0, limit)
		.map((x) => x.l);
}

/** "Korean (한국어)", as choices and footers show it. */
export function languageLabel(l: Language): string {
	return l.native === l.name ? l.name : `${l.name} (${l.native})`;
}
