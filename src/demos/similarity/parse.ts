import { UserError } from '../../core/errors.js';
import { codeSpan } from '../../core/visible-text.js';
import { MAX_SENTENCES } from '../../llm/engines.js';
import { t } from '../../i18n/index.js';

export type SimilarityMode = 'pair' | 'matrix' | 'neighbors' | 'map' | 'analogy';
export type SimilarityEngine = 'local' | 'openai';

/** How many words (or texts) each mode takes, inclusive. */
export const MODE_LIMITS: Readonly<Record<SimilarityMode, readonly [number, number]>> = {
	pair: [2, 2],
	matrix: [2, MAX_SENTENCES],
	neighbors: [1, 3],
	map: [1, 5],
	analogy: [3, 3],
};

/** The longest word the local engine looks up, and the longest text the embedding model gets. */
export const MAX_WORD_LENGTH = 40;
export const MAX_TEXT_LENGTH = 300;

/** What a member asked for, checked: the mode and its words, in order (analogy: a, b, c of "a is to b as c is to ?"). */
export interface SimilarityRequest {
	mode: SimilarityMode;
	words: string[];
}

/**
 * A word or text shown back to the member: in a code span, invisible characters named, without backticks, cut to
 * `max` characters.
 */
export function shown(text: string, max = MAX_WORD_LENGTH): string {
	return codeSpan(text, max);
}

interface Term {
	word: string;
	sign: 1 | -1;
}

/**
 * Reads `king - man + woman` style arithmetic: `+` and `-` as words of their own or in front of a word (`-man`).
 * Returns null when the text has no operator; a `-` inside a word (`e-mail`) is part of the word.
 */
export function parseTerms(parts: readonly string[]): Term[] | null {
	const terms: Term[] = [];
	let sign: 1 | -1 | null = null;
	let operators = false;
	for (const part of parts) {
		if (part === '+' || part === '-') {
			if (sign !== null) throw new UserError(t('similarity.errors.twoOperators'), 'similarity.analogy');
			sign = part === '-' ? -1 : 1;
			operators = true;
			continue;
		}
		const prefixed = /^([+-])(.+)$/u.exec(part);
		if (prefixed) operators = true;
		const own: 1 | -1 = prefixed?.[1] === '-' ? -1 : 1;
		terms.push({ word: prefixed ? prefixed[2]! : part, sign: sign === null ? own : ((sign * own) as 1 | -1) });
		sign = null;
	}
	if (sign !== null) throw new UserError(t('similarity.errors.endsWithOperator'), 'similarity.analogy');
	return operators ? terms : null;
}

/** The words of `king - man + woman` in analogy order: man (subtracted) is to king as woman is to ? */
function analogyFromTerms(terms: readonly Term[]): string[] {
	const plus = terms.filter((t) => t.sign === 1).map((t) => t.word);
	const minus = terms.filter((t) => t.sign === -1).map((t) => t.word);
	if (plus.length !== 2 || minus.length !== 1) {
		throw new UserError(t('similarity.errors.analogyShape'), 'similarity.analogy');
	}
	return [minus[0]!, plus[0]!, plus[1]!];
}

/**
 * Splits the `words` option into items. The local engine takes words separated by spaces or commas; the
 * embedding model also takes sentences, separated by `|` (or by commas when there is no `|`).
 */
export function splitItems(text: string, engine: SimilarityEngine): string[] {
	const separator = engine === 'openai' ? (text.includes('|') ? /\|/ : text.includes(',') ? /,/ : /\s+/) : /[\s,]+/u;
	return text
		.split(separator)
		.map((item) => item.trim())
		.filter((item) => item !== '');
}

function checkCount(mode: SimilarityMode, count: number, engine: SimilarityEngine): void {
	const [min, max] = MODE_LIMITS[mode];
	if (count >= min && count <= max) return;
	const wants =
		min === max
			? t('similarity.errors.exactly', { n: min })
			: count < min
				? t('similarity.errors.atLeast', { n: min })
				: t('similarity.errors.atMost', { n: max });
	const hint =
		mode === 'pair' && count > 2
			? t('similarity.errors.useMatrix')
			: mode === 'matrix' && count < 2 && engine === 'local'
				? t('similarity.errors.useNeighbors')
				: '';
	const message = t(engine === 'openai' ? 'similarity.errors.countTexts' : 'similarity.errors.countWords', {
		mode,
		wants,
		count,
	});
	throw new UserError(`${message}${hint}`, 'similarity.count');
}

/**
 * Reads the member's `words` and `mode` into a request: parses analogy arithmetic, picks the default mode (an
 * expression → analogy, one word → neighbors, two → pair, more → matrix; the embedding model has no neighbours, so
 * one text there is a matrix that asks for more), and enforces each mode's word count.
 */
export function parseRequest(
	text: string,
	mode: SimilarityMode | undefined,
	engine: SimilarityEngine,
): SimilarityRequest {
	const parts = splitItems(text, engine);
	const terms = engine === 'local' ? parseTerms(parts) : null;
	if (terms && mode !== undefined && mode !== 'analogy') {
		throw new UserError(t('similarity.errors.operatorsNeedAnalogy'), 'similarity.analogy');
	}
	const fallback = parts.length === 2 ? 'pair' : parts.length === 1 && engine === 'local' ? 'neighbors' : 'matrix';
	const chosen = mode ?? (terms ? 'analogy' : fallback);
	if (engine === 'openai' && chosen !== 'pair' && chosen !== 'matrix') {
		throw new UserError(t('similarity.errors.engineMode', { mode: chosen }), 'similarity.engine-mode');
	}
	const words = terms ? analogyFromTerms(terms) : parts;
	checkCount(chosen, words.length, engine);
	const max = engine === 'openai' ? MAX_TEXT_LENGTH : MAX_WORD_LENGTH;
	const long = words.find((w) => [...w].length > max);
	if (long) throw new UserError(t('similarity.errors.tooLong', { word: shown(long), max }), 'similarity.too-long');
	return { mode: chosen, words };
}
