import {
	ApplicationCommandOptionType as T,
	ButtonStyle,
	ComponentType,
	PermissionFlagsBits,
	TextInputStyle,
	type APIActionRowComponent,
	type APIComponentInMessageActionRow,
} from 'discord-api-types/v10';
import about from '../../commands/about.js';
import help from '../../commands/help.js';
import { renderBarChart } from '../../src/charts/index.js';
import type { Clock } from '../../src/core/clock.js';
import { defineCommand, type AnyCommand } from '../../src/core/command.js';
import { customId } from '../../src/core/custom-id.js';
import type { Reply } from '../../src/core/reply.js';
import { loadConfig } from '../../src/config.js';
import { startLocal, type LocalBot } from '../../src/local/start.js';
import type { LocalWorkspace } from '../../src/local/workspace.js';
import { openStore } from '../../src/storage/store.js';
import { silentLogger } from '../helpers/silent-logger.js';

/** Repeats member text: the way member input reaches a rendered message. */
export const echo = defineCommand({
	data: {
		name: 'echo',
		description: 'Repeats your text',
		options: [
			{ type: T.String, name: 'text', description: 'What to repeat', required: true },
			{ type: T.User, name: 'member', description: 'Who it is for' },
			{ type: T.Boolean, name: 'private', description: 'Only you see it' },
		],
	},
	run({ args }) {
		return {
			content: args.member ? `${args.text} (for <@${args.member.id}>)` : args.text,
			ephemeral: args.private === true,
		};
	},
});

function counterReply(count: number): Reply {
	const buttons: APIActionRowComponent<APIComponentInMessageActionRow> = {
		type: ComponentType.ActionRow,
		components: [
			{
				type: ComponentType.Button,
				style: ButtonStyle.Primary,
				custom_id: customId('counter', 'add', count),
				label: 'Add one',
				emoji: { name: '➕' },
			},
			{
				type: ComponentType.Button,
				style: ButtonStyle.Danger,
				custom_id: customId('counter', 'locked'),
				label: 'Locked',
				disabled: true,
			},
			{
				type: ComponentType.Button,
				style: ButtonStyle.Secondary,
				custom_id: customId('counter', 'note', count),
				label: 'Add a note',
			},
			{ type: ComponentType.Button, style: ButtonStyle.Link, url: 'https://example.com/docs', label: 'Docs' },
		],
	};
	const menu: APIActionRowComponent<APIComponentInMessageActionRow> = {
		type: ComponentType.ActionRow,
		components: [
			{
				type: ComponentType.StringSelect,
				custom_id: customId('counter', 'pick'),
				placeholder: 'Pick a week',
				options: [
					{ label: 'Week 1', value: 'w1', description: 'Tokenization' },
					{ label: 'Week 2', value: 'w2', description: 'Embeddings' },
				],
			},
		],
	};
	return { content: `Clicked **${count}** times`, components: [buttons, menu] };
}

/** A message whose button edits it in place and whose select menu answers privately. */
export const counter = defineCommand({
	data: { name: 'counter', description: 'A message with a button that counts clicks' },
	run: () => counterReply(0),
	components: {
		add: { run: ({ args }) => ({ ...counterReply(Number(args[0]) + 1), update: true }) },
		pick: { run: ({ values, user }) => ({ content: `${user.name} picked ${values.join(', ')}`, ephemeral: true }) },
		note: {
			run: ({ args }) => ({
				modal: {
					custom_id: customId('counter', 'note', args[0]!),
					title: 'Add a note',
					components: [
						{
							type: ComponentType.Label,
							label: 'Note',
							component: { type: ComponentType.TextInput, custom_id: 'note', style: TextInputStyle.Short },
						},
					],
				},
			}),
		},
	},
	modals: {
		// A modal opened from a message can edit that message, as in Discord.
		note: {
			run: ({ args, fields, message }) => ({
				...counterReply(Number(args[0])),
				content: `Clicked **${args[0]}** times (note: ${fields.note}, on ${message?.id})`,
				update: true,
			}),
		},
	},
});

