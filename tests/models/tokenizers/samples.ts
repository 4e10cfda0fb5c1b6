import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');

/** Public-domain English prose from the training corpus (assets/corpus) (War and Peace, Maude translation). */
export function englishProse(chars: number): string {
	return readFileSync(path.join(root, 'assets', 'corpus', 'warpeace_clean.txt'), 'utf8').slice(0, chars);
}

/** Korean prose about this study group, written for these tests (tests/models/tokenizers/fixtures/korean.txt). */
export const korean = readFileSync(path.join(here, 'fixtures/korean.txt'), 'utf8');

/** Real code: this repository's own encoder source. */
export const code = readFileSync(path.resolve(root, 'src/models/tokenizers/bpe.ts'), 'utf8');

/** Hand-picked cases where pretokenizers and byte merges differ most, by what they exercise. */
export const cases: Readonly<Record<string, readonly string[]>> = {
	emoji: [
		'👩‍👩‍👧‍👦 family', // ZWJ sequence
		'🏳️‍🌈 🏴‍☠️', // ZWJ with variation selectors
		'🇰🇷🇺🇸🇯🇵 flags', // regional indicator pairs
		'👍🏻👍🏼👍🏽👍🏾👍🏿', // skin tones
		'🧑🏽‍💻 wrote code', // skin tone inside a ZWJ sequence
		'❤️ vs ❤', // variation selector
		'😀😀😀😀😀😀😀😀',
	],
	whitespace: [
		' '.repeat(1000),
		'\t'.repeat(300),
		'\n'.repeat(300),
		' \t\n'.repeat(200) + 'end',
		`${'='.repeat(500)} ${'-'.repeat(300)}`, // long punctuation runs are single pieces too
		`x${'  \n'.repeat(100)}y`,
		`a${' '.repeat(200)}b`,
		'\t\t\tindented\n\n\n\nfour newlines',
		'mixed \t \n \r\n \t\t  \n\n  x',
		'trailing spaces   ',
		'\n',
		'  \n  \n',
		' \u00a0\u3000\u2003 unicode spaces',
		'nel\u0085\u0085next  \u0085x',
		'bom\ufeff  \ufeffx',
		'a  \ufeffb', // JavaScript's \s has U+FEFF, Rust's does not
		'a  \u0085b', // Rust's \s has U+0085, JavaScript's does not
		'\r\r\n\n\r',
	],
	numbers: ['1234567890', '3.14159 2.71828', '1,000,000 and 1_000_000', '٣٤٥ ௫௬ ⅷ', '0x1F 1e-9 -42', '2024-05-13'],
	contractions: [
		"I'm sure you'll see they've gone, she'd said, it's John's.",
		"DON'T SHOUT, I'LL HEAR; WE'RE HERE, YOU'VE GOT IT, HE'D KNOW, IT'S OK",
		"rock 'n' roll, 'tis, o'clock, y'all",
		"it'ſ l'ſ 'K Kelvin",
		// tiktoken's contraction group is (?i:…), so 'ſ (U+017F) is a contraction there: js-tiktoken's spelled-out cases lost it.
		"M'ſ'Sc",
		"we'ſt DON'ſ X'ſ'ſ'S a'ſ'T",
		"'Kelvin I'K A'ſ'K",
		"x'İ x'ı 'ﬅ 'ſt",
		'don’t (curly apostrophe)',
	],
	mixed: [
		'GPT-4o는 한국어를 GPT-2보다 적은 토큰으로 나눕니다.',
		'日本語のテキストと中文文本',
		'Ελληνικά Русский עברית العربية हिन्दी',
		'e\u0301 vs é (combining accent)',
		'<|endoftext|> is just text here',
		'https://example.com/path?q=1&x=2#frag',
		'𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𝕞𝕒𝕥𝕙 𝟙𝟚𝟛',
		'lone \ud800 high and \udc00 low surrogates',
		// Letters new in Unicode 17, unassigned in tiktoken's tables: a contraction after them is split differently.
		"\u{323B0}'s \u{16EA0}'ll x\u{1ACF}'d",
	],
};

/** Characters that sit on the edges of the pretokenizers' classes. */
const tricky = [
	' ',
	'  ',
	'\t',
	'\n',
	'\r',
	'\r\n',
	'\u00a0',
	'\u0085',
	'\ufeff',
	'\u2028',
	'\u3000',
	"'",
	"'s",
	"'S",
	"'ll",
	"'ſ",
	'a',
	'Z',
	'ß',
	'ſ',
	'Dž',
	'ǅ',
	'1',
	'12345',
	'٣',
	'Ⅻ',
	'한',
	'글',
	'뷁',
	'🇰',
	'🇷',
	'👍',
	'🏽',
	'\u200d',
	'\ufe0f',
	'\u0301',
	'.',
	',',
	'!',
	'/',
	'//',
	'<|',
	'|>',
	'€',
	'😀',
	'\ud800',
	'\udfff',
	'x',
];

/** Random member text: mixes of tricky fragments, arbitrary code points, and lone surrogates. */
export const randomText: fc.Arbitrary<string> = fc
	.array(
		fc.oneof(
			{ weight: 4, arbitrary: fc.constantFrom(...tricky) },
			{ weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
			{ weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
			{ weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((u) => String.fromCharCode(u)) },
			{ weight: 1, arbitrary: fc.stringMatching(/^[a-zA-Z]{1,8}$/) },
		),
		{ maxLength: 40 },
	)
	.map((parts) => parts.join(''));
