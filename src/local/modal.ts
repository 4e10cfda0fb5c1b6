import {
	ComponentType,
	TextInputStyle,
	type APIModalInteractionResponseCallbackData,
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
	| { kind: 'text'; content: string }
	/** A component the local page cannot show yet (file upload, select menus inside modals, …). */
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

/** The modal's items in order: text inputs (in action rows or labels), text displays, and what is unsupported. */
export function modalItems(modal: APIModalInteractionResponseCallbackData): ModalItem[] {
	return modal.components.flatMap((component): ModalItem[] => {
		switch (component.type) {
			case ComponentType.ActionRow:
				return component.components.map((input) => textInput(input, input.label ?? '', null));
			case ComponentType.Label:
				return component.component.type === ComponentType.TextInput
					? [textInput(component.component, component.label, component.description ?? null)]
					: [{ kind: 'unsupported', label: component.label, type: component.component.type }];
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
	const inputs = modalItems(modal).filter((item) => item.kind === 'text-input');
	const known = new Set(inputs.map((i) => i.customId));
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
	return values;
}
