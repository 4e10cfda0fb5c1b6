import { ApplicationCommandOptionType as T } from 'discord-api-types/v10';
import { UserError } from '../core/errors.js';
import type { CommandData, OptionData } from '../core/options.js';
import { currentLanguage, t } from '../i18n/index.js';
import { nameIn, namesOf } from './localized.js';

/** A slash command typed as one line, split into what Discord's client would send. */
export interface ParsedLine {
	/** The command name, lowercased; it may be unknown (the dispatcher then answers as Discord would). */
	name: string;
	subcommand: string | null;
	/** Option values as typed (quotes removed); `argsFor` checks and converts them. */
	options: Record<string, string>;
	/** The option whose value runs to the end of the line: what the member is typing now (for suggestions). */
	last: { name: string; value: string; start: number } | null;
}

/** Characters an option name may hold (Discord's rule, any case: the member may type `Text:`). */
const NAME_CHARS = '[-_\\p{L}\\p{N}\\p{M}]+';
const QUOTES: Readonly<Record<string, string>> = { '"': '"', "'": "'", '“': '”', '‘': '’' };

/** The options of the command, or of its subcommand when it has subcommands. */
export function optionsFor(data: CommandData, subcommand: string | null): readonly OptionData[] {
	const top = data.options ?? [];
	if (!top.some((o) => o.type === T.Subcommand)) return top;
	return top.find((o) => o.type === T.Subcommand && o.name === subcommand)?.options ?? [];
}

/** The subcommand a typed word (its default or a localised name) stands for. */
export function findSubcommand(data: CommandData, typed: string): OptionData | undefined {
	const word = typed.toLowerCase();
	return (data.options ?? []).find((o) => o.type === T.Subcommand && namesOf(o).includes(word));
}

export function hasSubcommands(data: CommandData): boolean {
	return (data.options ?? []).some((o) => o.type === T.Subcommand);
}

/**
 * The option that text typed without `name:` fills: the only required string option, or, when nothing is required,
 * the only string option (so `/tokenize Hello world` and `/help tokenize` work).
 */
