// The input box: sends messages and slash commands, and shows what the server suggests while a member types
// (commands after "/", subcommands, option chips, choices, autocomplete answers). The parsing is the server's
// (src/local/command-line.ts and suggest.ts): this file only shows its answers.

import { el } from './render.js';

/**
 * @param {object} parts
 * @param {HTMLInputElement} parts.input
 * @param {HTMLElement} parts.list the suggestion list
 * @param {HTMLElement} parts.chips
 * @param {HTMLElement} parts.hint
 * @param {(line: string) => Promise<object>} parts.suggest
 * @param {(text: string) => Promise<boolean>} parts.send resolves true when the text was accepted
 */
export function setupComposer({ input, list, chips, hint, suggest, send }) {
	let items = [];
	let selected = -1;
	let sequence = 0;
	let timer = 0;
	let lastSent = '';

	const close = () => {
		items = [];
		selected = -1;
		list.hidden = true;
		list.replaceChildren();
		input.removeAttribute('aria-activedescendant');
	};

	const highlight = (index) => {
		selected = index;
		for (const [i, node] of [...list.children].entries()) node.setAttribute('aria-selected', String(i === index));
		const node = list.children[index];
		if (node) {
			node.scrollIntoView({ block: 'nearest' });
			input.setAttribute('aria-activedescendant', node.id);
		}
	};

	const pick = (item) => {
		input.value = item.line;
		input.focus();
		close();
		refresh();
	};

	const show = (answer) => {
		items = answer.items ?? [];
		selected = -1;
		list.replaceChildren(
			...items.map((item, i) => {
				const node = el('button', 'suggestion');
				node.type = 'button';
				node.id = `suggestion-${i}`;
				node.setAttribute('role', 'option');
				node.setAttribute('aria-selected', 'false');
				node.append(el('span', 'label', item.label), el('span', 'detail', item.detail));
				node.addEventListener('mousedown', (event) => event.preventDefault()); // keep the input focused
				node.addEventListener('click', () => pick(item));
				return node;
			}),
		);
		list.hidden = items.length === 0;
		chips.replaceChildren(
			...(answer.chips ?? []).map((chip) => {
				const node = el('button', `chip${chip.required ? ' required' : ''}${chip.given ? ' given' : ''}`, chip.name);
				node.type = 'button';
				node.title = `${chip.description} (${chip.type}${chip.choices.length ? `: ${chip.choices.join(', ')}` : ''})`;
				node.addEventListener('click', () => {
					if (chip.given) return;
					input.value = `${input.value.replace(/\s*$/, '')} ${chip.name}:`;
					input.focus();
					refresh();
				});
				return node;
			}),
		);
		chips.hidden = chips.childElementCount === 0;
		hint.textContent =
			answer.hint ??
			(answer.command
				? `/${answer.command.name}${answer.command.subcommand ? ` ${answer.command.subcommand}` : ''}: ${answer.command.description}`
				: '');
		hint.hidden = !hint.textContent;
	};

	const refresh = () => {
		clearTimeout(timer);
		const line = input.value;
		if (!line.trimStart().startsWith('/')) {
			close();
			show({});
			return;
		}
		timer = setTimeout(async () => {
			const mine = ++sequence;
			try {
				const answer = await suggest(line);
				// Answers can arrive out of order; only the one for the current text counts.
				if (mine === sequence && input.value === line) show(answer);
			} catch {
				// Suggestions are a convenience; sending still works and reports errors.
			}
		}, 60);
	};

	input.addEventListener('input', refresh);
	input.addEventListener('keydown', async (event) => {
		if (event.key === 'ArrowDown' && items.length) {
			event.preventDefault();
			highlight((selected + 1) % items.length);
		} else if (event.key === 'ArrowUp' && items.length) {
			event.preventDefault();
			highlight((selected - 1 + items.length) % items.length);
		} else if (event.key === 'ArrowUp' && !input.value && lastSent) {
			event.preventDefault();
			input.value = lastSent;
			refresh();
		} else if (event.key === 'Tab' && items.length) {
			event.preventDefault();
			pick(items[Math.max(0, selected)]);
		} else if (event.key === 'Escape') {
			close();
		} else if (event.key === 'Enter' && !event.shiftKey) {
			event.preventDefault();
			// Enter picks a suggestion only after the member moved to it, so "/help" + Enter runs /help.
			if (selected >= 0 && items[selected]) return pick(items[selected]);
			const text = input.value.trim();
			if (!text) return;
			close();
			input.value = '';
			show({});
			lastSent = text;
			if (!(await send(text))) input.value = text; // give the text back when it was refused outright
		}
	});
	input.addEventListener('blur', () => setTimeout(close, 150));
	return { refresh };
}
