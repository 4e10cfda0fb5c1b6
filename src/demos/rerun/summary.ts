import { visibleText } from '../../core/visible-text.js';
import { formatNumber, t } from '../../i18n/index.js';
import { commandLabel } from './form.js';
import type { RerunRequest } from './request.js';

/** Longest value quoted in the summary line; longer ones are only said to have changed. */
const QUOTE_MAX = 40;

/**
 * Member or corpus text in Discord markdown, on one line, with the characters that would start markup escaped:
 * emphasis, code, spoilers, quotes, headings, links, and `<` (mentions and timestamps are written `<@…>`, `<t:…>`).
 */
export function escapeMarkdown(text: string): string {
	return visibleText(text.replace(/[\r\n]+/g, ' ')).replace(/[\\*_~`|>#[\]<]/g, (ch) => `\\${ch}`);
}

/** Inline code that survives backticks in the text (a doubled delimiter with spaces), on one line. */
export function code(text: string): string {
	const line = visibleText(text.replace(/[\r\n]+/g, ' '));
	if (!line.includes('`')) return `\`${line}\``;
	// Two backticks in a row would end a doubled delimiter: show them as a modifier letter that looks alike.
	return `\`\` ${line.replace(/``+/g, (run) => 'ˋ'.repeat(run.length))} \`\``;
}

/** An option's value as text: strings as they are, numbers and booleans as written, anything else as JSON. */
function asText(value: unknown): string {
	return typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined');
}

function quoted(value: unknown): string {
	const text = asText(value);
	const length = [...text].length;
	return length <= QUOTE_MAX ? code(text) : t('rerun.summary.characters', { count: length, n: formatNumber(length) });
}

/**
 * The line a re-run starts with, so the room sees what changed: `🔁 **Ada** ran /sample again: temperature 0.8 → 1.5`.
 * Values compare as text (a form's `1.50` is the same as `1.5` only once the command read it, so both are shown).
 */
export function changeLine(who: string, before: RerunRequest, after: Readonly<Record<string, unknown>>): string {
	const names = [...new Set([...Object.keys(before.options), ...Object.keys(after)])];
	const changes = names.flatMap((name) => {
		const old = before.options[name];
		const now = after[name];
		if (old !== undefined && now !== undefined && asText(old) === asText(now)) return [];
		if (old === undefined) return [t('rerun.summary.set', { name: code(name), value: quoted(now) })];
		if (now === undefined) return [t('rerun.summary.back', { name: code(name) })];
		const long = [...asText(old)].length > QUOTE_MAX || [...asText(now)].length > QUOTE_MAX;
		return [
			long
				? t('rerun.summary.changed', { name: code(name), value: quoted(now) })
				: `${code(name)} ${quoted(old)} → ${quoted(now)}`,
		];
	});
	const values = { who: escapeMarkdown(who), command: code(commandLabel(before)) };
	return changes.length === 0
		? t('rerun.summary.ranSame', values)
		: t('rerun.summary.ran', { ...values, changes: changes.join(', ') });
}
