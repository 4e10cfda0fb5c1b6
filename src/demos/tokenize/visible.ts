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
