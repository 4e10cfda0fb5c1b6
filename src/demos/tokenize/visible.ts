import { hexBytes, visibleWhitespace } from '../../charts/index.js';
import { invisibleName, replaceInvisible, visibleText } from '../../core/visible-text.js';

/** What the chart toolkit marks itself in a token span: its whitespace marks and its zero-width names. */
const TOOLKIT_HANDLES = /[\t\n\r \u200b-\u200d\u2060\ufeff]/u;

/**
 * `text` ready for a token span: each control character, bidi mark, tag, soft hyphen or non-ASCII space becomes a
 * bracketed name (`[NUL]`, `[RLO]`, `[NBSP]`, `[U+E0067]`), because drawn as is it would show nothing or reorder
 * the text around it. Spaces, tabs, newlines and zero-width characters are left for the chart toolkit, which marks
 * them itself (`⋅`, `→`, `↵`, `[ZWJ]`); so are the joiners and tags inside an emoji sequence, where they do their job.
 */
export function chartText(text: string): string {
	return replaceInvisible(text, (ch) => (TOOLKIT_HANDLES.test(ch) ? ch : invisibleName(ch)));
}

/**
 * A one-line preview of member text for a chart's subtitle: lone surrogates as U+FFFD, newlines and tabs marked,
 * other invisible characters named (spaces stay spaces, so the sentence still reads), cut to `maxGraphemes` with
 * an ellipsis. The same as a reply shows it ({@link visibleText}).
 */
export function previewText(text: string, maxGraphemes = 120): string {
	return visibleText(text, maxGraphemes);
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
