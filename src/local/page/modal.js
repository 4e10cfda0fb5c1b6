// A modal opened by a command or a component: text inputs as Discord shows them, submitted as a modal interaction.

import { t } from './i18n.js';
import { el } from './render.js';

const dialog = () => document.getElementById('modal');

function textInput(item) {
	const input = el(item.paragraph ? 'textarea' : 'input');
	input.name = item.customId;
	input.value = item.value;
	input.required = item.required;
	if (item.minLength !== null) input.minLength = item.minLength;
	if (item.maxLength !== null) input.maxLength = item.maxLength;
	if (item.placeholder) input.placeholder = item.placeholder;
	return input;
}

/** A select menu in a modal: one choice; an optional one starts with an empty entry (the placeholder, or "—"). */
function selectMenu(item) {
	const input = el('select');
	input.name = item.customId;
	input.required = item.required;
	const none = el('option', '', item.placeholder ?? '—');
	none.value = '';
	if (item.required) none.disabled = true;
	input.append(none);
	for (const choice of item.options) {
		const option = el('option', '', choice.description ? `${choice.label} · ${choice.description}` : choice.label);
		option.value = choice.value;
		option.selected = choice.selected;
		input.append(option);
	}
	if (!item.options.some((o) => o.selected)) none.selected = true;
	return input;
}

/**
 * Shows a modal and calls `submit(customId, fields)` on Submit (it resolves to an error message or null) or
 * `dismiss()` on Cancel.
 */
export function openModal(modal, { submit, dismiss }) {
	const box = dialog();
	const form = document.getElementById('modal-form');
	const body = document.getElementById('modal-body');
	const error = document.getElementById('modal-error');
	document.getElementById('modal-title').textContent = modal.title;
	error.hidden = true;
	body.replaceChildren();
	const inputs = [];
	for (const item of modal.items) {
		if (item.kind === 'text') {
			const text = el('div', 'md');
			text.innerHTML = item.html; // escaped by the server's markdown renderer
			body.append(text);
			continue;
		}
		if (item.kind === 'unsupported') {
			body.append(el('p', 'field-desc', t('unsupportedInput', { label: item.label, type: item.type })));
			continue;
		}
		const label = el('label');
		const caption = el('span', '', item.label);
		if (item.required) caption.append(el('span', 'required-mark', ' *'));
		label.append(caption);
		if (item.description) label.append(el('span', 'field-desc', item.description));
		const input = item.kind === 'select' ? selectMenu(item) : textInput(item);
		label.append(input);
		body.append(label);
		inputs.push(input);
	}
	const finish = () => {
		form.onsubmit = null;
		document.getElementById('modal-cancel').onclick = null;
		box.oncancel = null;
		box.close();
	};
	form.onsubmit = async (event) => {
		event.preventDefault();
		const invalid = inputs.find((input) => !input.checkValidity());
		if (invalid) {
			error.textContent = invalid.validationMessage;
			error.hidden = false;
			invalid.focus();
			return;
		}
		const fields = Object.fromEntries(inputs.map((input) => [input.name, input.value]));
		const problem = await submit(modal.customId, fields);
		if (problem) {
			error.textContent = problem;
			error.hidden = false;
			return;
		}
		finish();
	};
	const cancel = () => {
		finish();
		dismiss();
	};
	document.getElementById('modal-cancel').onclick = cancel;
	box.oncancel = (event) => {
		event.preventDefault();
		cancel();
	};
	box.showModal();
	inputs[0]?.focus();
}
