// The page's own words in the member's language. The server sends them with /api/bootstrap, from the message
// catalogue (src/i18n/<language>/local.ts, `page`), with the commands' names as Discord shows them in that language.

let messages = {};
let commandLabels = new Map();
let language = 'en';

export function setLanguage(ui, lang, commands) {
	messages = ui ?? {};
	language = lang ?? 'en';
	commandLabels = new Map((commands ?? []).map((c) => [c.name, c.label]));
	document.documentElement.lang = language;
}

/** The page's language as a BCP 47 tag for Intl, or undefined for the browser's own (English pages). */
export const intlLocale = () => (language === 'en' ? undefined : language);

/** The message `key` with its {{placeholders}} filled in (the key itself when the catalogue has no such message). */
export function t(key, values = {}) {
	const text = key.split('.').reduce((node, part) => node?.[part], messages);
	if (typeof text !== 'string') return key;
	return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name) => String(values[name] ?? ''));
}

/** A command's name as the member sees it in the command picker (Discord shows localised names). */
export const commandLabel = (name) => commandLabels.get(name) ?? name;

/** Fills the static page's labels: data-i18n (text), data-i18n-aria-label, data-i18n-title. */
export function applyLabels(root = document) {
	for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
	for (const node of root.querySelectorAll('[data-i18n-aria-label]'))
		node.setAttribute('aria-label', t(node.dataset.i18nAriaLabel));
	for (const node of root.querySelectorAll('[data-i18n-title]')) node.title = t(node.dataset.i18nTitle);
	document.title = t('title');
}
