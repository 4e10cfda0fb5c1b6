import { ApplicationCommandOptionType as T } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { argsFor } from '../../src/core/args.js';
import type { CommandData } from '../../src/core/options.js';

const sample: CommandData = {
	name: 'sample',
	description: 'Sample',
	options: [
		{ type: T.String, name: 'prompt', description: 'p', required: true, max_length: 10 },
		{ type: T.Number, name: 'temperature', description: 't', min_value: 0, max_value: 2 },
		{ type: T.Integer, name: 'tokens', description: 'n', min_value: 1, max_value: 50 },
		{ type: T.String, name: 'view', description: 'v', choices: [{ name: 'Head', value: 'head' }] },
	],
};
const quiz: CommandData = {
	name: 'quiz',
	description: 'Quiz',
	options: [
		{
			type: T.Subcommand,
			name: 'live',
			description: 'l',
			options: [{ type: T.Integer, name: 'week', description: 'w', required: true }],
		},
	],
};

describe('argsFor', () => {
	it('GIVEN valid options THEN values are typed (numbers from text) and missing optional ones are absent', () => {
		expect(argsFor(sample, { options: { prompt: 'To be', temperature: '0.7', tokens: 5 } })).toEqual({
			prompt: 'To be',
			temperature: 0.7,
			tokens: 5,
		});
	});
	it.each([
		[{ temperature: 1 }, /`prompt` is required/],
		[{ prompt: 'x'.repeat(11) }, /at most 10 characters/],
		[{ prompt: 'x', temperature: 3 }, /at most 2/],
		[{ prompt: 'x', tokens: 1.5 }, /whole number/],
		[{ prompt: 'x', temperature: 'hot' }, /must be a number/],
		[{ prompt: 'x', view: 'grid' }, /one of `head`/],
		[{ prompt: 'x', nope: 1 }, /no option `nope`/],
	])('GIVEN %j THEN a UserError says what is wrong', (options, message) => {
		expect(() => argsFor(sample, { options })).toThrow(message);
	});
	it('GIVEN emoji THEN max_length counts characters as Discord does, not UTF-16 units', () => {
		expect(argsFor(sample, { options: { prompt: '🙂'.repeat(10) } })).toEqual({ prompt: '🙂'.repeat(10) });
		expect(() => argsFor(sample, { options: { prompt: '🙂'.repeat(11) } })).toThrow(/at most 10 characters/);
	});
	it('GIVEN a command with subcommands THEN the subcommand is required and carried in args', () => {
		expect(argsFor(quiz, { subcommand: 'live', options: { week: 5 } })).toEqual({ subcommand: 'live', week: 5 });
		expect(() => argsFor(quiz, { options: {} })).toThrow(/needs a subcommand/);
	});
});
