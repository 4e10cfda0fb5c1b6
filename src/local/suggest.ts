import { ApplicationCommandOptionType as T, PermissionFlagsBits } from 'discord-api-types/v10';
import type { AutocompleteChoice } from '../core/interaction.js';
import type { AnyCommand } from '../core/command.js';
import type { CommandData, OptionData } from '../core/options.js';
import type { Registry } from '../core/registry.js';
import { t, type Language } from '../i18n/index.js';
import {
	findSubcommand,
	freeTextOption,
	hasSubcommands,
	optionsFor,
	parseCommandLine,
	type ParsedLine,
} from './command-line.js';
import { descriptionIn, findCommand, nameIn, namesOf, registered } from './localized.js';

/** One entry of the suggestion list above the input; picking it replaces the whole line with `line`. */
export interface SuggestionItem {
	label: string;
	detail: string;
	line: string;
}

/** An option chip: what Discord's client shows while a command is being typed. */
export interface OptionChip {
	name: string;
	description: string;
	type: string;
	required: boolean;
	given: boolean;
	choices: string[];
	autocomplete: boolean;
	/** Filled by text typed without `name:`. */
	freeText: boolean;
}

export interface Suggestions {
	command: { name: string; description: string; subcommand: string | null } | null;
	chips: OptionChip[];
	items: SuggestionItem[];
	/** The option being typed, with its description, or why the line cannot be sent. */
	hint: string | null;
}

const TYPE_NAMES = {
	[T.String]: 'text',
	[T.Integer]: 'integer',
	[T.Number]: 'number',
	[T.Boolean]: 'boolean',
	[T.User]: 'member',
	[T.Channel]: 'channel',
	[T.Role]: 'role',
	[T.Mentionable]: 'mentionable',
	[T.Attachment]: 'file',
} as const satisfies Partial<Record<T, string>>;
type TypeKey = (typeof TYPE_NAMES)[keyof typeof TYPE_NAMES];

/** Whether a member with `permissions` sees the command (Discord hides it otherwise). */
export function canUse(command: AnyCommand, permissions: bigint): boolean {
	const required = command.data.default_member_permissions;
	if (!required) return true;
	const need = BigInt(required);
	return (permissions & PermissionFlagsBits.Administrator) !== 0n || (permissions & need) === need;
}

