/**
 * Member text made safe to show back: every character that draws nothing or moves the text around it (controls,
 * bidi overrides and isolates, zero-width joiners, tags, odd spaces) becomes a visible, bracketed name. The one
 * place that knows these names, for replies and charts alike.
 */

/** ASCII control characters by their standard abbreviations. */
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

/** Other invisible characters by their Unicode short names. */
const NAMED: Readonly<Record<string, string>> = {
	'\u007f': 'DEL',
	'\u0085': 'NEL',
	'\u00a0': 'NBSP',
	'\u00ad': 'SHY',
	'\u061c': 'ALM',
	'\u200b': 'ZWSP',
	'\u200c': 'ZWNJ',
	'\u200d': 'ZWJ',
	'\u200e': 'LRM',
	'\u200f': 'RLM',
	'\u2028': 'LS',
	'\u2029': 'PS',
	'\u202a': 'LRE',
	'\u202b': 'RLE',
	'\u202c': 'PDF',
	'\u202d': 'LRO',
	'\u202e': 'RLO',
	'\u2060': 'WJ',
	'\u2066': 'LRI',
	'\u2067': 'RLI',
	'\u2068': 'FSI',
	'\u2069': 'PDI',
	'\ufeff': 'BOM',
};

/** Controls, format characters (bidi marks, joiners, tags) and spaces other than U+0020 draw nothing or move text. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zs}\p{Zl}\p{Zp}]/gu;
const LINE_MARKS: Readonly<Record<string, string>> = { '\n': '↵', '\t': '→', '\r': '←' };

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** The bracketed name of one invisible character: `[RLO]`, `[ZWJ]`, `[NUL]`, `[U+E0067]`. */
export function invisibleName(ch: string): string {
	const code = ch.codePointAt(0)!;
	if (code < 0x20) return `[${C0[code]}]`;
	const named = NAMED[ch];
	return named ? `[${named}]` : `[U+${code.toString(16).toUpperCase().padStart(4, '0')}]`;
}

/**
 * `text` with each invisible character replaced by `replace(ch)`, except inside an emoji sequence (a family's
 * joiners, a flag's tags), where they do their job and cannot reorder anything.
 */
export function replaceInvisible(text: string, replace: (ch: string) => string): string {
	INVISIBLE.lastIndex = 0;
	if (!INVISIBLE.test(text)) return text;
	return Array.from(segmenter.segment(text), ({ segment: g }) =>
		g.length > 1 && /\p{Extended_Pictographic}/u.test(g) ? g : g.replace(INVISIBLE, replace),
	).join('');
}

/** Lone UTF-16 surrogates (half an emoji) as U+FFFD, as every encoder does. */
export function wellFormed(text: string): string {
	return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/**
 * Member text as a reply shows it back, on one line: newlines as `↵`, tabs as `→`, every other invisible or
 * bidirectional control by name (`[RLO]`, `[ZWJ]`, `[NBSP]`), lone surrogates as `�`; spaces stay spaces. Nothing
 * the member typed can then reorder or hide the rest of the reply. Cut to `maxGraphemes` with `…` when given.
 */
export function visibleText(text: string, maxGraphemes = Infinity): string {
	const marked = replaceInvisible(wellFormed(text), (ch) => (ch === ' ' ? ch : (LINE_MARKS[ch] ?? invisibleName(ch))));
	if (!Number.isFinite(maxGraphemes)) return marked;
	const parts = Array.from(segmenter.segment(marked), (s) => s.segment);
	return parts.length <= maxGraphemes ? marked : `${parts.slice(0, maxGraphemes).join('')}…`;
}

/**
 * Member text in an inline code span: {@link visibleText}, cut to `max` graphemes, backticks shown as `ˋ` (a
 * modifier letter that looks alike) so the span cannot be closed early.
 */
export function codeSpan(text: string, max = Infinity): string {
	return `\`${visibleText(text, max).replace(/`/g, 'ˋ')}\``;
}

/** True when `text` holds a character that {@link visibleText} would name: for tests and assertions. */
export function hasInvisible(text: string): boolean {
	return visibleText(text.replace(/\n/g, ' ')) !== text.replace(/\n/g, ' ');
}
