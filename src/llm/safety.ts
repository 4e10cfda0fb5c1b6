import { randomBytes } from 'node:crypto';
import { t, tIn } from '../i18n/index.js';

/**
 * Output checks run on every model reply before a member sees it (except in the deliberately weak /inject
 * levels). Member text is never placed in a system prompt; these checks catch what gets through anyway: the
 * model quoting its instructions, or a guarded secret in any spelling.
 */

/** How many consecutive words of the instructions count as quoting them. */
export const SHINGLE_WORDS = 8;

/** Lowercase words with punctuation and markdown removed (NFKC folds full-width and styled letters). */
export function words(text: string): string[] {
	return text
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.split(' ')
		.filter(Boolean);
}

function shingles(list: readonly string[], n: number): Set<string> {
	const out = new Set<string>();
	for (let i = 0; i + n <= list.length; i++) out.add(list.slice(i, i + n).join(' '));
	return out;
}

/** A random marker put into private instructions; seeing it in a reply proves the instructions leaked. */
export function newCanary(): string {
	return `cnry-${randomBytes(5).toString('hex')}`;
}

/** Letters and digits only, case-folded: "S-e c.R e T" and "secret" compare equal. */
export function squash(text: string): string {
	return text
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Whether `reply` reveals `secret`: as written, with separators between its letters, reversed, or with its
 * letters each starting a line or word (an acrostic). Paraphrases, translations and encodings are not caught:
 * that is the point the /inject levels teach.
 */
export function revealsSecret(reply: string, secret: string): boolean {
	const target = squash(secret);
	if (target.length === 0) return false;
	const flat = squash(reply);
	if (flat.includes(target) || flat.includes([...target].reverse().join(''))) return true;
	const initials = words(reply)
		.map((w) => w[0] ?? '')
		.join('');
	return initials.includes(target);
}

export type LeakVerdict = { ok: true } | { ok: false; reason: 'canary' | 'instructions' | 'secret' };

export interface LeakGuardInput {
	/** The private instructions (not public context such as the curriculum page, which may be quoted freely). */
	instructions: string;
	canary?: string;
	secret?: string;
}

/** Builds the check for one conversation's replies. */
export function leakGuard(input: LeakGuardInput): (reply: string) => LeakVerdict {
	const guarded = shingles(words(input.instructions), SHINGLE_WORDS);
	return (reply) => {
		if (input.canary && reply.includes(input.canary)) return { ok: false, reason: 'canary' };
		if (input.secret && revealsSecret(reply, input.secret)) return { ok: false, reason: 'secret' };
		const replyWords = words(reply);
		for (let i = 0; i + SHINGLE_WORDS <= replyWords.length; i++) {
			if (guarded.has(replyWords.slice(i, i + SHINGLE_WORDS).join(' '))) return { ok: false, reason: 'instructions' };
		}
		return { ok: true };
	};
}

/** What a member sees instead of a reply that failed the check (English here; members read `withheld()`). */
export const WITHHELD = tIn('en', 'tutor.withheld');

/** {@link WITHHELD} in the member's language. */
export const withheld = (): string => t('tutor.withheld');
