import { ApplicationCommandOptionType as T } from 'discord-api-types/v10';
import type { AnyCommand } from './command.js';
import type { OptionData } from './options.js';

/** Discord's rule for command and option names (lowercase where the script has case). */
const NAME = /^[-_\p{Ll}\p{Lo}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

export interface Registry {
	readonly all: readonly AnyCommand[];
	get(name: string): AnyCommand | undefined;
}

function checkOptions(where: string, options: readonly OptionData[], problems: string[]): void {
	if (options.length > 25) problems.push(`${where}: more than 25 options`);
	let seenOptional = false;
	const names = new Set<string>();
	for (const option of options) {
		const at = `${where} ${option.name}`;
		if (!NAME.test(option.name)) problems.push(`${at}: invalid option name`);
		if (names.has(option.name)) problems.push(`${at}: duplicate option`);
		names.add(option.name);
		if (option.description.length < 1 || option.description.length > 100)
			problems.push(`${at}: description must be 1–100 characters`);
		if (option.type === T.Subcommand || option.type === T.SubcommandGroup) {
			checkOptions(at, option.options ?? [], problems);
			continue;
		}
		if (option.required && seenOptional) problems.push(`${at}: required options must come before optional ones`);
		if (!option.required) seenOptional = true;
		if (option.choices && option.choices.length > 25) problems.push(`${at}: more than 25 choices`);
		if (option.choices && option.autocomplete) problems.push(`${at}: choices and autocomplete exclude each other`);
	}
}

/** Builds the explicit command registry, refusing definitions Discord would reject. */
export function createRegistry(commands: readonly AnyCommand[]): Registry {
	const problems: string[] = [];
	const byName = new Map<string, AnyCommand>();
	for (const command of commands) {
		const { name, description, options } = command.data;
		if (!NAME.test(name)) problems.push(`/${name}: invalid command name`);
		if (byName.has(name)) problems.push(`/${name}: registered twice`);
		if (description.length < 1 || description.length > 100)
			problems.push(`/${name}: description must be 1–100 characters`);
		checkOptions(`/${name}`, options ?? [], problems);
		byName.set(name, command);
	}
	if (problems.length > 0) throw new Error(`Invalid command definitions:\n  - ${problems.join('\n  - ')}`);
	return { all: commands, get: (name) => byName.get(name) };
}
