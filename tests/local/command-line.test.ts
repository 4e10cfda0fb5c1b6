import { ApplicationCommandOptionType as T } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import type { CommandData } from '../../src/core/options.js';
import { commands } from '../../commands/index.js';
import { freeTextOption, parseCommandLine } from '../../src/local/command-line.js';
import { namesOf, registered } from '../../src/local/localized.js';

const tokenize = {
	name: 'tokenize',
	description: 'Split text into tokens',
	options: [
		{ type: T.String, name: 'text', description: 'Text', required: true },
		{ type: T.String, name: 'encoding', description: 'Encoding', choices: [{ name: 'GPT-4o', value: 'gpt-4o' }] },
		{ type: T.Boolean, name: 'bytes', description: 'Show bytes' },
	],
} satisfies CommandData;
const quiz = {
	name: 'quiz',
	description: 'Quiz',
	options: [
		{
			type: T.Subcommand,
			name: 'practice',
			description: 'Practice',
			options: [{ type: T.Integer, name: 'week', description: 'Week', required: true }],
		},
		{ type: T.Subcommand, name: 'stats', description: 'Stats' },
	],
} satisfies CommandData;
const help = {
	name: 'help',
	description: 'Help',
	options: [{ type: T.String, name: 'command', description: 'Which' }],
} satisfies CommandData;
const similarity = {
	name: 'similarity',
	description: 'Compare words',
	options: [
		{ type: T.String, name: 'a', description: 'First', required: true },
		{ type: T.String, name: 'b', description: 'Second', required: true },
	],
} satisfies CommandData;
const about = { name: 'about', description: 'About' } satisfies CommandData;
const 한글 = {
	name: '검색',
	description: 'Korean names',
	options: [
		{ type: T.String, name: '단어', description: 'Word', required: true },
		{ type: T.Integer, name: '개수', description: 'Count' },
	],
} satisfies CommandData;

const registry: Record<string, CommandData> = { tokenize, quiz, help, similarity, about, 검색: 한글 };
const parse = (line: string) => parseCommandLine(line, (name) => registry[name]);
const options = (line: string) => parse(line).options;

function userError(line: string): UserError {
	try {
		parse(line);
	} catch (error) {
		if (error instanceof UserError) return error;
		throw error;
	}
	throw new Error(`expected a UserError for ${line}`);
}