/** Puts a value in quotes when it holds what would start another option. */
function quoted(value: string): string {
	return /\s\S+:|^["'“‘]/u.test(value) ? `"${value.replace(/["\\]/g, '\\$&')}"` : value;
}

function chipsOf(options: readonly OptionData[], parsed: ParsedLine, language: Language): OptionChip[] {
	const free = freeTextOption(options);
	return options.map((o) => ({
		name: nameIn(o, language),
		description: descriptionIn(o, language),
		type: t(`local.suggest.types.${(TYPE_NAMES as Partial<Record<T, TypeKey>>)[o.type] ?? 'value'}`),
		required: o.required === true,
		given: o.name in parsed.options,
		choices: (o.choices ?? []).map((c) => String(c.value)),
		autocomplete: o.autocomplete === true,
		freeText: o === free,
	}));
}

const matches = (text: string, typed: string) => text.toLowerCase().includes(typed.toLowerCase());

/**
 * What the page shows while a member types `line`: command names after `/`, subcommands, option chips, an option's
 * choices, or its autocomplete answers (from the command's own handler, via `autocomplete`). Names and descriptions
 * are those a member in `language` sees in Discord (the registered localisations); either name may be typed.
 */
export async function suggest(
	line: string,
	registry: Registry,
	permissions: bigint,
	autocomplete: (focused: { name: string; value: string }) => Promise<AutocompleteChoice[]>,
	language: Language = 'en',
): Promise<Suggestions> {
	const none: Suggestions = { command: null, chips: [], items: [], hint: null };
	const text = line.trimStart();
	if (!text.startsWith('/')) return none;
	const lookup = (name: string): CommandData | undefined => {
		const command = findCommand(registry, name, (c) => canUse(c, permissions));
		return command ? registered(command.data) : undefined;
	};
	const head = /^\/(\S*)(\s?)/u.exec(text)!;
	const typedName = head[1]!.toLowerCase();
	if (!head[2]) {
		const visible = registry.all.filter((c) => canUse(c, permissions)).map((c) => registered(c.data));
		const starts = (d: CommandData) => namesOf(d).some((n) => n.startsWith(typedName));
		const items = [
			...visible.filter(starts),
			...visible.filter((d) => !starts(d) && namesOf(d).some((n) => n.includes(typedName))),
		];
		return {
			...none,
			items: items.map((d) => {
				const name = nameIn(d, language);
				return { label: `/${name}`, detail: descriptionIn(d, language), line: `/${name} ` };
			}),
		};
	}
	const data = lookup(typedName);
	if (!data) return { ...none, hint: t('local.suggest.noSuchCommand', { command: typedName }) };
	const commandName = nameIn(data, language);
	const base = {
		...none,
		command: { name: commandName, description: descriptionIn(data, language), subcommand: null },
	};

	if (hasSubcommands(data)) {
		const sub = /^(\S*)(\s?)/u.exec(text.slice(head[0].length))!;
		const known = findSubcommand(data, sub[1]!);
		if (!sub[2] || !known) {
			const subs = (data.options ?? []).filter(
				(o) => o.type === T.Subcommand && namesOf(o).some((n) => n.startsWith(sub[1]!.toLowerCase())),
			);
			const items = subs.map((s) => ({
				label: `/${commandName} ${nameIn(s, language)}`,
				detail: descriptionIn(s, language),
				line: `/${commandName} ${nameIn(s, language)} `,
			}));
			return { ...base, items, hint: t('local.suggest.chooseSubcommand') };
		}
	}

	let parsed: ParsedLine;
	try {
		parsed = parseCommandLine(text, lookup);
	} catch (error) {
		return { ...base, hint: error instanceof Error ? error.message : String(error) };
	}
	const options = optionsFor(data, parsed.subcommand);
	const subcommand = parsed.subcommand ? findSubcommand(data, parsed.subcommand) : undefined;
	const result: Suggestions = {
		...base,
		command: {
			...base.command,
			subcommand: subcommand ? nameIn(subcommand, language) : parsed.subcommand,
			...(subcommand ? { description: descriptionIn(subcommand, language) } : {}),
		},
		chips: chipsOf(options, parsed, language),
	};

	// A partial option name at the end: offer the options it could start.
	const word = /(?:^|\s)([-_\p{L}\p{N}\p{M}]+)$/u.exec(text)?.[1];
	if (word) {
		const typed = word.toLowerCase();
		const free = options.filter(
			(o) => !(o.name in parsed.options) && namesOf(o).some((n) => n.startsWith(typed)) && !namesOf(o).includes(typed),
		);
		if (free.length > 0) {
			const stem = text.slice(0, text.length - word.length);
			result.items = free.map((o) => {
				const name = nameIn(o, language);
				return { label: `${name}:`, detail: descriptionIn(o, language), line: `${stem}${name}:` };
			});
			return result;
		}
	}

	const last = parsed.last;
	const option = last ? options.find((o) => o.name === last.name) : undefined;
	if (!last || !option || /\s$/u.test(text)) return result;
	result.hint = `${nameIn(option, language)}: ${descriptionIn(option, language)}`;
	const stem = text.slice(0, last.start);
	if (option.choices) {
		const choices = option.choices.filter(
			(c) =>
				!last.value ||
				matches(c.name, last.value) ||
				matches(nameIn(c, language), last.value) ||
				matches(String(c.value), last.value),
		);
		result.items = choices.map((c) => ({
			label: nameIn(c, language),
			detail: String(c.value),
			line: `${stem}${quoted(String(c.value))} `,
		}));
	} else if (option.autocomplete) {
		const choices = await autocomplete({ name: option.name, value: last.value });
		result.items = choices.map((c) => ({
			label: c.name,
			detail: String(c.value),
			line: `${stem}${quoted(String(c.value))} `,
		}));
	}
	return result;
}
