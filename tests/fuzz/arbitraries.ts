import { ApplicationCommandOptionType as T } from 'discord-api-types/v10';
import fc from 'fast-check';
import type { AnyCommand } from '../../src/core/command.js';
import type { OptionData } from '../../src/core/options.js';

/** Ids of members and roles a hostile text may mention (the guild's, and made-up ones). */
export const MENTION_IDS = ['100000000000000001', '100000000000000002', '200000000000000001', '999999999999999999'];

/**
 * Text a member may type, weighted toward what breaks bots: nothing, blanks, control characters, bidi overrides,
 * zero-width joiners, lone surrogates, thousands of emoji, markdown and mention injection, and plain random Unicode.
 * `max` is the option's max_length when it has one (Discord enforces it; the local mode relies on the bot).
 */
export function hostileText(max = 6000): fc.Arbitrary<string> {
	const mention = fc.constantFrom(
		'@everyone',
		'@here',
		...MENTION_IDS.flatMap((id) => [`<@${id}>`, `<@!${id}>`, `<@&${id}>`, `<#${id}>`]),
	);
	const piece = fc.oneof(
		fc.string({ maxLength: 40 }),
		fc.string({ unit: 'grapheme', maxLength: 20 }),
		fc.string({ unit: 'binary', maxLength: 20 }),
		fc.constantFrom(
			'\u202e',
			'\u202d',
			'\u200f',
			'\u200e',
			'\u2066',
			'\u200d',
			'\u200b',
			'\ufeff',
			'\u0000',
			'\u0007',
			'\u001b[31m',
			'\r\n',
			'\t',
		),
		fc.constantFrom('\ud800', '\udfff', '\ud83d', 'a\udc00b'),
		fc.constantFrom('**', '__', '~~', '||', '`', '```', '> ', '# ', '-# ', '[link](https://example.com)', '\\'),
		mention,
		fc.constantFrom('king', 'queen', 'man', 'woman', 'the cat sat', '안녕하세요', 'こんにちは', '👩‍👩‍👧‍👦', '🏳️‍🌈', 'e\u0301'),
	);
	const built = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));
	const extremes = fc.constantFrom(
		'',
		' ',
		'   \n\t ',
		'😀'.repeat(10_000),
		'a'.repeat(max),
		'a'.repeat(max + 1),
		'x'.repeat(4001),
		'\u202e'.repeat(500),
		'\u200d'.repeat(2000),
		'@everyone '.repeat(300),
	);
	return fc.oneof(
		{ weight: 6, arbitrary: built },
		{ weight: 2, arbitrary: extremes },
		{ weight: 1, arbitrary: mention },
	);
}

/** Numbers at and past an option's limits, and some wild ones. */
function hostileNumber(option: OptionData): fc.Arbitrary<number> {
	const min = option.min_value ?? -1e6;
	const max = option.max_value ?? 1e6;
	const edges = fc.constantFrom(min, max, min - 1, max + 1, 0, -1, 2 ** 31, -(2 ** 53), 2 ** 53, 1e308);
	const inside =
		option.type === T.Integer
			? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
			: fc.double({ min, max, noNaN: true });
	const fraction = fc.double({ min: min - 2, max: max + 2, noNaN: true, noDefaultInfinity: true });
	return fc.oneof(
		{ weight: 3, arbitrary: inside },
		{ weight: 2, arbitrary: edges },
		{ weight: 1, arbitrary: fraction },
	);
}

