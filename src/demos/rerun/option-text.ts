import type { OptionText } from '../../i18n/command-localizations.js';
import { commandText } from '../../i18n/command-texts.js';
import { currentLanguage, type Language } from '../../i18n/index.js';
import type { OptionData } from '../../core/options.js';
import type { RerunRequest, RerunValue } from './request.js';

/** How the form shows an option: its name, description and choices' names in the member's language. */
export interface ShownOption {
	name: string;
	description: string;
	/** A choice's name, by its value. */
	choice(value: string | number): string;
}

/**
 * An option of `/command [subcommand]` as the member's Discord shows it: the Korean name and description registered
 * for it (src/i18n/ko/commands.ts) for a Korean member, and the definition's English for anything not localised.
 */
export function shownOption(
	command: string,
	subcommand: string | undefined,
	option: OptionData,
	language: Language = currentLanguage(),
): ShownOption {
	const top = commandText(language, command);
	const text: OptionText | undefined =
		subcommand === undefined ? top?.options?.[option.name] : top?.options?.[subcommand]?.options?.[option.name];
	return {
		name: text?.name || option.name,
		description: text?.description || option.description,
		choice: (value) =>
			text?.choices?.[String(value)] || option.choices?.find((c) => c.value === value)?.name || String(value),
	};
}

/** How the member's Discord shows an option of the request's command. */
export const shown = (request: Pick<RerunRequest, 'command' | 'subcommand'>, option: OptionData): ShownOption =>
	shownOption(request.command, request.subcommand, option);

/** An option's value as a form field holds it: empty when the option is not set. */
export const valueText = (value: RerunValue | undefined): string => (value === undefined ? '' : String(value));
