import type { Language } from './language.js';

/**
 * A command's names and descriptions in another language, mirroring its definition: the command, then each option
 * (subcommands and groups are options with options of their own), then each choice by its value. The English text
 * stays in the command's definition, which is what Discord shows by default and what interactions are named by.
 */
export interface CommandText {
	name: string;
	description: string;
	options?: Readonly<Record<string, OptionText>>;
}
export interface OptionText extends CommandText {
	/** Choice display names by choice value. */
	choices?: Readonly<Record<string, string>>;
}
export type CommandTexts = Readonly<Record<string, CommandText>>;

/** The Discord locales each of the bot's languages is registered under (English is the default, not a localisation). */
export const DISCORD_LOCALES: Readonly<Record<Exclude<Language, 'en'>, readonly string[]>> = { ko: ['ko'] };

interface OptionLike {
	name: string;
	description?: string;
	options?: readonly OptionLike[];
	choices?: readonly { name: string; value: string | number }[];
}

/**
 * `data` with `name_localizations` and `description_localizations` (and choices' `name_localizations`) added from
 * `texts` for each language; anything missing is left to Discord's default (the English definition).
 */
export function localizeCommand<D extends OptionLike>(
	data: D,
	texts: Readonly<Partial<Record<Exclude<Language, 'en'>, CommandTexts>>>,
): D {
	const entries = Object.entries(texts).flatMap(([language, table]) =>
		DISCORD_LOCALES[language as Exclude<Language, 'en'>].map((locale) => [locale, table[data.name]] as const),
	);
	return localizeNode(data, entries) as D;
}

function localizeNode(
	node: OptionLike,
	texts: readonly (readonly [string, OptionText | CommandText | undefined])[],
): OptionLike {
	const names = Object.fromEntries(texts.flatMap(([locale, t]) => (t ? [[locale, t.name]] : [])));
	const descriptions = Object.fromEntries(texts.flatMap(([locale, t]) => (t ? [[locale, t.description]] : [])));
	return {
		...node,
		...(Object.keys(names).length ? { name_localizations: names } : {}),
		...(Object.keys(descriptions).length && node.description !== undefined
			? { description_localizations: descriptions }
			: {}),
		...(node.options
			? {
					options: node.options.map((option): OptionLike =>
						localizeNode(
							option,
							texts.map(([locale, t]) => [locale, t?.options?.[option.name]] as const),
						),
					),
				}
			: {}),
		...(node.choices
			? {
					choices: node.choices.map((choice) => {
						const localized = Object.fromEntries(
							texts.flatMap(([locale, t]) => {
								const name = t && 'choices' in t ? t.choices?.[String(choice.value)] : undefined;
								return name ? [[locale, name]] : [];
							}),
						);
						return Object.keys(localized).length ? { ...choice, name_localizations: localized } : choice;
					}),
				}
			: {}),
	};
}
