import {
	ApplicationCommandOptionType as T,
	ComponentType,
	TextInputStyle,
	type APIModalInteractionResponseCallbackData,
} from 'discord-api-types/v10';
import type { CommandData, OptionData } from '../../core/options.js';
import type { RerunRequest, RerunValue } from './request.js';

/** Discord's limits for a modal: five text inputs, a 45-character title and label, 100-character placeholder, 4,000-character value. */
export const FORM_LIMITS = { inputs: 5, title: 45, label: 45, placeholder: 100, value: 4000 } as const;

/** Option types a text input can carry; users, channels, roles and attachments keep their values. */
const EDITABLE: ReadonlySet<number> = new Set([T.String, T.Integer, T.Number, T.Boolean]);

/** The options of the command (or of its subcommand), as `argsFor` reads them. */
export function commandOptions(data: CommandData, subcommand: string | undefined): readonly OptionData[] {
	const top = data.options ?? [];
	if (subcommand === undefined) return top.filter((o) => o.type !== T.Subcommand && o.type !== T.SubcommandGroup);
	return top.find((o) => o.type === T.Subcommand && o.name === subcommand)?.options ?? [];
}

const valueText = (value: RerunValue | undefined): string => (value === undefined ? '' : String(value));

/**
 * The options the form lets a member edit, at most five, shown in the command's order. Chosen by: required options,
 * then the ones the command prefers (`request.prefer`, in its order), then the ones the run set, then the others.
 * An option whose current value is longer than a text input holds is left out (it keeps its value), as are options
 * of types a text input cannot carry.
 */
export function editableOptions(data: CommandData, request: RerunRequest): OptionData[] {
	const all = commandOptions(data, request.subcommand);
	const candidates = all.filter(
		(o) => EDITABLE.has(o.type) && valueText(request.options[o.name]).length <= FORM_LIMITS.value,
	);
	const prefer = request.prefer ?? [];
	const rank = (o: OptionData): number => {
		if (o.required) return 0;
		const preferred = prefer.indexOf(o.name);
		if (preferred >= 0) return 1 + preferred / (prefer.length + 1);
		return request.options[o.name] !== undefined ? 2 : 3;
	};
	const chosen = new Set([...candidates].sort((a, b) => rank(a) - rank(b)).slice(0, FORM_LIMITS.inputs));
	return all.filter((o) => chosen.has(o));
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
		return option.type === T.Integer ? 'whole number' : 'number';
	}
	return '';
}

function label(option: OptionData): string {
	const hint = valueHint(option);
	const full = hint ? `${option.name} (${hint})` : option.name;
	return full.length <= FORM_LIMITS.label ? full : option.name.slice(0, FORM_LIMITS.label);
}

const isFreeText = (option: OptionData): boolean => option.type === T.String && !option.choices;

/** `/sample` or `/quiz practice`. */
export function commandLabel(request: Pick<RerunRequest, 'command' | 'subcommand'>): string {
	return `/${request.command}${request.subcommand ? ` ${request.subcommand}` : ''}`;
}

/** The "Run again with…" form: one text input per editable option, filled with the value it ran with. */
export function rerunForm(
	data: CommandData,
	request: RerunRequest,
	customId: string,
): APIModalInteractionResponseCallbackData {
	const title = `Run ${commandLabel(request)} again`;
	return {
		custom_id: customId,
		title: title.length <= FORM_LIMITS.title ? title : 'Run the demo again',
		components: editableOptions(data, request).map((option) => {
			const value = valueText(request.options[option.name]);
			// Discord counts an option's length in code points and a text input's possibly in UTF-16 units: room for the value as it is.
			const max = Math.min(Math.max(option.max_length ?? FORM_LIMITS.value, value.length), FORM_LIMITS.value);
			return {
				type: ComponentType.ActionRow,
				components: [
					{
						type: ComponentType.TextInput,
						custom_id: option.name,
						label: label(option),
						style: isFreeText(option) && max > 100 ? TextInputStyle.Paragraph : TextInputStyle.Short,
						required: option.required ?? false,
						...(isFreeText(option) && option.min_length !== undefined
							? { min_length: Math.min(option.min_length, max) }
							: {}),
						max_length: isFreeText(option) ? max : 100,
						placeholder: option.description.slice(0, FORM_LIMITS.placeholder),
						...(value !== '' ? { value } : {}),
					},
				],
			};
		}),
	};
}

/**
 * The request with the form's values applied: an empty field removes the option (the command's default applies),
 * free text is kept as typed (its spaces are part of the input), other values are trimmed. Options that were not in
 * the form keep their values; fields that are not editable options are ignored. Values stay text here: `argsFor`
 * checks and converts them as it does for a typed command.
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
		else options[option.name] = value;
	}
	return {
		command: request.command,
		...(request.subcommand === undefined ? {} : { subcommand: request.subcommand }),
		options,
	};
}