/** The value of one option. `discordValid` keeps to what Discord's client lets through (limits, choices). */
export function optionValue(option: OptionData, discordValid: boolean): fc.Arbitrary<unknown> {
	if (option.choices && option.choices.length > 0) {
		const choice = fc.constantFrom(...option.choices.map((c) => c.value));
		return discordValid
			? choice
			: fc.oneof({ weight: 5, arbitrary: choice }, { weight: 1, arbitrary: hostileText(100) });
	}
	switch (option.type) {
		case T.String: {
			const text = hostileText(option.max_length);
			if (!discordValid) return text;
			// Discord counts code points and refuses an empty required string.
			return text.filter((s) => {
				const length = [...s].length;
				return (
					length >= Math.max(1, option.min_length ?? 0) && length <= (option.max_length ?? 6000) && s.trim() !== ''
				);
			});
		}
		case T.Integer:
		case T.Number: {
			const n = hostileNumber(option);
			if (!discordValid) return n;
			return n.filter(
				(v) =>
					(option.type !== T.Integer || Number.isInteger(v)) &&
					(option.min_value === undefined || v >= option.min_value) &&
					(option.max_value === undefined || v <= option.max_value) &&
					Math.abs(v) < 2 ** 53,
			);
		}
		case T.Boolean:
			return fc.boolean();
		case T.User:
			return fc.record({ id: fc.constantFrom(...MENTION_IDS.slice(0, 2)), name: hostileText(64), bot: fc.boolean() });
		case T.Channel:
			return fc.record({
				id: fc.constant('300000000000000001'),
				name: fc.option(hostileText(100), { nil: null }),
				type: fc.constantFrom(0, 2, 5),
			});
		case T.Role:
			return fc.record({ id: fc.constant('400000000000000001'), name: hostileText(100) });
		case T.Mentionable:
			return fc.constantFrom(...MENTION_IDS);
		case T.Attachment:
			return fc.record({
				id: fc.constant('500000000000000001'),
				name: hostileText(100),
				url: fc.constant('https://cdn.example/a.txt'),
				size: fc.nat(),
				contentType: fc.constant(null),
			});
		default:
			return fc.constant(undefined);
	}
}

export interface Invocation {
	command: string;
	subcommand: string | null;
	options: Record<string, unknown>;
}

function optionsArbitrary(
	options: readonly OptionData[],
	discordValid: boolean,
): fc.Arbitrary<Record<string, unknown>> {
	const entries = options.map((option) => {
		const value = optionValue(option, discordValid);
		// Required options are always sent by Discord; the local mode may leave one out.
		const present = option.required && discordValid ? value : fc.option(value, { nil: undefined, freq: 2 });
		return [option.name, present] as const;
	});
	return fc
		.record(Object.fromEntries(entries))
		.map((record) => Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)));
}

/** An invocation of `command`: a subcommand (if it has them) and option values from its definition. */
export function invocationOf(command: AnyCommand, discordValid: boolean): fc.Arbitrary<Invocation> {
	const top: readonly OptionData[] = command.data.options ?? [];
	const subs = top.filter((o) => o.type === T.Subcommand);
	if (subs.length === 0)
		return optionsArbitrary(top, discordValid).map((options) => ({
			command: command.data.name,
			subcommand: null,
			options,
		}));
	return fc.oneof(
		...subs.map((sub) =>
			optionsArbitrary(sub.options ?? [], discordValid).map((options) => ({
				command: command.data.name,
				subcommand: sub.name,
				options,
			})),
		),
	);
}

/** Any command of the registry, invoked with generated options. */
export function anyInvocation(commands: readonly AnyCommand[], discordValid: boolean): fc.Arbitrary<Invocation> {
	return fc.oneof(...commands.map((c) => invocationOf(c, discordValid)));
}

/** A click on one of a command's buttons or menus, or a form it opened, with hostile ids and values. */
export interface ComponentInvocation {
	kind: 'component' | 'modal';
	customId: string;
	values: string[];
	fields: Record<string, string>;
}

/** Custom ids routed to the registry's real handlers, with arguments that may be anything. */
export function anyComponent(commands: readonly AnyCommand[]): fc.Arbitrary<ComponentInvocation> {
	const targets = commands.flatMap((c) => [
		...Object.keys(c.components ?? {}).map((h) => ({ kind: 'component' as const, prefix: `${c.data.name}:${h}` })),
		...Object.keys(c.modals ?? {}).map((h) => ({ kind: 'modal' as const, prefix: `${c.data.name}:${h}` })),
	]);
	const arg = fc.oneof(
		fc.constantFrom('0', '1', '-1', '99999999999', 'NaN', '', 'abc', '1e9', '3.5'),
		fc.string({ maxLength: 12 }).filter((s) => !s.includes(':')),
	);
	return fc
		.record({
			target: fc.constantFrom(...targets),
			args: fc.array(arg, { maxLength: 5 }),
			values: fc.array(hostileText(100), { maxLength: 3 }),
			text: hostileText(4000),
		})
		.map(({ target, args, values, text }) => ({
			kind: target.kind,
			customId: [target.prefix, ...args].join(':').slice(0, 100),
			values,
			fields: { answer: text, reply: text, question: text, prompt: text, guess: text, text },
		}));
}
