import { ApplicationCommandOptionType as T } from 'discord-api-types/v10';
import { t } from '../i18n/index.js';
import { UserError } from './errors.js';
import { codeSpan } from './visible-text.js';
import type { CommandData, OptionData } from './options.js';

/** What a transport read from an interaction: option values by name, and the subcommand if any. */
export interface RawInvocation {
	subcommand?: string | null;
	options: Readonly<Record<string, unknown>>;
}

function optionsOf(data: CommandData, subcommand: string | null | undefined): readonly OptionData[] {
	const top = data.options ?? [];
	const subs = top.filter((o) => o.type === T.Subcommand);
	if (subs.length === 0) {
		if (subcommand)
			throw new UserError(
				t('core.args.noSubcommand', { command: data.name, subcommand: codeSpan(subcommand, 40) }),
				'args.subcommand',
			);
		return top;
	}
	const sub = subs.find((o) => o.name === subcommand);
	if (!sub) {
		const names = subs.map((s) => `\`${s.name}\``).join(', ');
		throw new UserError(t('core.args.needsSubcommand', { command: data.name, names }), 'args.subcommand');
	}
	return sub.options ?? [];
}

function checkValue(option: OptionData, value: unknown): unknown {
	const name = `\`${option.name}\``;
	switch (option.type) {
		case T.String: {
			if (typeof value !== 'string') throw new UserError(t('core.args.text', { option: name }), 'args.type');
			// Discord counts characters (code points), not UTF-16 units: an emoji is one.
			const length = [...value].length;
			if (option.min_length !== undefined && length < option.min_length)
				throw new UserError(t('core.args.minLength', { option: name, min: option.min_length }), 'args.length');
			if (option.max_length !== undefined && length > option.max_length)
				throw new UserError(t('core.args.maxLength', { option: name, max: option.max_length }), 'args.length');
			break;
		}
		case T.Integer:
		case T.Number: {
			const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
			if (typeof n !== 'number' || !Number.isFinite(n))
				throw new UserError(t('core.args.number', { option: name }), 'args.type');
			if (option.type === T.Integer && !Number.isInteger(n))
				throw new UserError(t('core.args.integer', { option: name }), 'args.type');
			if (option.min_value !== undefined && n < option.min_value)
				throw new UserError(t('core.args.min', { option: name, min: option.min_value }), 'args.range');
			if (option.max_value !== undefined && n > option.max_value)
				throw new UserError(t('core.args.max', { option: name, max: option.max_value }), 'args.range');
			value = n;
			break;
		}
		case T.Boolean: {
			if (value === 'true') value = true;
			else if (value === 'false') value = false;
			if (typeof value !== 'boolean') throw new UserError(t('core.args.boolean', { option: name }), 'args.type');
			break;
		}
		default:
			break;
	}
	if (option.choices && !option.choices.some((c) => c.value === value)) {
		const allowed = option.choices.map((c) => `\`${c.value}\``).join(', ');
		throw new UserError(t('core.args.choice', { option: name, allowed }), 'args.choice');
	}
	return value;
}

/**
 * Checks a raw invocation against the command's definition (required options, types, choices, ranges, lengths)
 * and returns the handler's `args`. Discord enforces most of this itself; the local mode and tests rely on it.
 */
export function argsFor(data: CommandData, raw: RawInvocation): Record<string, unknown> {
	const options = optionsOf(data, raw.subcommand);
	const known = new Set(options.map((o) => o.name));
	for (const name of Object.keys(raw.options)) {
		if (!known.has(name))
			throw new UserError(
				t('core.args.unknownOption', { command: data.name, option: codeSpan(name, 40) }),
				'args.unknown',
			);
	}
	const args: Record<string, unknown> = raw.subcommand ? { subcommand: raw.subcommand } : {};
	for (const option of options) {
		const value = raw.options[option.name];
		if (value === undefined || value === null || value === '') {
			if (option.required)
				throw new UserError(t('core.args.required', { option: `\`${option.name}\`` }), 'args.required');
			continue;
		}
		args[option.name] = checkValue(option, value);
	}
	return args;
}
