import { describe, expect, it } from 'vitest';
import help from '../../commands/help.js';
import similarity from '../../commands/similarity.js';
import tokenize from '../../commands/tokenize.js';
import attention from '../../commands/attention.js';
import residual from '../../commands/residual.js';
import sample from '../../commands/sample.js';
import ngram from '../../commands/ngram.js';
import ffn from '../../commands/ffn.js';
import type { AnyCommand } from '../../src/core/command.js';
import { isUserError } from '../../src/core/errors.js';
import type { Reply } from '../../src/core/reply.js';
import { codeSpan, visibleText } from '../../src/core/visible-text.js';
import { runForReply } from '../helpers/run-command.js';

/** The example: a right-to-left override and two zero-width joiners, which draw nothing. */
const HOSTILE = '\u202E\u200D\u200D';
/** Every kind the shared function names, around ordinary words so that commands get past their checks. */
const MIXED = 'king \u202Equeen\u2066 man\u200b woman\u00a0 frog\u0000';

/** Characters that reorder or hide text: controls other than newline, format characters, separators, odd spaces. */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u00a0\u2000-\u200a\u3000]/u;

/** Every string a member reads in a reply: content, embeds (title, description, fields, footer, author), labels. */
function textsOf(reply: Reply): string[] {
	const texts: string[] = [reply.content ?? ''];
	for (const e of reply.embeds ?? []) {
		texts.push(e.title ?? '', e.description ?? '', e.footer?.text ?? '', e.author?.name ?? '');
		for (const f of e.fields ?? []) texts.push(f.name, f.value);
	}
	for (const row of reply.components ?? [])
		for (const c of row.components) if ('label' in c && typeof c.label === 'string') texts.push(c.label);
	for (const f of reply.files ?? []) texts.push(f.description ?? '');
	for (const next of reply.followUps ?? []) texts.push(...textsOf(next));
	return texts;
}

/** What a member reads: the reply's texts, or the UserError's message. */
async function readBack(command: AnyCommand, options: Record<string, string>): Promise<string[]> {
	try {
		return textsOf(await runForReply(command, options));
	} catch (error) {
		if (isUserError(error)) return [error.message];
		throw error;
	}
}

/** Outside emoji sequences (which keep their joiners), no character may reorder or hide the rest of the line. */
function unsafeIn(text: string): string | undefined {
	const graphemes = Array.from(new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text), (s) => s.segment);
	return graphemes.find((g) => !/\p{Extended_Pictographic}/u.test(g) && UNSAFE.test(g.replace(/\n/g, '')));
}

describe('visibleText', () => {
	it('GIVEN the issue’s right-to-left override and joiners THEN each shows as a bracketed name', () => {
		expect(visibleText(HOSTILE)).toBe('[RLO][ZWJ][ZWJ]');
		expect(codeSpan(HOSTILE)).toBe('`[RLO][ZWJ][ZWJ]`');
	});

	it('GIVEN newlines, tabs, isolates, odd spaces and a lone surrogate THEN all are visible and spaces stay', () => {
		expect(visibleText('a b\n\tc\u2066d\u00a0e\ud800')).toBe('a b↵→c[LRI]d[NBSP]e\ufffd');
	});

	it('GIVEN an emoji family or flag THEN its joiners and tags are kept, since they draw the emoji', () => {
		expect(visibleText('👩‍👩‍👧 🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}')).toBe(
			'👩‍👩‍👧 🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}',
		);
	});

	it('GIVEN a backtick THEN a code span cannot be closed early', () => {
		expect(codeSpan('a`b')).toBe('`aˋb`');
	});

	it('GIVEN more graphemes than the limit THEN the text is cut with an ellipsis', () => {
		expect(visibleText('abcdef', 3)).toBe('abc…');
	});
});

/** Every command with a free-text option, each such option given hostile text (others left at their defaults). */
const SWEEP: [string, AnyCommand, Record<string, string>][] = [
	['/similarity words (the issue’s example)', similarity, { words: HOSTILE }],
	['/similarity words, mixed', similarity, { words: MIXED }],
	['/similarity words, one unknown', similarity, { words: `king qu\u202Ee\u200Den` }],
	['/similarity words, analogy', similarity, { words: `king - man + wo\u202Eman` }],
	['/similarity words, too long', similarity, { words: `${'a'.repeat(41)}\u202E` }],
	['/similarity mode:map', similarity, { words: 'king frog', mode: 'map' }],
	['/tokenize text', tokenize, { text: MIXED }],
	['/tokenize text, only controls', tokenize, { text: HOSTILE }],
	['/help command', help, { command: HOSTILE }],
	['/attention text', attention, { text: MIXED }],
	['/attention text, view:steps', attention, { text: MIXED, view: 'steps' }],
	['/residual text', residual, { text: MIXED }],
	['/sample prompt', sample, { prompt: MIXED }],
	['/ngram prompt', ngram, { prompt: MIXED }],
	['/ffn text', ffn, { text: MIXED }],
];

describe('every reply that repeats member text', () => {
	it.each(SWEEP)(
		'GIVEN %s THEN no invisible or bidirectional control reaches the reply',
		async (_, command, options) => {
			const texts = await readBack(command, options);
			expect(texts.join('').length).toBeGreaterThan(0);
			for (const text of texts) expect(unsafeIn(text), text).toBeUndefined();
		},
		120_000,
	);

	it('GIVEN the issue’s /similarity example THEN the error names each character inside the backticks', async () => {
		const [message] = await readBack(similarity, { words: HOSTILE });
		expect(message).toContain('`[RLO][ZWJ][ZWJ]`');
	});
});
