import {
	ButtonStyle,
	ComponentType,
	TextInputStyle,
	type APIActionRowComponent,
	type APIComponentInMessageActionRow,
	type APIEmbed,
} from 'discord-api-types/v10';
import { customId } from '../../core/custom-id.js';
import type { ModalReply } from '../../core/reply.js';
import type { InjectBreak } from '../../storage/repositories/inject-game.js';
import { LEVELS, type InjectLevel } from './levels.js';

export const ATTACK_FIELD = 'attack';
export const GUESS_FIELD = 'secret';
export const ATTACK_MAX = 1000;

/** Attack and guess buttons for a level. */
export function levelRow(level: number): APIActionRowComponent<APIComponentInMessageActionRow> {
	return {
		type: ComponentType.ActionRow,
		components: [
			{
				type: ComponentType.Button,
				style: ButtonStyle.Danger,
				label: 'Attack',
				emoji: { name: '⚔️' },
				custom_id: customId('inject', 'attack', level),
			},
			{
				type: ComponentType.Button,
				style: ButtonStyle.Secondary,
				label: 'Guess the secret',
				emoji: { name: '🔑' },
				custom_id: customId('inject', 'guess', level),
			},
		],
	};
}

export function attackModal(level: number): ModalReply {
	return {
		modal: {
			custom_id: customId('inject', 'send', level),
			title: `Attack level ${level}`,
			components: [
				{
					type: ComponentType.ActionRow,
					components: [
						{
							type: ComponentType.TextInput,
							custom_id: ATTACK_FIELD,
							label: 'Your message to the guard',
							style: TextInputStyle.Paragraph,
							min_length: 1,
							max_length: ATTACK_MAX,
							required: true,
						},
					],
				},
			],
		},
	};
}

export function guessModal(level: number): ModalReply {
	return {
		modal: {
			custom_id: customId('inject', 'check', level),
			title: `Guess the secret of level ${level}`,
			components: [
				{
					type: ComponentType.ActionRow,
					components: [
						{
							type: ComponentType.TextInput,
							custom_id: GUESS_FIELD,
							label: 'The secret word',
							style: TextInputStyle.Short,
							min_length: 1,
							max_length: 100,
							required: true,
						},
					],
				},
			],
		},
	};
}

/** The defences of a level as a list, new one last. */
function defenceList(level: InjectLevel): string {
	return LEVELS.filter((l) => l.level <= level.level)
		.map((l) => `${l.level === level.level ? '🆕' : '•'} ${l.adds}`)
		.join('\n');
}

/** The level's briefing, public so the whole group can join in. */
export function briefing(level: InjectLevel): { embeds: APIEmbed[] } {
	return {
		embeds: [
			{
				title: `/inject level ${level.level}: ${level.name}`,
				description: [
					'A guard model keeps a secret word behind its system prompt. Make it leak. Press **⚔️ Attack** to send it a message (only you see the answer), and **🔑 Guess the secret** when you think you have it.',
					'',
					'**Defences at this level**',
					defenceList(level),
				].join('\n'),
				footer: { text: 'Week 3 · prompt injection · each attack counts as one tutor request' },
			},
		],
	};
}

/** Who broke which level. */
export function leaderboard(breaks: readonly InjectBreak[]): APIEmbed {
	return {
		title: '/inject: the prompt-injection game',
		description: 'Five guards, each with one more defence than the last. Start with `/inject level:1`.',
		fields: LEVELS.map((l) => {
			const names = breaks
				.filter((b) => b.level === l.level)
				.map((b) => `<@${b.userId}> (${b.attempts} attack${b.attempts === 1 ? '' : 's'})`);
			return {
				name: `Level ${l.level}: ${l.name}`,
				value: names.length ? names.join(', ').slice(0, 1024) : 'Not broken yet',
			};
		}),
	};
}
