import {
	ApplicationCommandOptionType as T,
	ComponentType,
	TextInputStyle,
	type APIActionRowComponent,
	type APIModalInteractionResponseCallbackData,
	type APITextInputComponent,
} from 'discord-api-types/v10';
import { UserError } from '../../core/errors.js';
import type { CommandData, OptionData } from '../../core/options.js';
import { t } from '../../i18n/index.js';
import { FORM_LIMITS } from './form-limits.js';
import { shown, valueText, type ShownOption } from './option-text.js';
import type { RerunRequest } from './request.js';
import { booleanMenu, choiceMenu, choiceValue } from './select-fields.js';

export { FORM_LIMITS } from './form-limits.js';

/** Option types a text input can carry; users, channels, roles and attachments keep their values. */
const EDITABLE: ReadonlySet<number> = new Set([T.String, T.Integer, T.Number, T.Boolean]);

/** The options of the command (or of its subcommand), as `argsFor` reads them. */
export function commandOptions(data: CommandData, subcommand: string | undefined): readonly OptionData[] {
	const top = data.options ?? [];
	if (subcommand === undefined) return top.filter((o) => o.type !== T.Subcommand && o.type !== T.SubcommandGroup);
	return top.find((o) => o.type === T.Subcommand && o.name === subcommand)?.options ?? [];
}

/** The text input that holds the options beyond the form's own inputs, one `name: value` a line. */
export const MORE_FIELD = 'more_options';
/** One line of that input: a name (the option's, or the one the member's language shows) and its value. */
const MORE_LINE = /^\s*([\p{L}\p{N}_-]+)\s*[:=]\s*(.*)$/u;

/** The option among `more` that a line names, by its own name or the one shown in the member's language. */
function namedOption(request: RerunRequest, more: readonly OptionData[], name: string): OptionData | undefined {
	const want = name.toLowerCase();
	return more.find((o) => o.name === want || shown(request, o).name.toLowerCase() === want);
}

/** The editable options of a run, most useful first (required, preferred, set, the rest). */
function rankedCandidates(data: CommandData, request: RerunRequest): OptionData[] {
	const candidates = commandOptions(data, request.subcommand).filter(
		(o) => EDITABLE.has(o.type) && valueText(request.options[o.name]).length <= FORM_LIMITS.value,
	);
	const prefer = request.prefer ?? [];
	const rank = (o: OptionData): number => {
		if (o.required) return 0;
		const preferred = prefer.indexOf(o.name);
		if (preferred >= 0) return 1 + preferred / (prefer.length + 1);
		return request.options[o.name] !== undefined ? 2 : 3;
	};
	return [...candidates].sort((a, b) => rank(a) - rank(b));
}

/**
 * The options that get an input of their own, shown in the command's order: all of them when they fit in the form's
 * five inputs, else the four most useful (required options, then the ones the command prefers, `request.prefer` in
 * its order, then the ones the run set, then the others) and the rest go in one "Other options" input
 * ({@link moreOptions}). An option whose current value is longer than a text input holds is left out (it keeps its
 * value), as are options of types a text input cannot carry.
 */
export function editableOptions(data: CommandData, request: RerunRequest): OptionData[] {
	const ranked = rankedCandidates(data, request);
	const room = ranked.length <= FORM_LIMITS.inputs ? FORM_LIMITS.inputs : FORM_LIMITS.inputs - 1;
	const chosen = new Set(ranked.slice(0, room));
	return commandOptions(data, request.subcommand).filter((o) => chosen.has(o));
}

/** The options that share the "Other options" input (none when every option has its own), in the command's order. */
export function moreOptions(data: CommandData, request: RerunRequest): OptionData[] {
	const ranked = rankedCandidates(data, request);
	if (ranked.length <= FORM_LIMITS.inputs) return [];
	const rest = new Set(ranked.slice(FORM_LIMITS.inputs - 1));
	return commandOptions(data, request.subcommand).filter((o) => rest.has(o));
}

/** What values an option takes, briefly: `gpt2|gpt-4`, `0–2`, `≥ 1`, `true|false`; empty for free text. */
export function valueHint(option: OptionData): string {
	if (option.choices) return option.choices.map((c) => String(c.value)).join('|');
	if (option.type === T.Boolean) return 'true|false';
	if (option.type === T.Integer || option.type === T.Number) {
		const { min_value: min, max_value: max } = option;
		if (min !== undefined && max !== undefined) return `${min}–${max}`;
		if (min !== undefined) return `≥ ${min}`;
		if (max !== undefined) return `≤ ${max}`;
		return option.type === T.Integer ? t('rerun.form.wholeNumber') : t('rerun.form.number');
	}
	return '';
}

function label(option: OptionData, name: string): string {
	const hint = valueHint(option);
	const full = hint ? `${name} (${hint})` : name;
	return full.length <= FORM_LIMITS.label ? full : name.slice(0, FORM_LIMITS.label);
}

const isFreeText = (option: OptionData): boolean => option.type === T.String && !option.choices;

/** `/sample` or `/quiz practice`. */
export function commandLabel(request: Pick<RerunRequest, 'command' | 'subcommand'>): string {
	return `/${request.command}${request.subcommand ? ` ${request.subcommand}` : ''}`;
}

/**
 * The "Run again with…" form: per editable option, a select menu of its choices, or of yes and no for a boolean (in a
 * label, the current one selected; an optional option may be left without a choice for its default), or a text input
 * filled with the value it ran with. Names, descriptions and choices read as the member's Discord shows them.
 */
