/** Names for mentions: `<@id>`, `<#id>` and `<@&id>` show as `@name`, `#name`, `@role` as in Discord. */
export interface MentionNames {
	user(id: string): string | undefined;
	channel(id: string): string | undefined;
	role(id: string): string | undefined;
}

export interface MarkdownOptions {
	/** Headings, lists, block quotes and code blocks (messages, descriptions, field values); titles have none. */
	blocks: boolean;
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;',
};

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!);
}

const escapeText = (text: string) => escapeHtml(text).replace(/\n/g, '<br>');

type Render = (match: RegExpExecArray, names: MentionNames) => string;

interface Rule {
	re: RegExp;
	render: Render;
	/** Links do not nest: a masked link's text is rendered without them. */
	link?: true;
}

function timestamp(seconds: string, style: string | undefined): string | null {
	const date = new Date(Number(seconds) * 1000);
	if (Number.isNaN(date.getTime())) return null;
	const iso = date.toISOString();
	// The page formats it in the reader's time zone; the text is the fallback without script.
	return `<time class="ts" datetime="${iso}" data-style="${style ?? 'f'}">${escapeHtml(iso.replace('T', ' ').replace(/\.\d+Z$/, ' UTC'))}</time>`;
}

const link = (url: string, inner: string) => `<span class="link" title="${escapeHtml(url)}">${inner}</span>`;

/**
 * Inline rules in Discord's order (after simple-markdown, which Discord's client is built on). Each regex is sticky
 * and runs on the whole text, so `\b` and look-behinds see the characters before the match.
 */
