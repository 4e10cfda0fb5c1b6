import { Locale } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import type { OptionData } from '../../src/core/options.js';
import { registrationBodies } from '../../src/discord/deploy.js';
import { DISCORD_LOCALES, type OptionText } from '../../src/i18n/command-localizations.js';
import { koCommands } from '../../src/i18n/ko/commands.js';
import { validateRequest } from '../spec/validate-request.js';

/** Discord's rule for chat-input command and option names (lower case where the script has case). */
const NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const HANGUL = /\p{Script=Hangul}/u;
const length = (text: string) => [...text].length;

interface Node {
	/** Where the node is, e.g. `/schedule set post_day`. */
	path: string;
	english: { name: string; description: string; choices?: readonly { name: string; value: string | number }[] };
	korean: OptionText | undefined;
	/** The node's siblings (options at the same level), English and Korean, for the uniqueness rules. */
	level: readonly { english: string; korean: string | undefined }[];
}

/** Every command, subcommand and option with its Korean text, walking the definitions and koCommands together. */
function nodes(): Node[] {
	const out: Node[] = [];
	const walk = (options: readonly OptionData[], texts: OptionText['options'], path: string) => {
		const level = options.map((o) => ({ english: o.name, korean: texts?.[o.name]?.name }));
		for (const option of options) {
			const korean = texts?.[option.name];
			out.push({ path: `${path} ${option.name}`, english: option, korean, level });
			walk(option.options ?? [], korean?.options, `${path} ${option.name}`);
		}
	};
	const level = commands.map((c) => ({ english: c.data.name, korean: koCommands[c.data.name]?.name }));
	for (const { data } of commands) {
		const korean = koCommands[data.name];
		out.push({ path: `/${data.name}`, english: data, korean, level });
		walk(data.options ?? [], korean?.options, `/${data.name}`);
	}
	return out;
}

/** The paths koCommands has texts for, to find texts left behind by a renamed or removed option. */
function textPaths(): string[] {
	const out: string[] = [];
	const walk = (texts: OptionText['options'], path: string) => {
		for (const [name, text] of Object.entries(texts ?? {})) {
			out.push(`${path} ${name}`);
			for (const value of Object.keys(text.choices ?? {})) out.push(`${path} ${name} = ${value}`);
			walk(text.options, `${path} ${name}`);
		}
	};
	for (const [name, text] of Object.entries(koCommands)) {
		out.push(`/${name}`);
		walk(text.options, `/${name}`);
	}
	return out;
}

