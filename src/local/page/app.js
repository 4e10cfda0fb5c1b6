// The local page: a Discord-like channel view over the local server's API (src/local/server.ts).

import { setupComposer } from './composer.js';
import { openModal } from './modal.js';
import { applyGrouping, avatar, el, renderMessage } from './render.js';
import { format, refreshStamps } from './time.js';

const $ = (id) => document.getElementById(id);
const CHANNEL_ICONS = { 0: '#', 2: '🔊', 11: '🧵' };

function loadIdentity() {
	const params = new URLSearchParams(location.search);
	const saved = JSON.parse(localStorage.getItem('local-identity') ?? 'null') ?? {};
	return {
		member: params.get('member') ?? saved.member ?? 'Linus',
		role: params.get('role') ?? saved.role ?? 'member',
		// The member's Discord language (Discord sends it with every interaction as `locale`).
		locale: params.get('locale') ?? saved.locale ?? 'en-US',
	};
}

const state = {
	me: loadIdentity(),
	channels: [],
	channelId: null,
	source: null,
	unread: new Set(),
};

function toast(message) {
	const node = $('toast');
	node.textContent = message;
	node.hidden = false;
	clearTimeout(toast.timer);
	toast.timer = setTimeout(() => (node.hidden = true), 5000);
}

async function api(path, body) {
	const response = await fetch(
		path,
		body === undefined
			? {}
			: {
					method: 'POST',
					headers: { 'Content-Type': 'application/json' },
					body: JSON.stringify({ ...state.me, ...body }),
				},
	);
	const data = await response.json().catch(() => ({}));
	if (!response.ok) throw new Error(data.error ?? `${response.status} ${response.statusText}`);
	return data;
}

const identityQuery = () => new URLSearchParams(state.me).toString();

// Messages

const messages = $('messages');
const nearBottom = () => messages.scrollHeight - messages.scrollTop - messages.clientHeight < 80;
const scrollDown = () => (messages.scrollTop = messages.scrollHeight);

const actions = {
	async click(messageId, customId, values, control) {
		control.classList.add('busy');
		try {
			const answer = await api('/api/click', { messageId, customId, values });
			if (answer.modal) showModal(answer.modal);
		} catch (error) {
			toast(error.message);
		} finally {
			control.classList.remove('busy');
		}
	},
	async dismiss(messageId) {
		await api('/api/dismiss', { messageId }).catch((error) => toast(error.message));
	},
	openChannel: (id) => selectChannel(id),
};

function upsertMessage(view) {
	if (view.channelId !== state.channelId) {
		state.unread.add(view.channelId);
		renderChannels();
		return;
	}
	const stick = nearBottom();
	const node = renderMessage(view, actions);
	const existing = messages.querySelector(`article[data-id="${CSS.escape(view.id)}"]`);
	if (existing) existing.replaceWith(node);
	else {
		messages.querySelector('.empty-channel')?.remove();
		// Ids are snowflakes: a later message has a larger id, so this keeps the channel in order.
		const after = [...messages.querySelectorAll('article.msg')].find((m) => BigInt(m.dataset.id) > BigInt(view.id));
		messages.insertBefore(node, after ?? null);
	}
	applyGrouping(messages);
	const mine = view.author.id === state.meId || view.interaction?.userName === state.me.member;
	if (stick || mine) scrollDown();
	for (const img of node.querySelectorAll('img'))
		img.addEventListener('load', () => stick && scrollDown(), { once: true });
}

function removeMessage({ channelId, id }) {
	if (channelId !== state.channelId) return;
	messages.querySelector(`article[data-id="${CSS.escape(id)}"]`)?.remove();
	applyGrouping(messages);
}

async function loadMessages() {
	const channelId = state.channelId;
	const { messages: list } = await api(`/api/messages?channel=${encodeURIComponent(channelId)}&${identityQuery()}`);
	if (channelId !== state.channelId) return;
	messages.replaceChildren(...list.map((m) => renderMessage(m, actions)));
	if (list.length === 0)
		messages.append(el('div', 'empty-channel', 'No messages yet. Type / to see what the bot can do.'));
	applyGrouping(messages);
	scrollDown();
}

// Channels, events, identity

function renderChannels() {
	const byParent = (parentId) => state.channels.filter((c) => c.parentId === parentId);
	const button = (channel) => {
		const node = el('button', 'channel');
		node.type = 'button';
		node.dataset.id = channel.id;
		node.append(el('span', 'icon', CHANNEL_ICONS[channel.type] ?? '#'), el('span', '', channel.name));
		if (channel.type === 11) node.classList.add('thread');
		if (channel.id === state.channelId) node.classList.add('active');
		if (state.unread.has(channel.id)) node.classList.add('unread');
		if (channel.type === 2) {
			node.disabled = true;
			node.title = 'A voice channel: scheduled events can meet here';
		} else node.addEventListener('click', () => selectChannel(channel.id));
		return node;
	};
	$('channels').replaceChildren(...byParent(null).flatMap((c) => [button(c), ...byParent(c.id).map(button)]));
}

