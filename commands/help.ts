import { ApplicationCommandOptionType as T } from 'discord-api-types/v10';
import type { APIEmbed } from 'discord-api-types/v10';
import { defineCommand, type AnyCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { LIMITS } from '../src/core/limits.js';
import type { OptionData } from '../src/core/options.js';
import { codeSpan } from '../src/core/visible-text.js';
import { TUTOR_COMMANDS } from '../src/curriculum/index.js';
import type { CommandText, OptionText } from '../src/i18n/command-localizations.js';
import { currentLanguage, t } from '../src/i18n/index.js';
import { commandText } from '../src/i18n/command-texts.js';

/** Said next to /ask, /session and /inject on a bot without a language model. */
export const tutorOffNote = (): string => t('info.help.tutorOff');

const AUDIENCES = ['member', 'presenter', 'organizer'] as const;

/** A command's texts in the current language, where its localisation has them. */
function localized(command: AnyCommand): CommandText | undefined {
	return commandText(currentLanguage(), command.data.name);
}

/** A description in the current language when the localisation has one, else the definition's English. */
const descriptionOf = (option: { description: string }, text: CommandText | OptionText | undefined): string =>
	text?.description || option.description;

function usage(command: AnyCommand): string {
	const options: readonly OptionData[] = command.data.options ?? [];
	const subs = options.filter((o) => o.type === T.Subcommand);
	if (subs.length > 0) return subs.map((s) => `\`/${command.data.name} ${s.name}\``).join(' · ');
	const args = options.map((o) => (o.required ? `${o.name}` : `[${o.name}]`)).join(' ');
	return `\`/${command.data.name}${args ? ` ${args}` : ''}\``;
}

function detail(command: AnyCommand, tutorOff: boolean): APIEmbed {
	const options: readonly OptionData[] = command.data.options ?? [];
	const texts = localized(command);
	const required = (o: OptionData) => (o.required ? t('info.help.required') : '');
	const lines = options.flatMap((o) => {
		const text = texts?.options?.[o.name];
		const head = `• \`${o.name}\`${required(o)}: ${descriptionOf(o, text)}`;
		const choices = o.choices
			? [t('info.help.choices', { choices: o.choices.map((c) => `\`${c.value}\``).join(', ') })]
			: [];
		const subOptions = (o.options ?? []).map(
			(s) => `  ◦ \`${s.name}\`${required(s)}: ${descriptionOf(s, text?.options?.[s.name])}`,
		);
		return [head, ...choices, ...subOptions];
	});
	const off = tutorOff && TUTOR_COMMANDS.has(command.data.name) ? [tutorOffNote(), ''] : [];
	return {
		title: `/${command.data.name}`,
		description: [descriptionOf(command.data, texts), '', ...off, ...lines].join('\n'),
	};
}

/** Joins lines into chunks of at most `max` characters, never splitting a line (a longer line is cut by the limits). */
function chunkLines(lines: readonly string[], max: number): string[] {
	const chunks: string[] = [];
	for (const line of lines) {
		const last = chunks.at(-1);
		if (last !== undefined && last.length + 1 + line.length <= max) chunks[chunks.length - 1] = `${last}\n${line}`;
		else chunks.push(line);
	}
	return chunks;
}

export default defineCommand({
	data: {
		name: 'help',
		description: 'What this bot can do, for members, presenters and organizers',
		options: [
			{ type: T.String, name: 'command', description: 'Explain one command and its options', autocomplete: true },
		],
	},
	// Its replies are private.
	lateDefer: () => 'ephemeral',
	audience: 'member',
	run({ args, deps }) {
		const tutorOff = !deps.llm.configured;
		if (args.command) {
			const name = args.command.replace(/^\//, '').trim().toLowerCase();
			const command = deps.commands.find((c) => c.data.name === name);
			if (!command) throw new UserError(t('info.help.unknown', { name: codeSpan(`/${name}`, 40) }), 'help.unknown');
			return { embeds: [detail(command, tutorOff)], ephemeral: true };
		}
		// An embed field holds 1024 characters: a long audience list continues in further fields rather than being cut.
		const fields = AUDIENCES.flatMap((key) => {
			const title = t(`info.help.audiences.${key}`);
			const lines = deps.commands
				.filter((c) => (c.audience ?? 'member') === key)
				.map(
					(c) =>
						`${usage(c)}: ${descriptionOf(c.data, localized(c))}${tutorOff && TUTOR_COMMANDS.has(c.data.name) ? ` · ${tutorOffNote()}` : ''}`,
				);
			const chunks = chunkLines(lines.length > 0 ? lines : [t('info.help.nothing')], LIMITS.fieldValue);
			return chunks.map((value, i) => ({ name: i === 0 ? title : t('info.help.more', { title }), value }));
		});
		return {
			embeds: [
				{
					title: t('info.help.title'),
					description: t('info.help.description'),
					fields,
				},
			],
			ephemeral: true,
		};
	},
	autocomplete({ deps, focused }) {
		const typed = focused.value.replace(/^\//, '').toLowerCase();
		return deps.commands
			.filter((c) => c.data.name.includes(typed))
			.map((c) => ({ name: `/${c.data.name}: ${descriptionOf(c.data, localized(c))}`, value: c.data.name }));
	},
});