export function rerunForm(
	data: CommandData,
	request: RerunRequest,
	customId: string,
): APIModalInteractionResponseCallbackData {
	const title = t('rerun.form.title', { command: commandLabel(request) });
	const more = moreOptions(data, request);
	return {
		custom_id: customId,
		title: title.length <= FORM_LIMITS.title ? title : t('rerun.form.titleShort'),
		components: [
			...editableOptions(data, request).map((option) =>
				option.choices && option.choices.length > 0
					? choiceMenu(option, request)
					: option.type === T.Boolean
						? booleanMenu(option, request)
						: textRow(option, valueText(request.options[option.name]), shown(request, option)),
			),
			...(more.length === 0 ? [] : [moreInput(more, request)]),
		],
	};
}

function textRow(option: OptionData, value: string, text: ShownOption): APIActionRowComponent<APITextInputComponent> {
	// Discord counts an option's length in code points and a text input's possibly in UTF-16 units: room for the value as it is.
	const max = Math.min(Math.max(option.max_length ?? FORM_LIMITS.value, value.length), FORM_LIMITS.value);
	return {
		type: ComponentType.ActionRow,
		components: [
			{
				type: ComponentType.TextInput,
				custom_id: option.name,
				label: label(option, text.name),
				style: isFreeText(option) && max > 100 ? TextInputStyle.Paragraph : TextInputStyle.Short,
				required: option.required ?? false,
				...(isFreeText(option) && option.min_length !== undefined
					? { min_length: Math.min(option.min_length, max) }
					: {}),
				max_length: isFreeText(option) ? max : 100,
				placeholder: text.description.slice(0, FORM_LIMITS.placeholder),
				...(value !== '' ? { value } : {}),
			},
		],
	};
}

/** Every option that has no input of its own, one `name: value` a line (empty after the colon: the default). */
function moreInput(more: readonly OptionData[], request: RerunRequest): APIActionRowComponent<APITextInputComponent> {
	const value = more
		.map((o) => `${shown(request, o).name}: ${valueText(request.options[o.name])}`.trimEnd())
		.join('\n');
	const hints = more.map((o) => `${shown(request, o).name} ${valueHint(o) || t('rerun.form.text')}`).join(', ');
	return {
		type: ComponentType.ActionRow,
		components: [
			{
				type: ComponentType.TextInput,
				custom_id: MORE_FIELD,
				label: t('rerun.form.more'),
				style: TextInputStyle.Paragraph,
				required: false,
				max_length: FORM_LIMITS.value,
				placeholder: hints.slice(0, FORM_LIMITS.placeholder),
				...(value !== '' ? { value: value.slice(0, FORM_LIMITS.value) } : {}),
			},
		],
	};
}

/**
 * The "Other options" text as option values: one `name: value` (or `name = value`) a line; an empty value brings back
 * the default; an option without a line keeps its value. A line that names no such option is refused, saying which
 * names the input takes.
 */
function readMore(
	request: RerunRequest,
	more: readonly OptionData[],
	text: string,
	options: Record<string, unknown>,
): void {
	for (const line of text.split(/\r?\n/)) {
		if (line.trim() === '') continue;
		const match = MORE_LINE.exec(line);
		const option = match ? namedOption(request, more, match[1]!) : undefined;
		if (!match || !option)
			throw new UserError(
				t('rerun.error.notAnOption', {
					line: line.trim().slice(0, 60),
					command: commandLabel(request),
					names: more.map((o) => `\`${shown(request, o).name}\``).join(', '),
				}),
				'rerun.more',
			);
		const value = match[2]!.trim();
		if (value === '') delete options[option.name];
		else options[option.name] = choiceValue(option, value);
	}
}

/**
 * The request with the form's values applied: an empty field removes the option (the command's default applies),
 * free text is kept as typed (its spaces are part of the input), other values are trimmed, and a choice may be typed
 * as its value or its name ({@link choiceValue}). Options that were not in the form keep their values; fields that
 * are not editable options are ignored. Values stay text here: `argsFor` checks and converts them as it does for a
 * typed command.
 */
export function applyForm(
	data: CommandData,
	request: RerunRequest,
	fields: Readonly<Record<string, string>>,
): { command: string; subcommand?: string; options: Record<string, unknown> } {
	const options: Record<string, unknown> = { ...request.options };
	for (const option of editableOptions(data, request)) {
		const raw = fields[option.name];
		if (raw === undefined) continue;
		const value = isFreeText(option) ? raw : raw.trim();
		if (value === '') delete options[option.name];
		else options[option.name] = choiceValue(option, value);
	}
	const more = moreOptions(data, request);
	const text = fields[MORE_FIELD];
	if (more.length > 0 && text !== undefined) readMore(request, more, text, options);
	return {
		command: request.command,
		...(request.subcommand === undefined ? {} : { subcommand: request.subcommand }),
		options,
	};
}

/**
 * What the member typed, as a request to open the form with again after an error: the dedicated inputs as typed and
 * the "Other options" lines that could be read, so nothing typed is lost to a mistake in one value.
 */
export function typedRequest(
	data: CommandData,
	request: RerunRequest,
	fields: Readonly<Record<string, string>>,
): RerunRequest {
	const options: Record<string, RerunRequest['options'][string]> = { ...request.options };
	for (const option of editableOptions(data, request)) {
		const raw = fields[option.name];
		if (raw === undefined) continue;
		if (raw.trim() === '') delete options[option.name];
		else options[option.name] = raw;
	}
	const more = moreOptions(data, request);
	for (const line of (fields[MORE_FIELD] ?? '').split(/\r?\n/)) {
		const match = MORE_LINE.exec(line);
		const option = match ? namedOption(request, more, match[1]!) : undefined;
		if (!match || !option) continue;
		if (match[2]!.trim() === '') delete options[option.name];
		else options[option.name] = match[2]!.trim();
	}
	return { ...request, options };
}
