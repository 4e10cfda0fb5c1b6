import { graphemes, hexBytes, visibleWhitespace } from '../../charts/index.js';
import { replaceLoneSurrogates } from '../../models/tokenizers/index.js';

/** ASCII control characters by their standard abbreviations (tab, newline and carriage return get the chart's marks). */
const C0 = [
	'NUL',
	'SOH',
	'STX',
	'ETX',
	'EOT',
	'ENQ',
	'ACK',
	'BEL',
	'BS',
	'HT',
	'LF',
	'VT',
	'FF',
	'CR',
	'SO',
	'SI',
	'DLE',
	'DC1',
	'DC2',
	'DC3',
	'DC4',
	'NAK',
	'SYN',
	'ETB',
	'CAN',
	'EM',
	'SUB',
	'ESC',
	'FS',
	'GS',
	'RS',
	'US',
];

/** Invisible characters the chart toolkit leaves as they are, by name. */
const NAMED: Readonly<Record<string, string>> = {
	'\u007f': 'DEL',
	'\u0085': 'NEL',
	'\u00a0': 'NBSP',
	'\u00ad': 'SHY',
	'\u061c': 'ALM',
	'\u200e': 'LRM',
	'\u200f': 'RLM',
	'\u2028': 'LS',
	'\u2029': 'PS',
	'\u202a': 'LRE',
	'\u202b': 'RLE',
	'\u202c': 'PDF',
	'\u202d': 'LRO',
	'\u202e': 'RLO',
	'\u2066': 'LRI',
	'\u2067': 'RLI',
	'\u2068': 'FSI',
	'\u2069': 'PDI',
};

/** What the chart toolkit marks itself in a token span: its whitespace marks and its zero-width names. */
const TOOLKIT_HANDLES = /[\t\n\r \u200b-\u200d\u2060\ufeff]/u;
/** Controls, format characters (bidi marks, tags) and spaces other than U+0020 draw nothing or move other text. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zs}\p{Zl}\p{Zp}]/gu;
const ZERO_WIDTH: Readonly<Record<string, string>> = {
	'\u200b': 'ZWSP',
	'\u200c': 'ZWNJ',
	'\u200d': 'ZWJ',
	'\u2060': 'WJ',
	'\ufeff': 'BOM',
};
const LINE_MARKS: Readonly<Record<string, string>> = { '\n': '↵', '\t': '→', '\r': '←' };

function nameOf(ch: string): string {
	const code = ch.codePointAt(0)!;
	if (code < 0x20) return `[${C0[code]}]`;
	const named = NAMED[ch] ?? ZERO_WIDTH[ch];
	return named ? `[${named}]` : `[U+${code.toString(16).toUpperCase().padStart(4, '0')}]`;
}

/** `text` with each invisible character replaced by `replace(ch)`, except inside an emoji sequence. */
function replaceInvisible(text: string, replace: (ch: string) => string): string {
	INVISIBLE.lastIndex = 0;
	if (!INVISIBLE.test(text)) return text;
	return graphemes(text)
		.map((g) => (g.length > 1 && /\p{Extended_Pictographic}/u.test(g) ? g : g.replace(INVISIBLE, replace)))
		.join('');
}

/**
 * `text` ready for a token span: each control character, bidi mark, tag, soft hyphen or non-ASCII space becomes a
 * bracketed name (`[NUL]`, `[RLO]`, `[NBSP]`, `[U+E0067]`), because drawn as is it would show nothing or reorder
 * the text around it. Spaces, tabs, newlines and zero-width characters are left for the chart toolkit, which marks
 * them itself (`⋅`, `→`, `↵`, `[ZWJ]`); so are the joiners and tags inside an emoji sequence, where they do their job.
 */
export function chartText(text: string): string {
	return replaceInvisible(text, (ch) => (TOOLKIT_HANDLES.test(ch) ? ch : nameOf(ch)));
}

/**
 * A one-line preview of member text for a chart's subtitle: lone surrogates as U+FFFD, newlines and tabs marked,
 * other invisible characters named (spaces stay spaces, so the sentence still reads), cut to `maxGraphemes` with
 * an ellipsis.
 */
export function previewText(text: string, maxGraphemes = 120): string {
	const marked = replaceInvisible(replaceLoneSurrogates(text), (ch) =>
		ch === ' ' ? ch : (LINE_MARKS[ch] ?? nameOf(ch)),
	);
	const parts = graphemes(marked);
	return parts.length <= maxGraphemes ? parts.join('') : `${parts.slice(0, maxGraphemes).join('')}…`;
}

/**
 * A token as a chart label: spaces as `⋅`, newlines as `↵`, tabs as `→`, other invisible characters by name, so
 * `⋅be` and `be` look different (they are different tokens).
 */
export function tokenLabel(text: string): string {
	return visibleWhitespace(chartText(text));
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * How a token is shown in charts and tables: {@link tokenLabel} of its text, or, when its bytes are only part of a
 * character (a Hangul syllable or an emoji split across tokens decodes to U+FFFD), those bytes in hex (`EC 95`), as
 * /tokenize shows them.
 */
export function displayToken(text: string, bytes: ArrayLike<number> | null): string {
	if (bytes && bytes.length > 0 && text.includes('\uFFFD')) {
		try {
			strictUtf8.decode(Uint8Array.from(bytes));
		} catch {
			return hexBytes(Array.from(bytes));
		}
	}
	return tokenLabel(text);
}

/** A token in running text of a reply: `⋅she` in a code span, backticks replaced so the span cannot break. */
export function tokenCode(text: string): string {
	return `\`${tokenLabel(text).replace(/`/g, 'ˋ')}\``;
}
