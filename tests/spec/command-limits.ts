/**
 * Documented application-command rules that the OpenAPI spec does not express
 * (https://discord.com/developers/docs/interactions/application-commands).
 */

interface ChoiceLike {
	name?: string;
	value?: string | number;
}

interface OptionLike {
	type?: number;
	name?: string;
	description?: string;
	required?: boolean | null;
	autocomplete?: boolean | null;
	choices?: ChoiceLike[] | null;
	options?: OptionLike[] | null;
}

interface CommandLike extends OptionLike {
	type?: number;
}

// Discord's own name pattern; chat-input names must also be lower case.
const NAME_PATTERN = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const SUBCOMMAND = 1;
const SUBCOMMAND_GROUP = 2;
const CHAT_INPUT = 1;
export const COMMAND_CHARACTERS_MAX = 4000;

function checkName(name: string | undefined, where: string, lowercase: boolean, errors: string[]): void {
	if (name === undefined) return; // the spec reports a missing name
	if (!NAME_PATTERN.test(name)) errors.push(`${where}/name "${name}" does not match Discord's name pattern`);
	else if (lowercase && name !== name.toLowerCase()) errors.push(`${where}/name "${name}" must be lower case`);
}

/** Sum of the characters Discord counts against a command's 4000 total (names, descriptions, choice names and values). */
export function commandCharacters(command: OptionLike): number {
	let total = [...(command.name ?? '')].length + [...(command.description ?? '')].length;
	for (const choice of command.choices ?? [])
		total += [...(choice.name ?? '')].length + [...String(choice.value ?? '')].length;
	for (const option of command.options ?? []) total += commandCharacters(option);
	return total;
}

function checkOptions(options: readonly OptionLike[], where: string, errors: string[]): void {
	const names = new Set<string>();
	let sawOptional = false;
	const subcommands = options.filter((o) => o.type === SUBCOMMAND || o.type === SUBCOMMAND_GROUP).length;
	if (subcommands > 0 && subcommands < options.length) {
		errors.push(`${where}/options mixes subcommands with plain options`);
	}
	options.forEach((option, i) => {
		const at = `${where}/options/${i}`;
		checkName(option.name, at, true, errors);
		if (option.name !== undefined) {
			if (names.has(option.name)) errors.push(`${at}/name "${option.name}" is used twice at this level`);
			names.add(option.name);
		}
		if (!option.description) errors.push(`${at}/description must be 1 to 100 characters`);
		if (option.required) {
			if (sawOptional) errors.push(`${at} is required but follows an optional option; required options come first`);
		} else {
			sawOptional = true;
		}
		if (option.autocomplete && option.choices?.length) errors.push(`${at} sets both autocomplete and choices`);
		(option.choices ?? []).forEach((choice, j) => {
			const length = [...(choice.name ?? '')].length;
			if (length < 1 || length > 100) errors.push(`${at}/choices/${j}/name must be 1 to 100 characters`);
			if (typeof choice.value === 'string' && [...choice.value].length > 100) {
				errors.push(`${at}/choices/${j}/value must be at most 100 characters`);
			}
		});
		if (option.type === SUBCOMMAND || option.type === SUBCOMMAND_GROUP) {
			const children = option.options ?? [];
			if (option.type === SUBCOMMAND && children.some((c) => c.type === SUBCOMMAND || c.type === SUBCOMMAND_GROUP)) {
				errors.push(`${at} is a subcommand and cannot hold subcommands`);
			}
			if (option.type === SUBCOMMAND_GROUP && children.some((c) => c.type !== SUBCOMMAND)) {
				errors.push(`${at} is a subcommand group and may only hold subcommands`);
			}
			checkOptions(children, at, errors);
		}
	});
}

/** Checks one command definition (the body of a POST, or one element of a bulk PUT). */
export function checkCommandLimits(command: CommandLike, where = ''): string[] {
	const errors: string[] = [];
	const type = command.type ?? CHAT_INPUT;
	checkName(command.name, where, type === CHAT_INPUT, errors);
	if (type === CHAT_INPUT) {
		const length = [...(command.description ?? '')].length;
		if (length < 1 || length > 100) errors.push(`${where}/description must be 1 to 100 characters for a slash command`);
		checkOptions(command.options ?? [], where, errors);
	} else if (command.description) {
		errors.push(`${where}/description must be empty for user and message commands`);
	}
	const total = commandCharacters(command);
	if (total > COMMAND_CHARACTERS_MAX) {
		errors.push(`${where} counts ${total} characters; a command may have ${COMMAND_CHARACTERS_MAX}`);
	}
	return errors;
}

/** Checks a bulk-overwrite list: every command, and no two of one type sharing a name. */
export function checkCommandListLimits(commands: readonly CommandLike[]): string[] {
	const errors: string[] = [];
	const seen = new Set<string>();
	commands.forEach((command, i) => {
		errors.push(...checkCommandLimits(command, `/${i}`));
		const key = `${command.type ?? CHAT_INPUT}:${command.name ?? ''}`;
		if (seen.has(key)) errors.push(`/${i}/name "${command.name}" is registered twice`);
		seen.add(key);
	});
	const chatInput = commands.filter((c) => (c.type ?? CHAT_INPUT) === CHAT_INPUT).length;
	if (chatInput > 100) errors.push(`${chatInput} slash commands; at most 100 are allowed`);
	return errors;
}