/** Opens a modal with a short and a paragraph input; the submission is answered privately. */
export const feedback = defineCommand({
	data: { name: 'feedback', description: 'Opens a feedback form' },
	run: () => ({
		modal: {
			custom_id: customId('feedback', 'submit'),
			title: 'Week 5 feedback',
			components: [
				{ type: ComponentType.TextDisplay, content: 'Tell us **one** thing.' },
				{
					type: ComponentType.ActionRow,
					components: [
						{
							type: ComponentType.TextInput,
							custom_id: 'name',
							label: 'Your name',
							style: TextInputStyle.Short,
							max_length: 20,
						},
					],
				},
				{
					type: ComponentType.Label,
					label: 'What did you learn?',
					component: {
						type: ComponentType.TextInput,
						custom_id: 'learned',
						style: TextInputStyle.Paragraph,
						required: false,
						min_length: 5,
					},
				},
			],
		},
	}),
	modals: {
		submit: {
			run: ({ fields }) => ({ content: `Thanks ${fields.name}: ${fields.learned || '(nothing)'}`, ephemeral: true }),
		},
	},
});

/** A deferred reply with a chart drawn by the bot's chart renderer, shown as the embed's image. */
export const chart = defineCommand({
	data: { name: 'chart', description: 'Next-token probabilities as a bar chart' },
	defer: true,
	async run() {
		const png = await renderBarChart({
			title: 'Next-token probabilities after “The cat sat on the”',
			categories: ['mat', 'floor', 'sofa', 'bed'],
			series: [{ name: 'p', values: [0.52, 0.23, 0.15, 0.1] }],
			valueAxis: { format: 'percent' },
			width: 800,
			height: 450,
		});
		return {
			embeds: [
				{
					title: 'Sampling',
					description: 'Top 4 tokens, temperature **1.0**',
					color: 0x5865f2,
					image: { url: 'attachment://chart.png' },
					footer: { text: 'test chart' },
				},
			],
			files: [{ name: 'chart.png', data: png, description: 'Bar chart: mat 52%, floor 23%, sofa 15%, bed 10%' }],
		};
	},
});

/** Only members with Manage Server see and run it. */
export const admin = defineCommand({
	data: {
		name: 'admin',
		description: 'Organizers only',
		default_member_permissions: String(PermissionFlagsBits.ManageGuild),
	},
	run: ({ user }) => ({ content: `Hello organizer ${user.name}`, ephemeral: true }),
});

/** A command with subcommands and an integer option with a range. */
export const quiz = defineCommand({
	data: {
		name: 'quiz',
		description: 'Quiz practice',
		options: [
			{
				type: T.Subcommand,
				name: 'practice',
				description: 'Practice a week',
				options: [
					{ type: T.Integer, name: 'week', description: 'Which week', required: true, min_value: 1, max_value: 12 },
				],
			},
			{ type: T.Subcommand, name: 'stats', description: 'Your scores' },
		],
	},
	run: ({ args }) => ({ content: args.subcommand === 'practice' ? `Practice week ${args.week}` : 'No scores yet' }),
});

export const testCommands: readonly AnyCommand[] = [help, about, echo, counter, feedback, chart, admin, quiz];

/** Starts the local mode on a random port with an in-memory store and the test commands. */
export async function startTestLocal(
	options: { commands?: readonly AnyCommand[]; clock?: Clock; workspace?: LocalWorkspace } = {},
): Promise<LocalBot> {
	const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', STORE_URL: 'sqlite://:memory:', NODE_ENV: 'test' });
	const store = await openStore(config.STORE_URL, { namespace: `local-${Math.random().toString(36).slice(2)}` });
	return startLocal(config, silentLogger, {
		commands: options.commands ?? testCommands,
		store,
		clock: options.clock,
		workspace: options.workspace,
	});
}