export function freeTextOption(options: readonly OptionData[]): OptionData | undefined {
	const required = options.filter((o) => o.required);
	const strings = (list: readonly OptionData[]) => list.filter((o) => o.type === T.String);
	if (required.length > 0) {
		const found = strings(required);
		return found.length === 1 ? found[0] : undefined;
	}
	const found = strings(options);
	return found.length === 1 ? found[0] : undefined;
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

class Scanner {
	/** Matches ` name:` for a known option name, at a word start. */
	private readonly optionStart: RegExp;

	/** `known`: each name a member may type (lower case, default or localised) → the option's default name. */
	constructor(
		private readonly line: string,
		private readonly known: ReadonlyMap<string, string>,
	) {
		const names = [...known.keys()].map(escapeRegExp).join('|');
		this.optionStart = names ? new RegExp(`(?<=^|\\s)(${names}):`, 'giu') : /(?!)/gu;
	}

	/** The known option starting at `at`, if any, as its name and the index after the colon. */
	optionAt(at: number): { name: string; valueStart: number } | null {
		const match = new RegExp(`^(${NAME_CHARS}):`, 'u').exec(this.line.slice(at));
		if (!match) return null;
		const name = this.known.get(match[1]!.toLowerCase());
		return name ? { name, valueStart: at + match[0].length } : null;
	}

	/** Where the next known ` name:` starts at or after `from` (the index of the name), or the line's end. */
	nextOption(from: number): number {
		this.optionStart.lastIndex = from;
		// The look-behind needs a space before the name, so `text:text:` is the value `text:`, not an empty one.
		return this.optionStart.exec(this.line)?.index ?? this.line.length;
	}

	/**
	 * Reads a value from `start`: a quoted one when it opens with a quote that closes before the next option or the
	 * line's end, otherwise the text up to the next option. Returns the value and where reading stopped.
	 */
	value(start: number): { value: string; end: number } {
		const first = skipSpaces(this.line, start);
		const open = this.line[first];
		const close = open === undefined ? undefined : QUOTES[open];
		if (close) {
			let out = '';
			for (let i = first + 1; i < this.line.length; i++) {
				const ch = this.line[i]!;
				if (ch === '\\' && (this.line[i + 1] === close || this.line[i + 1] === '\\')) {
					out += this.line[++i];
					continue;
				}
				if (ch !== close) {
					out += ch;
					continue;
				}
				const after = skipSpaces(this.line, i + 1);
				if (after === this.line.length || (after > i + 1 && this.optionAt(after))) return { value: out, end: after };
				break; // a quote inside the text, not a closing one: read the value unquoted
			}
		}
		const end = this.nextOption(start);
		return { value: this.line.slice(start, end).trim(), end };
	}
}

function skipSpaces(line: string, at: number): number {
	while (at < line.length && /\s/u.test(line[at]!)) at++;
	return at;
}

/**
 * Parses `/command [subcommand] name:value …` the way a member types it in the local page. Values run until the
 * next ` knownOption:`, so they may hold spaces (`text:Hello world`); quotes keep a value whole when it contains
 * ` name:` itself. Text without `name:` fills the command's one text option ({@link freeTextOption}). Throws a
 * {@link UserError} for input Discord's client would not let through; everything else (unknown commands and
 * subcommands, missing or invalid values) is left to the dispatcher, which answers exactly as in Discord.
 */
export function parseCommandLine(input: string, lookup: (name: string) => CommandData | undefined): ParsedLine {
	const line = input.trimStart();
	if (!line.startsWith('/')) throw new UserError(t('local.parse.notACommand'), 'local.not-a-command');
	const nameMatch = /^\/(\S*)/u.exec(line)!;
	const typed = nameMatch[1]!.toLowerCase();
	if (!typed) throw new UserError(t('local.parse.noCommand'), 'local.no-command');
	const data = lookup(typed);
	// The interaction carries the default name, whichever name the member typed.
	const name = data?.name ?? typed;
	const parsed: ParsedLine = { name, subcommand: null, options: {}, last: null };
	if (!data) return parsed;

	let at = skipSpaces(line, nameMatch[0].length);
	if (hasSubcommands(data)) {
		const word = /^[^\s:]+(?=\s|$)/u.exec(line.slice(at));
		if (!word) return parsed;
		const sub = findSubcommand(data, word[0]);
		parsed.subcommand = sub?.name ?? word[0].toLowerCase();
		// An unknown subcommand has no options to read; argsFor lists the right ones.
		if (!sub) return parsed;
		at = skipSpaces(line, at + word[0].length);
	}
	const options = optionsFor(data, parsed.subcommand);
	const scanner = new Scanner(line, new Map(options.flatMap((o) => namesOf(o).map((n) => [n, o.name] as const))));
	const set = (option: string, value: string, start: number) => {
		if (option in parsed.options)
			throw new UserError(t('local.parse.givenTwice', { option }), 'local.duplicate-option');
		parsed.options[option] = value;
		parsed.last = { name: option, value, start };
	};

	if (at < line.length && !scanner.optionAt(at)) {
		const target = freeTextOption(options);
		if (!target) {
			const word = new RegExp(`^(${NAME_CHARS}):`, 'u').exec(line.slice(at));
			if (word)
				throw new UserError(
					t('local.parse.noSuchOption', { command: typed, option: word[1]!.toLowerCase() }),
					'args.unknown',
				);
			throw new UserError(
				options[0]
					? t('local.parse.writeOptionsExample', {
							command: name,
							example: `${nameIn(options[0], currentLanguage())}:…`,
						})
					: t('local.parse.writeOptions', { command: name }),
				'local.free-text',
			);
		}
		const { value, end } = scanner.value(at);
		set(target.name, value, at);
		at = end;
	}
	while (at < line.length) {
		const option = scanner.optionAt(at);
		if (!option) break; // unreachable: values end only at an option start or the line's end
		const { value, end } = scanner.value(option.valueStart);
		set(option.name, value, option.valueStart);
		at = end;
	}
	return parsed;
}