describe('Korean command localisations (src/i18n/ko/commands.ts)', () => {
	const all = nodes();

	it('GIVEN every command, subcommand, option and choice THEN each has a Korean name and description (choices a name)', () => {
		const missing: string[] = [];
		for (const node of all) {
			if (!node.korean?.name) missing.push(`${node.path}: name`);
			if (!node.korean?.description) missing.push(`${node.path}: description`);
			for (const choice of node.english.choices ?? [])
				if (!node.korean?.choices?.[String(choice.value)]) missing.push(`${node.path} = ${choice.value}`);
		}
		expect(missing).toEqual([]);
		const known = new Set([
			...all.map((n) => n.path),
			...all.flatMap((n) => (n.english.choices ?? []).map((c) => `${n.path} = ${c.value}`)),
		]);
		expect(
			textPaths().filter((p) => !known.has(p)),
			'Korean texts for options that do not exist',
		).toEqual([]);
	});

	it('GIVEN the Korean names THEN they follow Discord’s rules: pattern, lower case, Korean, unique at their level', () => {
		const problems: string[] = [];
		for (const node of all) {
			const name = node.korean?.name ?? '';
			if (!NAME.test(name)) problems.push(`${node.path}: "${name}" does not match Discord's name pattern`);
			if (name !== name.toLowerCase()) problems.push(`${node.path}: "${name}" is not lower case`);
			if (!HANGUL.test(name)) problems.push(`${node.path}: "${name}" has no Korean`);
			// Discord: a localised name must differ from the other default names and the other localised names.
			const others = node.level.filter((o) => o.english !== node.english.name);
			if (others.some((o) => o.english === name || o.korean === name))
				problems.push(`${node.path}: "${name}" is used by another option at its level`);
		}
		expect(problems).toEqual([]);
	});

	it('GIVEN the Korean descriptions and choice names THEN they are 1–100 characters, and Korean unless a choice is only a name', () => {
		const problems: string[] = [];
		for (const node of all) {
			const description = node.korean?.description ?? '';
			if (length(description) < 1 || length(description) > 100)
				problems.push(`${node.path}: description of ${length(description)} characters`);
			if (!HANGUL.test(description)) problems.push(`${node.path}: description has no Korean`);
			for (const choice of node.english.choices ?? []) {
				const name = node.korean?.choices?.[String(choice.value)] ?? '';
				if (length(name) < 1 || length(name) > 100) problems.push(`${node.path} = ${choice.value}: ${length(name)}`);
				// A model's name ("Llama 3") stays as it is; any other choice reads in Korean.
				if (!HANGUL.test(name) && name !== choice.name)
					problems.push(`${node.path} = ${choice.value}: "${name}" is neither Korean nor the English name`);
			}
		}
		expect(problems).toEqual([]);
	});

	it('GIVEN the registration bodies THEN every node carries its Korean localisations under Discord’s `ko` locale', () => {
		expect(Object.values(Locale)).toContain(DISCORD_LOCALES.ko[0]);
		const bodies = registrationBodies(commands) as Record<string, unknown>[];
		const unlocalised: string[] = [];
		const visit = (node: Record<string, unknown>, path: string) => {
			const names = node.name_localizations as Record<string, string> | undefined;
			const descriptions = node.description_localizations as Record<string, string> | undefined;
			if (!names?.ko || !descriptions?.ko) unlocalised.push(path);
			for (const choice of (node.choices ?? []) as Record<string, unknown>[])
				if (!(choice.name_localizations as Record<string, string> | undefined)?.ko)
					unlocalised.push(`${path} = ${String(choice.value)}`);
			for (const option of (node.options ?? []) as Record<string, unknown>[])
				visit(option, `${path} ${String(option.name)}`);
		};
		for (const body of bodies) visit(body, `/${String(body.name)}`);
		expect(unlocalised).toEqual([]);
		const tokenize = bodies.find((b) => b.name === 'tokenize')!;
		expect(tokenize.name_localizations).toEqual({ ko: koCommands.tokenize!.name });
	});

	it('GIVEN the registration bodies with their localisations THEN they validate against Discord’s OpenAPI spec, and a too-long Korean name would not', () => {
		const route = '/applications/100000000000000001/guilds/200000000000000001/commands';
		const bodies = registrationBodies(commands);
		expect(validateRequest('PUT', route, bodies).errors).toEqual([]);
		// The spec does check localisations: a 33-character Korean name is refused.
		const broken = structuredClone(bodies) as { name_localizations: Record<string, string> }[];
		broken[0]!.name_localizations.ko = '가'.repeat(33);
		expect(validateRequest('PUT', route, broken).errors.join('\n')).toMatch(/name_localizations\/ko/);
	});

	it('GIVEN a command with its Korean texts THEN its longest texts stay within Discord’s 4000 characters per command', () => {
		// Discord counts, for each field, the longest of its default and localised values.
		const size = (english: Node['english'], korean: OptionText | undefined, options: readonly OptionData[]): number => {
			let total =
				Math.max(length(english.name), length(korean?.name ?? '')) +
				Math.max(length(english.description), length(korean?.description ?? ''));
			for (const c of english.choices ?? [])
				total += Math.max(length(c.name), length(korean?.choices?.[String(c.value)] ?? '')) + length(String(c.value));
			for (const o of options) total += size(o, korean?.options?.[o.name], o.options ?? []);
			return total;
		};
		const over = commands
			.map((c) => [c.data.name, size(c.data, koCommands[c.data.name], c.data.options ?? [])] as const)
			.filter(([, total]) => total > 4000);
		expect(over).toEqual([]);
	});
});
