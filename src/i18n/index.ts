import i18next, { type TOptions } from 'i18next';
import type { MessageKeyOf } from './catalogue.js';
import { en } from './en/index.js';
import { ko } from './ko/index.js';
import { currentLanguage, type Language } from './language.js';

export * from './language.js';
export type { Catalogue } from './catalogue.js';

export type MessageKey = MessageKeyOf<typeof en>;
/** Values for a message's `{{placeholders}}`; `count` also picks the plural form. */
export type MessageValues = Record<string, string | number | bigint | boolean | Date | null | undefined>;

const i18n = i18next.createInstance();
void i18n.init({
	// The catalogues are compiled in: initialisation is synchronous, so `t` works from the first import.
	initAsync: false,
	resources: { en: { translation: en }, ko: { translation: ko } },
	lng: 'en',
	fallbackLng: 'en',
	supportedLngs: ['en', 'ko'],
	// Discord text is not HTML; members' words are shown through visibleText/codeSpan where they are echoed.
	interpolation: { escapeValue: false },
	returnNull: false,
	showSupportNotice: false,
} as Parameters<typeof i18n.init>[0]);

/** The message `key` in the language being written now (the member's, or the server's for a public post). */
export function t(key: MessageKey, values?: MessageValues): string {
	return tIn(currentLanguage(), key, values);
}

/** The message `key` in `language`, whatever language is current. */
export function tIn(language: Language, key: MessageKey, values?: MessageValues): string {
	return i18n.t(key, { ...(values as TOptions), lng: language });
}

/** Whether `key` exists in `language`'s own catalogue (not by fallback). */
export function hasMessage(language: Language, key: string): boolean {
	return i18n.exists(key, { lng: language, fallbackLng: false });
}

/** Formats a number the way `language` writes it (thousands separators, decimals). */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions, language = currentLanguage()): string {
	return new Intl.NumberFormat(language === 'ko' ? 'ko-KR' : 'en-US', options).format(value);
}
