import {
	ComponentType,
	TextInputStyle,
	type APIModalInteractionResponseCallbackData,
	type APIStringSelectComponent,
	type APITextInputComponent,
	RESTJSONErrorCodes,
} from 'discord-api-types/v10';
import { LocalApiError } from './message.js';

/** One thing a modal shows, as the page draws it. */
export type ModalItem =
	| {
			kind: 'text-input';
			customId: string;
			label: string;
			description: string | null;
			paragraph: boolean;
			required: boolean;
			minLength: number | null;
			maxLength: number | null;
			placeholder: string | null;
			value: string;
	  }
	/** A string select in a label: one choice (Discord's client allows no other value), pre-selected where the bot says. */
	| {
			kind: 'select';
			customId: string;
			label: string;
			description: string | null;
			required: boolean;
			placeholder: string | null;
			options: { label: string; value: string; description: string | null; selected: boolean }[];
	  }
	| { kind: 'text'; content: string }
	/** A component the local page cannot show yet (file upload, user or channel selects inside modals, …). */
	| { kind: 'unsupported'; label: string; type: number };

function textInput(input: APITextInputComponent, label: string, description: string | null): ModalItem {
	return {
		kind: 'text-input',
		customId: input.custom_id,
		label,
		description,
		paragraph: input.style === TextInputStyle.Paragraph,
		// Discord's default: a text input is required unless it says otherwise.
		required: input.required ?? true,
		minLength: input.min_length ?? null,
		maxLength: input.max_length ?? null,
		placeholder: input.placeholder ?? null,
		value: input.value ?? '',
	};
}

function select(menu: APIStringSelectComponent, label: string, description: string | null): ModalItem {
	return {
		kind: 'select',
		customId: menu.custom_id,
		label,
		description,
		// Discord's default: required, unless it says otherwise or allows no choice (min_values 0).
		required: (menu.required ?? true) && (menu.min_values ?? 1) > 0,
		placeholder: menu.placeholder ?? null,
		options: menu.options.map((o) => ({
			label: o.label,
			value: o.value,
			description: o.description ?? null,
			selected: o.default ?? false,
		})),
	};
}

/** The modal's items in order: text inputs (in action rows or labels), text displays, and what is unsupported. */
export function modalItems(modal: APIModalInteractionResponseCallbackData): ModalItem[] {
	return modal.components.flatMap((component): ModalItem[] => {
		switch (component.type) {
			case ComponentType.ActionRow:
				return component.components.map((input) => textInput(input, input.label ?? '', null));
			case ComponentType.Label:
				if (component.component.type === ComponentType.TextInput)
					return [textInput(component.component, component.label, component.description ?? null)];
				if (component.component.type === ComponentType.StringSelect)
					return [select(component.component, component.label, component.description ?? null)];
				return [{ kind: 'unsupported', label: component.label, type: component.component.type }];
			case ComponentType.TextDisplay:
				return [{ kind: 'text', content: component.content }];
			default:
				return [];
		}
	});
}

/**
 * The values a modal submission carries, checked as Discord's client checks them before sending (required inputs
 * filled, lengths within min and max). Every text input is present, empty ones as `''`, as in Discord.
 */
export function checkModalFields(
	modal: APIModalInteractionResponseCallbackData,
	fields: Readonly<Record<string, string>>,
): Record<string, string> {
	const items = modalItems(modal);
	const inputs = items.filter((item) => item.kind === 'text-input');
	const selects = items.filter((item) => item.kind === 'select');
	const known = new Set([...inputs, ...selects].map((i) => i.customId));
	for (const id of Object.keys(fields))
		if (!known.has(id))
			throw new LocalApiError(
				RESTJSONErrorCodes.InvalidFormBodyOrContentType,
				`Invalid Form Body: the modal has no input ${id}`,
			);
	const values: Record<string, string> = {};
	for (const input of inputs) {
		const value = fields[input.customId] ?? '';
		if (typeof value !== 'string')
			throw new LocalApiError(
				RESTJSONErrorCodes.InvalidFormBodyOrContentType,
				`Invalid Form Body: ${input.customId} must be text`,
			);
		if (input.required && value.length === 0)
			throw new LocalApiError(
				RESTJSONErrorCodes.InvalidFormBodyOrContentType,
				`Invalid Form Body: ${input.label || input.customId} is required`,
			);
		if (value.length > 0 && input.minLength !== null && value.length < input.minLength)
			throw new LocalApiError(
				RESTJSONErrorCodes.InvalidFormBodyOrContentType,
				`Invalid Form Body: ${input.label || input.customId} needs at least ${input.minLength} characters`,
			);
		if (input.maxLength !== null && value.length > input.maxLength)
			throw new LocalApiError(
				RESTJSONErrorCodes.InvalidFormBodyOrContentType,
				`Invalid Form Body: ${input.label || input.customId} allows at most ${input.maxLength} characters`,
			);
		values[input.customId] = value;
	}
	// A select's value is one of its options or '' (no choice), as the handlers read it in Discord too.
	for (const menu of selects) {
		const value = fields[menu.customId] ?? '';
		if (typeof value !== 'string' || (value !== '' && !menu.options.some((o) => o.value === value)))
			throw new LocalApiError(
				RESTJSONErrorCodes.InvalidFormBodyOrContentType,
				`Invalid Form Body: ${menu.label} has no choice ${String(value).slice(0, 40)}`,
			);
		if (menu.required && value === '')
			throw new LocalApiError(
				RESTJSONErrorCodes.InvalidFormBodyOrContentType,
				`Invalid Form Body: ${menu.label} is required`,
			);
		values[menu.customId] = value;
	}
	return values;
}
