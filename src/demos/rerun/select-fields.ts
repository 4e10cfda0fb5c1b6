import { ComponentType, type APILabelComponent } from 'discord-api-types/v10';
import type { OptionData } from '../../core/options.js';
import { t } from '../../i18n/index.js';
import { FORM_LIMITS } from './form-limits.js';
import { shown, valueText, type ShownOption } from './option-text.js';
import type { RerunRequest } from './request.js';

/**
 * The form's select fields: an option with choices, or a boolean as yes and no, as a select menu in a label, and a
 * choice read back from what a member typed. Text inputs are built in form.ts.
 */

/**
 * A choice as a member may type it: its value or its name as the form's label or Discord's menu shows it (`GPT-4`,
 * `gpt-4`, `GPT-4 (cl100k_base)`), in any case; the choice's value, or the text unchanged when nothing matches (the
 * command's own check then lists the choices).
 */
export function choiceValue(option: OptionData, typed: string): string {
	if (!option.choices) return typed;
	const want = typed.trim().toLowerCase();
	const head = (name: string) =>
		name
			.split(/ \(|: /)[0]!
			.trim()
			.toLowerCase();
	const match =
		option.choices.find((c) => String(c.value).toLowerCase() === want) ??
		option.choices.find((c) => c.name.toLowerCase() === want) ??
		option.choices.find((c) => head(c.name) === want);
	return match ? String(match.value) : typed;
}

/**
 * An option's choices as a string select in a label (Discord's modal select menu), the value it ran with selected; a
 * value typed earlier by name (`GPT-4`) selects its choice. Its submission carries the choice's value, or nothing for
 * an optional option left empty (the default).
 */
export function choiceMenu(option: OptionData, request: RerunRequest): APILabelComponent {
	const typed = valueText(request.options[option.name]);
	const text = shown(request, option);
	const choices = option.choices!.map((c) => ({ label: text.choice(c.value), value: String(c.value) }));
	return selectMenu(option, text, choices, typed === '' ? '' : choiceValue(option, typed));
}

/**
 * A boolean option as a select of yes (`true`) and no (`false`), labelled in the member's language, the value it ran
 * with selected (as a boolean, or as typed in an earlier form); its submission is `true`, `false`, or nothing.
 */
export function booleanMenu(option: OptionData, request: RerunRequest): APILabelComponent {
	const choices = [
		{ label: t('rerun.form.yes'), value: 'true' },
		{ label: t('rerun.form.no'), value: 'false' },
	];
	return selectMenu(
		option,
		shown(request, option),
		choices,
		valueText(request.options[option.name]).trim().toLowerCase(),
	);
}

function selectMenu(
	option: OptionData,
	text: ShownOption,
	choices: readonly { label: string; value: string }[],
	current: string,
): APILabelComponent {
	const required = option.required ?? false;
	return {
		type: ComponentType.Label,
		label: text.name.slice(0, FORM_LIMITS.label),
		description: text.description.slice(0, FORM_LIMITS.description),
		component: {
			type: ComponentType.StringSelect,
			custom_id: option.name,
			required,
			min_values: required ? 1 : 0,
			max_values: 1,
			placeholder: required ? t('rerun.form.chooseOne') : t('rerun.form.theDefault'),
			options: choices.slice(0, FORM_LIMITS.choices).map((c) => ({
				label: c.label.slice(0, FORM_LIMITS.choiceText),
				value: c.value.slice(0, FORM_LIMITS.choiceText),
				...(c.value === current ? { default: true } : {}),
			})),
		},
	};
}
