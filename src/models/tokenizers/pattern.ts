import { UNICODE_17_LETTERS_MARKS_NUMBERS } from './unicode-tables.js';

/**
 * Translation of tiktoken's pretokenizer patterns (written for Rust's fancy-regex) into a JavaScript regex with
 * the `v` flag, keeping what each one matches:
 *
 * - `\s` / `\S`: Rust's `\s` is the Unicode White_Space property; JavaScript's adds U+FEFF and leaves out U+0085
 *   (NEXT LINE). Both are rewritten to `\p{White_Space}` / `\P{White_Space}`.
 * - `(?i:…)`: Node 20 has no inline modifiers. Each letter of the group becomes a class of its simple case
 *   folds as Rust's regex computes them (Unicode CaseFolding.txt), so `s` becomes `[sSſ]` (U+017F LONG S) and `k`
 *   `[kK\u212A]` (U+212A KELVIN SIGN). Only groups of literals and `|` are supported, which is all tiktoken uses.
 * - `\p{…}`: the Unicode tables differ. tiktoken's regex knows Unicode 16.0; Node 20.20's V8 knows 17.0, whose new
 *   letters, marks and digits tiktoken treats as unassigned. Each `\p{…}` becomes `[\p{…}--[those code points]]`
 *   (set subtraction needs the `v` flag), so the classes are Unicode 16.0's on any Node with Unicode ≥ 16.
 * - Everything else tiktoken uses (`(?!…)`, `{1,3}`, `?`, `+`, `*`) means the same in both engines, and both
 *   engines take the first alternative that matches at a position, so the pieces are the same.
 */
export function translateTiktokenPattern(pattern: string): RegExp {
	const exclude = `[${UNICODE_17_LETTERS_MARKS_NUMBERS.map(([from, to]) => `${cp(from)}-${cp(to)}`).join('')}]`;
	let out = '';
	let inClass = false;
	let i = 0;
	while (i < pattern.length) {
		const ch = pattern[i]!;
		if (!inClass && pattern.startsWith('(?i:', i)) {
			const end = findGroupEnd(pattern, i);
			out += `(?:${caseInsensitive(pattern.slice(i + 4, end))})`;
			i = end + 1;
		} else if (ch === '\\') {
			const escaped = pattern[i + 1];
			if (escaped === undefined) throw new SyntaxError('pattern ends with a backslash');
			i += 2;
			if (escaped === 's') out += '\\p{White_Space}';
			else if (escaped === 'S') out += '\\P{White_Space}';
			else if (escaped === 'p') {
				const close = pattern.indexOf('}', i);
				out += `[\\p${pattern.slice(i, close + 1)}--${exclude}]`;
				i = close + 1;
			} else out += `\\${escaped}`;
		} else {
			if (ch === '[' && !inClass) inClass = true;
			else if (ch === ']' && inClass) inClass = false;
			else if (ch === '[' || (inClass && '(){}/|'.includes(ch))) {
				// Characters the `v` flag reserves inside a class must be escaped there.
				if (ch === '[') throw new SyntaxError('nested classes are not supported');
				out += '\\';
			}
			out += ch;
			i++;
		}
	}
	return new RegExp(out, 'gv');
}

function cp(codePoint: number): string {
	return `\\u{${codePoint.toString(16)}}`;
}

/** Index of the `)` closing the group opened at `open`. */
function findGroupEnd(pattern: string, open: number): number {
	let depth = 0;
	for (let i = open; i < pattern.length; i++) {
		const ch = pattern[i];
		if (ch === '\\') i++;
		else if (ch === '(') depth++;
		else if (ch === ')' && --depth === 0) return i;
	}
	throw new SyntaxError(`unclosed group at ${open}`);
}

/** Letters with case folds beyond their ASCII partner (Unicode CaseFolding.txt, simple folds). */
const EXTRA_FOLDS: Readonly<Record<string, string>> = { s: '\u017F', k: '\u212A' };

function caseInsensitive(body: string): string {
	let out = '';
	for (const ch of body) {
		if (ch === '(' || ch === '[' || ch === '\\') throw new SyntaxError(`(?i:…) with more than literals: ${body}`);
		out += /^[a-z]$/i.test(ch) ? `[${ch.toLowerCase()}${ch.toUpperCase()}${EXTRA_FOLDS[ch.toLowerCase()] ?? ''}]` : ch;
	}
	return out;
}