describe('parseCommandLine', () => {
	it('GIVEN name:value options with spaces THEN each value runs until the next known option', () => {
		expect(parse('/tokenize text:Hello world encoding:gpt-4o')).toEqual({
			name: 'tokenize',
			subcommand: null,
			options: { text: 'Hello world', encoding: 'gpt-4o' },
			last: { name: 'encoding', value: 'gpt-4o', start: 36 },
		});
	});

	it('GIVEN options in any order and extra spaces THEN values are trimmed and order does not matter', () => {
		expect(options('  /tokenize   encoding:gpt-4o    text:  a  b   ')).toEqual({ encoding: 'gpt-4o', text: 'a  b' });
	});

	it('GIVEN a command with no options THEN the result has none', () => {
		expect(parse('/about')).toEqual({ name: 'about', subcommand: null, options: {}, last: null });
	});

	it('GIVEN an upper-case command or option name THEN it matches the lower-case definition', () => {
		expect(parse('/Tokenize Text:Hi ENCODING:gpt-4o')).toMatchObject({
			name: 'tokenize',
			options: { text: 'Hi', encoding: 'gpt-4o' },
		});
	});

	it('GIVEN text without name: and one required string option THEN the whole rest is that option', () => {
		expect(options('/tokenize Hello world')).toEqual({ text: 'Hello world' });
		expect(options('/tokenize Hello world encoding:gpt-4o')).toEqual({ text: 'Hello world', encoding: 'gpt-4o' });
		expect(options('/tokenize see https://example.com/a:b')).toEqual({ text: 'see https://example.com/a:b' });
	});

	it('GIVEN text without name: and only one optional string option THEN it fills that option', () => {
		expect(options('/help tokenize')).toEqual({ command: 'tokenize' });
	});

	it('GIVEN text without name: for a command with two required strings THEN a UserError explains name:value', () => {
		expect(userError('/similarity king queen').message).toMatch(/name:value/);
	});

	it('GIVEN free text and the same option typed by name THEN it is refused as given twice', () => {
		expect(userError('/tokenize Hello text:world').code).toBe('local.duplicate-option');
		expect(userError('/tokenize text:a text:b').message).toBe('`text` is given twice.');
	});

	it('GIVEN a quoted value containing another option name THEN the quotes keep it whole', () => {
		expect(options('/tokenize text:"say encoding:utf-8 please" encoding:gpt-4o')).toEqual({
			text: 'say encoding:utf-8 please',
			encoding: 'gpt-4o',
		});
		expect(options("/tokenize text:'single quotes' bytes:true")).toEqual({ text: 'single quotes', bytes: 'true' });
		expect(options('/tokenize text:“curly quotes”')).toEqual({ text: 'curly quotes' });
	});

	it('GIVEN escaped quotes inside quotes THEN they are unescaped', () => {
		expect(options('/tokenize text:"she said \\"hi\\" \\\\o/"')).toEqual({ text: 'she said "hi" \\o/' });
	});

	it('GIVEN a quote that does not close a value THEN the text is taken as typed', () => {
		expect(options('/tokenize text:"unclosed encoding:gpt-4o')).toEqual({ text: '"unclosed', encoding: 'gpt-4o' });
		expect(options('/tokenize text:"a"b')).toEqual({ text: '"a"b' });
		expect(options("/tokenize text:it's fine")).toEqual({ text: "it's fine" });
	});

	it('GIVEN Korean and emoji (with modifiers and joiners) THEN they pass through unchanged', () => {
		expect(options('/tokenize text:안녕하세요, 세계! 👋🏽 👨‍👩‍👧 encoding:gpt-4o')).toEqual({
			text: '안녕하세요, 세계! 👋🏽 👨‍👩‍👧',
			encoding: 'gpt-4o',
		});
		expect(options('/tokenize 토큰화는 재미있다 🤖')).toEqual({ text: '토큰화는 재미있다 🤖' });
	});

	it('GIVEN Korean command and option names THEN they are recognised', () => {
		expect(parse('/검색 단어:고양이 개수:3')).toMatchObject({ name: '검색', options: { 단어: '고양이', 개수: '3' } });
	});

	it('GIVEN an unknown option name inside a value THEN it is part of the value (only known options split)', () => {
		expect(options('/tokenize text:time 10:30 colour:red encoding:gpt-4o')).toEqual({
			text: 'time 10:30 colour:red',
			encoding: 'gpt-4o',
		});
	});

	it('GIVEN an unknown option first on a command without a free-text option THEN the error names it', () => {
		const error = userError('/similarity c:red');
		expect(error.message).toBe('/similarity has no option `c`.');
		expect(error.code).toBe('args.unknown');
	});

	it('GIVEN an option name with an empty value THEN the value is empty (argsFor then reports it as required)', () => {
		expect(options('/tokenize text: encoding:gpt-4o')).toEqual({ text: '', encoding: 'gpt-4o' });
		expect(options('/tokenize text:')).toEqual({ text: '' });
	});

	it('GIVEN a value that repeats its own option name THEN it is the value, not an empty option', () => {
		expect(options('/tokenize text:text:')).toEqual({ text: 'text:' });
	});

	it('GIVEN a subcommand as the second word THEN its own options are read', () => {
		expect(parse('/quiz practice week:5')).toMatchObject({
			name: 'quiz',
			subcommand: 'practice',
			options: { week: '5' },
		});
		expect(parse('/quiz stats')).toMatchObject({ subcommand: 'stats', options: {} });
	});

	it('GIVEN no or an unknown subcommand THEN it is passed on for the dispatcher to refuse in Discord words', () => {
		expect(parse('/quiz week:5')).toMatchObject({ subcommand: null, options: {} });
		expect(parse('/quiz play week:5')).toMatchObject({ subcommand: 'play', options: {} });
	});

	it('GIVEN an unknown command THEN only its name is returned', () => {
		expect(parse('/nope text:x')).toEqual({ name: 'nope', subcommand: null, options: {}, last: null });
	});

	it('GIVEN text that is not a command THEN a UserError says commands start with /', () => {
		expect(userError('hello').code).toBe('local.not-a-command');
		expect(userError('/').code).toBe('local.no-command');
	});

	it('GIVEN the option being typed at the end THEN last points at its value for suggestions', () => {
		const line = '/tokenize text:Hi encoding:gp';
		const { last } = parse(line);
		expect(last).toEqual({ name: 'encoding', value: 'gp', start: line.indexOf('gp') });
	});
});

describe('freeTextOption', () => {
	it('GIVEN one required string option THEN it is the free-text option', () => {
		expect(freeTextOption(tokenize.options)?.name).toBe('text');
	});
	it('GIVEN two required strings or none at all THEN there is none', () => {
		expect(freeTextOption(similarity.options)).toBeUndefined();
		expect(freeTextOption([])).toBeUndefined();
	});
});

describe('parseCommandLine with localised names (as Discord accepts them)', () => {
	const lookup = (typed: string) => {
		const found = commands.find((c) => namesOf(registered(c.data)).includes(typed));
		return found ? registered(found.data) : undefined;
	};

	it('GIVEN a line typed with Korean command, subcommand and option names THEN it carries the default names', () => {
		const parsed = parseCommandLine('/퀴즈 연습 주차:3 문항-수:4', lookup);
		expect(parsed).toMatchObject({ name: 'quiz', subcommand: 'practice', options: { week: '3', count: '4' } });
	});

	it('GIVEN Korean and English option names mixed, and a Korean name inside a value THEN only option starts split it', () => {
		const parsed = parseCommandLine('/토큰화 텍스트:인코딩:은 값의 일부 encoding:gpt-4o', lookup);
		expect(parsed.name).toBe('tokenize');
		// `인코딩:` right after `텍스트:` does not follow a space: it is text, as `text:text:` is in English.
		expect(parsed.options).toEqual({ text: '인코딩:은 값의 일부', encoding: 'gpt-4o' });
	});
});