function renderEvents(events) {
	const list = $('events');
	if (!events.length) return list.replaceChildren(el('li', 'empty', 'None yet'));
	list.replaceChildren(
		...events.map((event) => {
			const item = el('li');
			item.append(
				el('div', 'event-name', event.name),
				el('div', 'event-meta', `${format(new Date(event.startsAt), 'F')} · ${event.where}`),
			);
			if (event.description) item.title = event.description;
			return item;
		}),
	);
}

function selectChannel(id) {
	const channel = state.channels.find((c) => c.id === id);
	if (!channel) return;
	state.channelId = id;
	state.unread.delete(id);
	$('channel-name').textContent = channel.name;
	$('channel-topic').textContent =
		channel.topic ??
		(channel.parentId ? `Thread in #${state.channels.find((c) => c.id === channel.parentId)?.name ?? ''}` : '');
	$('input').placeholder = `Message ${channel.type === 11 ? '🧵' : '#'}${channel.name} · type / for commands`;
	$('sidebar').classList.remove('open');
	renderChannels();
	loadMessages().catch((error) => toast(error.message));
}

function connect() {
	state.source?.close();
	const source = new EventSource(`/api/events?${identityQuery()}`);
	state.source = source;
	let opened = false;
	source.addEventListener('open', () => {
		$('status').textContent = '● live';
		$('status').classList.add('live');
		// After a reconnect, reload: events sent while the page was away are not replayed.
		if (opened) loadMessages().catch(() => {});
		opened = true;
	});
	source.addEventListener('error', () => {
		$('status').textContent = '● reconnecting';
		$('status').classList.remove('live');
	});
	source.addEventListener('message', (event) => upsertMessage(JSON.parse(event.data)));
	source.addEventListener('delete', (event) => removeMessage(JSON.parse(event.data)));
	source.addEventListener('channel', (event) => {
		const channel = JSON.parse(event.data);
		if (!state.channels.some((c) => c.id === channel.id)) state.channels.push(channel);
		renderChannels();
	});
	source.addEventListener('channel-delete', (event) => {
		const { id } = JSON.parse(event.data);
		const gone = state.channels.find((c) => c.id === id);
		state.channels = state.channels.filter((c) => c.id !== id);
		// A member reading the deleted thread goes back to its channel, as Discord's client does.
		if (state.channelId === id) selectChannel(gone?.parentId ?? state.channels[0]?.id);
		else renderChannels();
	});
	source.addEventListener('scheduled-event', () => bootstrap(false).catch(() => {}));
}

async function bootstrap(first) {
	const data = await api(`/api/bootstrap?${identityQuery()}`);
	state.meId = data.me.id;
	state.channels = data.channels;
	$('guild-name').textContent = data.guild.name;
	$('member-names').replaceChildren(...data.members.map((m) => Object.assign(el('option'), { value: m.name })));
	$('me-avatar').replaceWith(Object.assign(avatar(data.me.name, false), { id: 'me-avatar' }));
	renderEvents(data.events);
	if (first) {
		renderChannels();
		selectChannel(state.channelId ?? data.channels[0].id);
	}
}

function setupIdentity() {
	$('me-name').value = state.me.member;
	$('me-role').value = state.me.role;
	const apply = () => {
		const member = $('me-name').value.trim();
		if (!member) return;
		state.me = { member, role: $('me-role').value };
		localStorage.setItem('local-identity', JSON.stringify(state.me));
		bootstrap(false)
			.then(() => {
				connect();
				return loadMessages();
			})
			.catch((error) => toast(error.message));
	};
	$('me-name').addEventListener('change', apply);
	$('me-role').addEventListener('change', apply);
	$('identity').addEventListener('submit', (event) => {
		event.preventDefault();
		apply();
	});
}

function showModal(modal) {
	openModal(modal, {
		submit: async (customId, fields) => {
			try {
				await api('/api/modal', { customId, fields });
				return null;
			} catch (error) {
				return error.message;
			}
		},
		dismiss: () => api('/api/modal/dismiss', {}).catch(() => {}),
	});
}

async function main() {
	setupIdentity();
	setupComposer({
		input: $('input'),
		list: $('suggestions'),
		chips: $('chips'),
		hint: $('hint'),
		suggest: (line) => api('/api/suggest', { channelId: state.channelId, line }),
		send: async (text) => {
			try {
				const answer = await api('/api/send', { channelId: state.channelId, text });
				if (answer.modal) showModal(answer.modal);
				return true;
			} catch (error) {
				toast(error.message);
				return false;
			}
		},
	});
	$('menu').addEventListener('click', () => $('sidebar').classList.toggle('open'));
	messages.addEventListener('click', (event) => {
		const spoiler = event.target.closest?.('.spoiler');
		if (spoiler) spoiler.classList.add('revealed');
	});
	setInterval(() => refreshStamps(document), 30_000);
	connect();
	await bootstrap(true);
	$('input').focus();
}

main().catch((error) => toast(`The local page could not start: ${error.message}`));
