import { ApplicationCommandOptionType as T } from 'discord-api-types/v10';
import type { APIEmbed } from 'discord-api-types/v10';
import { defineCommand, type AnyCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { LIMITS } from '../src/core/limits.js';
import type { OptionData } from '../src/core/options.js';
import { codeSpan } from '../src/core/visible-text.js';
import { TUTOR_COMMANDS } from '../src/curriculum/index.js';

/** Said next to /ask, /session and /inject on a bot without a language model. */
export const TUTOR_OFF_NOTE = '⚙️ *not set up on this bot yet: ask an organizer*';

const AUDIENCES = [
	{ key: 'member', title: '🧑‍🎓 For members' },
	{ key: 'presenter', title: '🎤 For presenters' },
	{ key: 'organizer', title: '🗓️ For organizers' },
] as const;

function usage(command: AnyCommand): string {
	const options: readonly OptionData[] = command.data.options ?? [];
	const subs = options.filter((o) => o.type === T.Subcommand);
	if (subs.length > 0) return subs.map((s) => `\`/${command.data.name} ${s.name}\``).join(' · ');
	const args = options.map((o) => (o.required ? `${o.name}` : `[${o.name}]`)).join(' ');
	return `\`/${command.data.name}${args ? ` ${args}` : ''}\``;
}

function detail(command: AnyCommand, tutorOff: boolean): APIEmbed {
	const options: readonly OptionData[] = command.data.options ?? [];
	const lines = options.flatMap((o) => {
		const head = `• \`${o.name}\`${o.required ? ' (required)' : ''}: ${o.description}`;
		const choices = o.choices ? [`  choices: ${o.choices.map((c) => `\`${c.value}\``).join(', ')}`] : [];
		const subOptions = (o.options ?? []).map(
			(s) => `  ◦ \`${s.name}\`${s.required ? ' (required)' : ''}: ${s.description}`,
		);
		return [head, ...choices, ...subOptions];
	});
	const off = tutorOff && TUTOR_COMMANDS.has(command.data.name) ? [TUTOR_OFF_NOTE, ''] : [];
	return {
		title: `/${command.data.name}`,
		description: [command.data.description, '', ...off, ...lines].join('\n'),
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
			if (!command)
				throw new UserError(
					`There is no command called ${codeSpan(`/${name}`, 40)}. Try \`/help\` for the list.`,
					'help.unknown',
				);
			return { embeds: [detail(command, tutorOff)], ephemeral: true };
		}
		// An embed field holds 1024 characters: a long audience list continues in further fields rather than being cut.
		const fields = AUDIENCES.flatMap(({ key, title }) => {
			const lines = deps.commands
				.filter((c) => (c.audience ?? 'member') === key)
				.map(
					(c) =>
						`${usage(c)}: ${c.data.description}${tutorOff && TUTOR_COMMANDS.has(c.data.name) ? ` · ${TUTOR_OFF_NOTE}` : ''}`,
				);
			const chunks = chunkLines(lines.length > 0 ? lines : ['Nothing yet.'], LIMITS.fieldValue);
			return chunks.map((value, i) => ({ name: i === 0 ? title : `${title} (more)`, value }));
		});
		return {
			embeds: [
				{
					title: 'LLM Study Bot',
					description:
						'A hands-on lab for our weekly LLM study group: every answer is computed by real models (OpenAI tokenizers, GloVe-style word vectors, a small transformer we trained ourselves). Use `/help command:<name>` for one command’s options.',
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
			.map((c) => ({ name: `/${c.data.name}: ${c.data.description}`, value: c.data.name }));
	},
});
