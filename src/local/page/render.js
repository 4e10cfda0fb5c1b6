// Builds the DOM of messages. Text goes in with textContent; only the server's *Html fields (escaped markdown,
// see src/local/markdown.ts) are set as HTML.

import { format, formatStamp, messageTime } from './time.js';
import { commandLabel, t } from './i18n.js';

const BUTTON_STYLES = { 1: 'primary', 2: 'secondary', 3: 'success', 4: 'danger', 5: 'link', 6: 'link' };
const AVATAR_COLOURS = ['#5865f2', '#3ba55c', '#faa61a', '#eb459e', '#ed4245', '#00a8fc', '#9b59b6'];

export function el(tag, className, text) {
	const node = document.createElement(tag);
	if (className) node.className = className;
	if (text !== undefined && text !== null) node.textContent = text;
	return node;
}

function markup(tag, className, html) {
	const node = el(tag, className);
	node.innerHTML = html; // escaped by the server's markdown renderer
	for (const stamp of node.querySelectorAll('time.ts')) formatStamp(stamp);
	return node;
}

export function avatar(name, bot) {
	const node = el('div', 'avatar', bot ? '🤖' : [...(name || '?')][0].toUpperCase());
	let hash = 0;
	for (const ch of name || '') hash = (hash * 31 + ch.codePointAt(0)) >>> 0;
	node.style.background = bot ? '#5865f2' : AVATAR_COLOURS[hash % AVATAR_COLOURS.length];
	node.setAttribute('aria-hidden', 'true');
	return node;
}

function emojiText(emoji) {
	if (!emoji) return '';
	return emoji.id ? `:${emoji.name ?? 'emoji'}:` : (emoji.name ?? '');
}

function image(src, alt, width, height) {
	const img = el('img');
	img.src = src;
	img.alt = alt;
	img.loading = 'lazy';
	if (width && height) {
		img.width = width;
		img.height = height;
	}
	img.addEventListener('click', () => img.classList.toggle('img-zoom'));
	return img;
}

function renderEmbed(embed) {
	const box = el('div', 'embed');
	if (embed.color) box.style.borderLeftColor = embed.color;
	const main = el('div', 'embed-main');
	if (embed.authorName) main.append(el('div', 'embed-author', embed.authorName));
	if (embed.titleHtml) {
		const title = markup('div', `embed-title${embed.url ? ' has-url' : ''}`, embed.titleHtml);
		if (embed.url) title.title = embed.url;
		main.append(title);
	}
	if (embed.descriptionHtml) main.append(markup('div', 'embed-description md', embed.descriptionHtml));
	if (embed.fields.length) {
		const fields = el('div', 'embed-fields');
		for (const field of embed.fields) {
			const node = el('div', `embed-field${field.inline ? ' inline' : ''}`);
			node.append(
				markup('div', 'embed-field-name md', field.nameHtml),
				markup('div', 'embed-field-value md', field.valueHtml),
			);
			fields.append(node);
		}
		main.append(fields);
	}
	box.append(main);
	if (embed.thumbnail) {
		const thumb = el('div', 'embed-thumbnail');
		thumb.append(image(embed.thumbnail.url, embed.thumbnail.alt));
		box.append(thumb);
	}
	if (embed.image) {
		const figure = el('div', 'embed-image');
		figure.append(image(embed.image.url, embed.image.alt));
		box.append(figure);
	}
	for (const url of embed.externalImages) box.append(el('div', 'embed-external', `🖼 ${t('externalImage', { url })}`));
	const footer = [embed.footerText, embed.timestamp ? format(new Date(embed.timestamp), 'f') : null]
		.filter(Boolean)
		.join(' • ');
	if (footer) box.append(el('div', 'embed-footer', footer));
	return box;
}

function renderAttachment(file) {
	if (file.image) {
		const figure = el('figure', 'attachment-image');
		figure.append(image(file.url, file.description ?? file.name, file.width, file.height));
		if (file.description) figure.append(el('figcaption', '', file.description));
		return figure;
	}
	const box = el('div', 'attachment-file');
	const link = el('a', '', file.name);
	link.href = file.url;
	link.download = file.name;
	box.append(el('span', '', '📄'), link, el('span', 'edited', `${Math.max(1, Math.round(file.size / 1024))} KB`));
	return box;
}

function renderButton(button, message, actions) {
	const style = BUTTON_STYLES[button.style] ?? 'secondary';
	const node = el('button', `btn btn-${style}`);
	node.type = 'button';
	const emoji = emojiText(button.emoji);
	if (emoji) node.append(el('span', 'emoji', emoji));
	if (button.label) node.append(el('span', '', button.label));
	if (button.style === 5) {
		// Links are shown, never followed: the local mode opens nothing outside this page.
		node.title = button.url;
		node.append(el('span', '', '↗'));
		return node;
	}
	node.disabled = Boolean(button.disabled);
	node.dataset.customId = button.custom_id;
	node.addEventListener('click', () => actions.click(message.id, button.custom_id, [], node));
	return node;
}

