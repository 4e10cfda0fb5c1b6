import { ApplicationCommandOptionType as T, PermissionFlagsBits } from 'discord-api-types/v10';
import type { AutocompleteChoice } from '../core/interaction.js';
import type { AnyCommand } from '../core/command.js';
import type { CommandData, OptionData } from '../core/options.js';
import type { Registry } from '../core/registry.js';
import { freeTextOption, hasSubcommands, optionsFor, parseCommandLine, type ParsedLine } from './command-line.js';

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

const TYPE_NAMES: Readonly<Partial<Record<T, string>>> = {
	[T.String]: 'text',
	[T.Integer]: 'whole number',
	[T.Number]: 'number',
	[T.Boolean]: 'true/false',
	[T.User]: 'member',
	[T.Channel]: 'channel',
	[T.Role]: 'role',
	[T.Mentionable]: 'member or role',
	[T.Attachment]: 'file',
};

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

function chipsOf(options: readonly OptionData[], parsed: ParsedLine): OptionChip[] {
	const free = freeTextOption(options);
	return options.map((o) => ({
		name: o.name,
		description: o.description,
		type: TYPE_NAMES[o.type] ?? 'value',
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
 * choices, or its autocomplete answers (from the command's own handler, via `autocomplete`).
 */
export async function suggest(
	line: string,
	registry: Registry,
	permissions: bigint,
	autocomplete: (focused: { name: string; value: string }) => Promise<AutocompleteChoice[]>,
): Promise<Suggestions> {
	const none: Suggestions = { command: null, chips: [], items: [], hint: null };
	const text = line.trimStart();
	if (!text.startsWith('/')) return none;
	const lookup = (name: string): CommandData | undefined => {
		const command = registry.get(name);
		return command && canUse(command, permissions) ? command.data : undefined;
	};
	const head = /^\/(\S*)(\s?)/u.exec(text)!;
	const typedName = head[1]!.toLowerCase();
	if (!head[2]) {
		const visible = registry.all.filter((c) => canUse(c, permissions));
		const items = [
			...visible.filter((c) => c.data.name.startsWith(typedName)),
			...visible.filter((c) => !c.data.name.startsWith(typedName) && c.data.name.includes(typedName)),
		];
		return {
			...none,
			items: items.map((c) => ({ label: `/${c.data.name}`, detail: c.data.description, line: `/${c.data.name} ` })),
		};
	}
	const data = lookup(typedName);
	if (!data) return { ...none, hint: `There is no command /${typedName}.` };
	const base = { ...none, command: { name: data.name, description: data.description, subcommand: null } };

	if (hasSubcommands(data)) {
		const sub = /^(\S*)(\s?)/u.exec(text.slice(head[0].length))!;
		const known = (data.options ?? []).find((o) => o.type === T.Subcommand && o.name === sub[1]!.toLowerCase());
		if (!sub[2] || !known) {
			const subs = (data.options ?? []).filter(
				(o) => o.type === T.Subcommand && o.name.startsWith(sub[1]!.toLowerCase()),
			);
			const items = subs.map((s) => ({
				label: `/${data.name} ${s.name}`,
				detail: s.description,
				line: `/${data.name} ${s.name} `,
			}));
			return { ...base, items, hint: 'Choose a subcommand.' };
		}
	}

	let parsed: ParsedLine;
	try {
		parsed = parseCommandLine(text, lookup);
	} catch (error) {
		return { ...base, hint: error instanceof Error ? error.message : String(error) };
	}
	const options = optionsFor(data, parsed.subcommand);
	const result: Suggestions = {
		...base,
		command: { ...base.command, subcommand: parsed.subcommand },
		chips: chipsOf(options, parsed),
	};

	// A partial option name at the end: offer the options it could start.
	const word = /(?:^|\s)([-_\p{L}\p{N}\p{M}]+)$/u.exec(text)?.[1];
	if (word) {
		const free = result.chips.filter(
			(c) => !c.given && c.name.startsWith(word.toLowerCase()) && c.name !== word.toLowerCase(),
		);
		if (free.length > 0) {
			const stem = text.slice(0, text.length - word.length);
			result.items = free.map((c) => ({ label: `${c.name}:`, detail: c.description, line: `${stem}${c.name}:` }));
			return result;
		}
	}

	const last = parsed.last;
	const option = last ? options.find((o) => o.name === last.name) : undefined;
	if (!last || !option || /\s$/u.test(text)) return result;
	result.hint = `${option.name}: ${option.description}`;
	const stem = text.slice(0, last.start);
	if (option.choices) {
		const choices = option.choices.filter(
			(c) => !last.value || matches(c.name, last.value) || matches(String(c.value), last.value),
		);
		result.items = choices.map((c) => ({
			label: c.name,
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
