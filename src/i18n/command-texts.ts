import type { CommandText, CommandTexts } from './command-localizations.js';
import { currentLanguage, type Language } from './language.js';
import { koCommands } from './ko/commands.js';

/**
 * Each language's command names and descriptions, as registered with Discord (English is each command's definition
 * itself). The one table registration, /help, the re-run form and the local page read.
 */
export const COMMAND_TEXTS: Readonly<Partial<Record<Exclude<Language, 'en'>, CommandTexts>>> = { ko: koCommands };

/** A command's texts in `language`, where its localisation has them; undefined in English. */
export function commandText(language: Language, command: string): CommandText | undefined {
	return language === 'en' ? undefined : COMMAND_TEXTS[language]?.[command];
}

/** `/name` as the member's Discord client shows the command in the language being written (`/샘플링` in Korean). */
export function shownCommandName(command: string): string {
	return `/${commandText(currentLanguage(), command)?.name ?? command}`;
}
