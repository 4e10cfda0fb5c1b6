import type { AnyCommand } from '../core/command.js';
import type { CommandData } from '../core/options.js';
import type { Registry } from '../core/registry.js';
import { DISCORD_LOCALES, localizeCommand } from '../i18n/command-localizations.js';
import type { Language } from '../i18n/index.js';
import { COMMAND_TEXTS } from '../i18n/command-texts.js';

/*
 * The local page shows commands as Discord's client does for the member's language: the names and descriptions
 * registered as localisations (the same ones `npm run deploy-commands` sends), and it accepts a command, subcommand
 * or option typed by either its default or its localised name, as Discord does, while the interaction still carries
 * the default names.
 */

interface Named {
	readonly name: string;
	readonly description?: string;
	readonly name_localizations?: Readonly<Record<string, string>>;
	readonly description_localizations?: Readonly<Record<string, string>>;
}

const localized = new WeakMap<CommandData, CommandData>();

/** The command's definition with its localisations, as it is registered with Discord. */
export function registered(data: CommandData): CommandData {
	let found = localized.get(data);
	if (!found) {
		found = localizeCommand(data, COMMAND_TEXTS);
		localized.set(data, found);
	}
	return found;
}

const localeOf = (language: Language): string | undefined =>
	language === 'en' ? undefined : DISCORD_LOCALES[language][0];

/** A command's, option's or choice's name as a member in `language` sees it. */
export function nameIn(node: Named, language: Language): string {
	const locale = localeOf(language);
	return (locale && node.name_localizations?.[locale]) || node.name;
}

/** A command's or option's description as a member in `language` sees it. */
export function descriptionIn(node: Named, language: Language): string {
	const locale = localeOf(language);
	return (locale && node.description_localizations?.[locale]) || (node.description ?? '');
}

/** Every name a member may type for the node: its default name and its localised ones. */
export function namesOf(node: Named): string[] {
	return [node.name, ...Object.values(node.name_localizations ?? {})].map((n) => n.toLowerCase());
}

/** The command a typed name (default or localised) stands for, among those `visible`. */
export function findCommand(
	registry: Registry,
	typed: string,
	visible: (command: AnyCommand) => boolean = () => true,
): AnyCommand | undefined {
	const name = typed.toLowerCase();
	const exact = registry.get(name);
	if (exact) return visible(exact) ? exact : undefined;
	return registry.all.find((c) => visible(c) && namesOf(registered(c.data)).includes(name));
}
