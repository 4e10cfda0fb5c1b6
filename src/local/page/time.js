// Times shown in the reader's own time zone and language, as Discord's client shows <t:…> timestamps.

import { intlLocale, t } from './i18n.js';

const formats = {
	t: { hour: 'numeric', minute: '2-digit' },
	T: { hour: 'numeric', minute: '2-digit', second: '2-digit' },
	d: { year: 'numeric', month: '2-digit', day: '2-digit' },
	D: { year: 'numeric', month: 'long', day: 'numeric' },
	f: { year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit' },
	F: { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit' },
};

const UNITS = [
	['year', 365 * 24 * 3600],
	['month', 30 * 24 * 3600],
	['day', 24 * 3600],
	['hour', 3600],
	['minute', 60],
	['second', 1],
];

/** "in 3 days", "2 hours ago". */
export function relative(date, now = Date.now()) {
	const seconds = Math.round((date.getTime() - now) / 1000);
	const rtf = new Intl.RelativeTimeFormat(intlLocale(), { numeric: 'auto' });
	for (const [unit, size] of UNITS) {
		if (Math.abs(seconds) >= size || unit === 'second') return rtf.format(Math.round(seconds / size), unit);
	}
	return '';
}

export function format(date, style) {
	return new Intl.DateTimeFormat(intlLocale(), formats[style] ?? formats.f).format(date);
}

/** Fills a <time class="ts" data-style> element the server rendered from <t:unix:style>. */
export function formatStamp(el) {
	const date = new Date(el.dateTime);
	if (Number.isNaN(date.getTime())) return;
	const style = el.dataset.style ?? 'f';
	el.textContent = style === 'R' ? relative(date) : format(date, style);
	el.title = format(date, 'F');
}

export function refreshStamps(root) {
	for (const el of root.querySelectorAll('time.ts[data-style="R"]')) formatStamp(el);
}

/** A message header's time: "Today at 10:02", "Yesterday at 18:30", or the date. */
export function messageTime(date) {
	const time = format(date, 't');
	const day = new Date(date);
	day.setHours(0, 0, 0, 0);
	const today = new Date();
	today.setHours(0, 0, 0, 0);
	const days = Math.round((today.getTime() - day.getTime()) / 86_400_000);
	if (days === 0) return t('today', { time });
	if (days === 1) return t('yesterday', { time });
	return `${format(date, 'd')} ${time}`;
}
