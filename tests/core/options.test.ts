import { ApplicationCommandOptionType as T } from 'discord-api-types/v10';
import { describe, expectTypeOf, it } from 'vitest';
import { defineCommand, type ArgumentsOf, type UserArg } from '../../src/core/index.js';

describe('ArgumentsOf', () => {
	it('GIVEN flat options THEN required ones are present, optional ones may be undefined, choices are literal', () => {
		const _command = defineCommand({
			data: {
				name: 'demo',
				description: 'demo',
				options: [
					{ type: T.String, name: 'text', description: 't', required: true },
					{
						type: T.String,
						name: 'encoding',
						description: 'e',
						choices: [
							{ name: 'GPT-2', value: 'gpt2' },
							{ name: 'GPT-4o', value: 'gpt-4o' },
						],
					},
					{ type: T.Integer, name: 'count', description: 'c' },
					{ type: T.User, name: 'member', description: 'm' },
				],
			},
			run: () => ({ content: 'x' }),
		});
		type Args = ArgumentsOf<typeof _command.data>;
		expectTypeOf<Args['text']>().toEqualTypeOf<string>();
		expectTypeOf<Args['encoding']>().toEqualTypeOf<'gpt2' | 'gpt-4o' | undefined>();
		expectTypeOf<Args['count']>().toEqualTypeOf<number | undefined>();
		expectTypeOf<Args['member']>().toEqualTypeOf<UserArg | undefined>();
	});

	it('GIVEN subcommands THEN args are a union discriminated by subcommand', () => {
		const _command = defineCommand({
			data: {
				name: 'quiz',
				description: 'q',
				options: [
					{
						type: T.Subcommand,
						name: 'practice',
						description: 'p',
						options: [{ type: T.Integer, name: 'week', description: 'w' }],
					},
					{
						type: T.Subcommand,
						name: 'live',
						description: 'l',
						options: [{ type: T.Integer, name: 'week', description: 'w', required: true }],
					},
				],
			},
			run: ({ args }) => {
				if (args.subcommand === 'live') expectTypeOf(args.week).toEqualTypeOf<number>();
				else expectTypeOf(args.week).toEqualTypeOf<number | undefined>();
				return { content: args.subcommand };
			},
		});
		expectTypeOf<ArgumentsOf<typeof _command.data>['subcommand']>().toEqualTypeOf<'practice' | 'live'>();
	});
});