const INLINE: readonly Rule[] = [
	{ re: /\\([^\p{L}\p{N}\s])/uy, render: (m) => escapeHtml(m[1]!) },
	{
		re: /(`+)([\s\S]*?[^`])\1(?!`)/y,
		render: (m) => `<code>${escapeHtml(m[2]!.replace(/^ ([\s\S]*\S[\s\S]*) $/, '$1'))}</code>`,
	},
	{ re: /\|\|([\s\S]+?)\|\|/y, render: (m, n) => `<span class="spoiler">${inline(m[1]!, n)}</span>` },
	{ re: /\*\*([\s\S]+?)\*\*(?!\*)/y, render: (m, n) => `<strong>${inline(m[1]!, n)}</strong>` },
	{ re: /__([\s\S]+?)__(?!_)/y, render: (m, n) => `<u>${inline(m[1]!, n)}</u>` },
	{
		re: /\b_((?:__|\\[\s\S]|[^\\_])+?)_\b|\*(?=\S)((?:\*\*|\\[\s\S]|\s+(?:\\[\s\S]|[^\s*\\]|\*\*)|[^\s*\\])+?)\*(?!\*)/y,
		render: (m, n) => `<em>${inline(m[1] ?? m[2]!, n)}</em>`,
	},
	{ re: /~~([\s\S]+?)~~/y, render: (m, n) => `<s>${inline(m[1]!, n)}</s>` },
	{ re: /<t:(-?\d{1,13})(?::([tTdDfFR]))?>/y, render: (m) => timestamp(m[1]!, m[2]) ?? escapeHtml(m[0]) },
	{
		re: /<@!?(\d{17,20})>/y,
		render: (m, n) => `<span class="mention">@${escapeHtml(n.user(m[1]!) ?? 'Unknown User')}</span>`,
	},
	{
		re: /<@&(\d{17,20})>/y,
		render: (m, n) => `<span class="mention">@${escapeHtml(n.role(m[1]!) ?? 'deleted-role')}</span>`,
	},
	{
		re: /<#(\d{17,20})>/y,
		render: (m, n) => `<span class="mention">#${escapeHtml(n.channel(m[1]!) ?? 'unknown')}</span>`,
	},
	{
		re: /<\/([-_\p{L}\p{N} ]{1,100}):(\d{17,20})>/uy,
		render: (m) => `<span class="mention">/${escapeHtml(m[1]!)}</span>`,
	},
	{ re: /<a?:(\w{2,32}):\d{17,20}>/y, render: (m) => `<span class="emoji">:${escapeHtml(m[1]!)}:</span>` },
	{
		re: /\[((?:\[[^\]]*\]|[^[\]])+)\]\(\s*<?(https?:\/\/[^\s>)]+)>?\s*\)/y,
		render: (m, n) => link(m[2]!, inline(m[1]!, n, false)),
		link: true,
	},
	{ re: /<(https?:\/\/[^\s>]+)>/y, render: (m) => link(m[1]!, escapeHtml(m[1]!)), link: true },
	{ re: /https?:\/\/[^\s<]+[^<.,:;"')\]\s]/y, render: (m) => link(m[0], escapeHtml(m[0])), link: true },
	{ re: /[\s\S]+?(?=[\\`|*_~<[]|https?:\/\/|$)/y, render: (m) => escapeText(m[0]) },
];

/** Renders inline markdown (no blocks) to HTML; every piece of member text is escaped. */
export function inline(text: string, names: MentionNames, links = true): string {
	let out = '';
	let at = 0;
	while (at < text.length) {
		let matched = false;
		for (const { re, render, link } of INLINE) {
			if (link && !links) continue;
			re.lastIndex = at;
			const m = re.exec(text);
			if (!m || m[0].length === 0) continue;
			out += render(m, names);
			at += m[0].length;
			matched = true;
			break;
		}
		// The text rule takes at least one character, except before a special one no rule accepted: take it as text.
		if (!matched) out += escapeText(text[at++]!);
	}
	return out;
}

const CODE_BLOCK = /```(?:([\w+\-.#]+)\n)?\n*([\s\S]*?)\n*```/y;

interface ListItem {
	level: number;
	ordered: boolean;
	start: number;
	html: string;
}

function renderList(items: ListItem[], level = 0): string {
	let out = '';
	let i = 0;
	while (i < items.length) {
		const first = items[i]!;
		const tag = first.ordered ? 'ol' : 'ul';
		out += first.ordered ? `<ol start="${first.start}">` : '<ul>';
		while (
			i < items.length &&
			items[i]!.level >= level &&
			(items[i]!.level > level || items[i]!.ordered === first.ordered)
		) {
			const item = items[i++]!;
			const children: ListItem[] = [];
			while (i < items.length && items[i]!.level > level) children.push(items[i++]!);
			out += `<li>${item.html}${children.length ? renderList(children, level + 1) : ''}</li>`;
		}
		out += `</${tag}>`;
	}
	return out;
}

const LIST_LINE = /^( *)([-*]|\d{1,9}\.) (.*)$/;

function blocks(text: string, names: MentionNames, inQuote: boolean): string {
	const lines = text.split('\n');
	let out = '';
	let paragraph: string[] = [];
	const flush = () => {
		if (paragraph.length) out += `<div class="md-p">${inline(paragraph.join('\n'), names)}</div>`;
		paragraph = [];
	};
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i]!;
		let m: RegExpExecArray | null;
		if (!inQuote && line.startsWith('>>> ')) {
			flush();
			out += `<blockquote>${blocks([line.slice(4), ...lines.slice(i + 1)].join('\n'), names, true)}</blockquote>`;
			return out;
		}
		if (!inQuote && line.startsWith('> ')) {
			flush();
			const quoted: string[] = [];
			while (i < lines.length && lines[i]!.startsWith('> ')) quoted.push(lines[i++]!.slice(2));
			i--;
			out += `<blockquote>${blocks(quoted.join('\n'), names, true)}</blockquote>`;
		} else if ((m = /^(#{1,3}) (.+)$/.exec(line))) {
			flush();
			out += `<h${m[1]!.length}>${inline(m[2]!, names)}</h${m[1]!.length}>`;
		} else if ((m = /^-# (.+)$/.exec(line))) {
			flush();
			out += `<div class="subtext">${inline(m[1]!, names)}</div>`;
		} else if (LIST_LINE.test(line)) {
			flush();
			const items: ListItem[] = [];
			while (i < lines.length && (m = LIST_LINE.exec(lines[i]!))) {
				const marker = m[2]!;
				items.push({
					level: Math.min(2, Math.floor(m[1]!.length / 2)),
					ordered: marker.endsWith('.'),
					start: parseInt(marker, 10) || 1,
					html: inline(m[3]!, names),
				});
				i++;
			}
			i--;
			out += renderList(items);
		} else {
			paragraph.push(line);
		}
	}
	flush();
	return out;
}

/**
 * Renders Discord's markdown to HTML: bold, italic, underline, strikethrough, spoilers, inline code, code blocks,
 * block quotes, headings, lists, `<t:…>` timestamps (as `<time>` for the page to show in local time), mentions as
 * names, masked links and URLs as text (nothing is fetched or followed). All text is escaped, so member text such
 * as `<img onerror=…>` or `@everyone` shows as typed.
 */
export function renderMarkdown(text: string, names: MentionNames, options: MarkdownOptions = { blocks: true }): string {
	if (!options.blocks) return inline(text, names);
	let out = '';
	let rest = '';
	let at = 0;
	while (at < text.length) {
		const next = text.indexOf('```', at);
		if (next < 0) break;
		CODE_BLOCK.lastIndex = next;
		const m = CODE_BLOCK.exec(text);
		if (!m) {
			rest += text.slice(at, next + 3);
			at = next + 3;
			continue;
		}
		rest += text.slice(at, next);
		// The newline before and after a code block belongs to the block, not to an empty line of text.
		if (rest.replace(/\n$/, '')) out += blocks(rest.replace(/\n$/, ''), names, false);
		const lang = m[1] ? ` data-lang="${escapeHtml(m[1])}"` : '';
		out += `<pre><code${lang}>${escapeHtml(m[2]!)}</code></pre>`;
		rest = '';
		at = next + m[0].length;
		if (text[at] === '\n') at++;
	}
	rest += text.slice(at);
	if (rest) out += blocks(rest, names, false);
	return out;
}