function renderSelect(menu, message, actions) {
	const wrap = el('div', 'select');
	const toggle = el('button', 'select-toggle');
	toggle.type = 'button';
	toggle.disabled = Boolean(menu.disabled);
	toggle.dataset.customId = menu.custom_id;
	const defaults = (menu.options ?? []).filter((o) => o.default).map((o) => o.label);
	toggle.append(
		el('span', defaults.length ? '' : 'placeholder', defaults.join(', ') || menu.placeholder || t('makeSelection')),
		el('span', '', '▾'),
	);
	wrap.append(toggle);
	if (menu.type !== 3) {
		toggle.disabled = true;
		toggle.title = t('menusUnsupported');
		return wrap;
	}
	const min = menu.min_values ?? 1;
	const max = menu.max_values ?? 1;
	let list = null;
	const close = () => {
		list?.remove();
		list = null;
	};
	toggle.addEventListener('click', () => {
		if (list) return close();
		list = el('div', 'select-menu');
		list.setAttribute('role', 'listbox');
		const chosen = new Set();
		for (const option of menu.options) {
			const item = el('button', 'select-option');
			item.type = 'button';
			item.setAttribute('role', 'option');
			item.setAttribute('aria-selected', 'false');
			item.dataset.value = option.value;
			const text = el('span');
			text.append(el('span', '', `${emojiText(option.emoji)} ${option.label}`.trim()));
			if (option.description) text.append(el('span', 'desc', option.description));
			item.append(text);
			item.addEventListener('click', () => {
				if (max === 1) {
					close();
					actions.click(message.id, menu.custom_id, [option.value], toggle);
					return;
				}
				if (chosen.has(option.value)) chosen.delete(option.value);
				else if (chosen.size < max) chosen.add(option.value);
				item.setAttribute('aria-selected', String(chosen.has(option.value)));
				done.disabled = chosen.size < min;
			});
			list.append(item);
		}
		const done = el('button', 'btn btn-primary select-done', t('done', { count: min === max ? min : `${min}–${max}` }));
		done.type = 'button';
		done.disabled = chosen.size < min;
		done.addEventListener('click', () => {
			close();
			actions.click(message.id, menu.custom_id, [...chosen], toggle);
		});
		if (max > 1) list.append(done);
		wrap.append(list);
	});
	return wrap;
}

function renderComponents(rows, message, actions) {
	const box = el('div', 'components');
	for (const row of rows) {
		const line = el('div', 'component-row');
		for (const component of row.components ?? []) {
			line.append(
				component.type === 2 ? renderButton(component, message, actions) : renderSelect(component, message, actions),
			);
		}
		box.append(line);
	}
	return box;
}

/**
 * One message as Discord shows it. `actions` has click(messageId, customId, values, element), dismiss(messageId)
 * and openChannel(channelId).
 */
export function renderMessage(message, actions) {
	const node = el('article', 'msg');
	node.dataset.id = message.id;
	node.dataset.author = message.author.id;
	node.dataset.time = message.createdAt;
	if (message.ephemeral) node.classList.add('ephemeral');
	if (message.interaction) {
		node.classList.add('has-interaction');
		const line = el('div', 'reply-line');
		line.append(el('span', 'who', message.interaction.userName));
		if (message.interaction.commandName)
			line.append(
				t('usedBefore'),
				el('span', 'cmd', `/${commandLabel(message.interaction.commandName)}`),
				t('usedAfter'),
			);
		else line.append(` ${message.interaction.summary}`);
		node.append(line);
	}
	node.append(avatar(message.author.name, message.author.bot));
	const body = el('div', 'msg-body');
	const header = el('div', 'msg-header');
	header.append(el('span', 'author', message.author.name));
	if (message.author.bot) header.append(el('span', 'bot-tag', 'APP'));
	const time = el('time', 'msg-time', messageTime(new Date(message.createdAt)));
	time.dateTime = message.createdAt;
	time.title = format(new Date(message.createdAt), 'F');
	header.append(time);
	body.append(header);
	if (message.thinking) body.append(el('div', 'thinking', t('thinking', { name: message.author.name })));
	if (message.html) {
		const content = markup('div', 'content md', message.html);
		if (message.editedAt) content.append(' ', el('span', 'edited', t('edited')));
		body.append(content);
	}
	for (const embed of message.embeds) body.append(renderEmbed(embed));
	if (message.attachments.length) {
		const files = el('div', 'attachments');
		for (const file of message.attachments) files.append(renderAttachment(file));
		body.append(files);
	}
	if (message.components.length) body.append(renderComponents(message.components, message, actions));
	if (message.thread) {
		const link = el('button', 'thread-link');
		link.type = 'button';
		link.append(el('span', '', '🧵'), el('strong', '', message.thread.name), el('span', 'edited', t('openThread')));
		link.addEventListener('click', () => actions.openChannel(message.thread.id));
		body.append(link);
	}
	if (message.ephemeral) {
		const note = el('div', 'ephemeral-note');
		const dismiss = el('button', '', t('dismiss'));
		dismiss.type = 'button';
		dismiss.addEventListener('click', () => actions.dismiss(message.id));
		note.append(t('onlyYou'), dismiss);
		body.append(note);
	}
	node.append(body);
	return node;
}

/** Discord shows consecutive messages of one author within 7 minutes under one header. */
export function applyGrouping(container) {
	let previous = null;
	for (const node of container.querySelectorAll('article.msg')) {
		const grouped =
			previous !== null &&
			!node.classList.contains('has-interaction') &&
			previous.dataset.author === node.dataset.author &&
			new Date(node.dataset.time).getTime() - new Date(previous.dataset.time).getTime() < 7 * 60_000;
		node.classList.toggle('grouped', grouped);
		previous = node;
	}
}
