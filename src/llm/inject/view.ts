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
import { t } from '../../i18n/index.js';
import { LEVELS, levelAdds, levelName, type InjectLevel } from './levels.js';

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
				label: t('inject.view.attack'),
				emoji: { name: '⚔️' },
				custom_id: customId('inject', 'attack', level),
			},
			{
				type: ComponentType.Button,
				style: ButtonStyle.Secondary,
				label: t('inject.view.guess'),
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
			title: t('inject.view.attackTitle', { level }),
			components: [
				{
					type: ComponentType.ActionRow,
					components: [
						{
							type: ComponentType.TextInput,
							custom_id: ATTACK_FIELD,
							label: t('inject.view.attackLabel'),
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
			title: t('inject.view.guessTitle', { level }),
			components: [
				{
					type: ComponentType.ActionRow,
					components: [
						{
							type: ComponentType.TextInput,
							custom_id: GUESS_FIELD,
							label: t('inject.view.guessLabel'),
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
		.map((l) => `${l.level === level.level ? '🆕' : '•'} ${levelAdds(l)}`)
		.join('\n');
}

/** The level's briefing, public so the whole group can join in. */
export function briefing(level: InjectLevel): { embeds: APIEmbed[] } {
	return {
		embeds: [
			{
				title: t('inject.view.briefingTitle', { level: level.level, name: levelName(level) }),
				description: [t('inject.view.briefing'), '', t('inject.view.defences'), defenceList(level)].join('\n'),
				footer: { text: t('inject.view.footer') },
			},
		],
	};
}

/** Who broke which level. */
export function leaderboard(breaks: readonly InjectBreak[]): APIEmbed {
	return {
		title: t('inject.view.boardTitle'),
		description: t('inject.view.boardDescription'),
		fields: LEVELS.map((l) => {
			const names = breaks
				.filter((b) => b.level === l.level)
				.map((b) => t('inject.view.breaker', { member: `<@${b.userId}>`, count: b.attempts }));
			return {
				name: t('inject.attack.level', { level: l.level, name: levelName(l) }),
				value: names.length ? names.join(', ').slice(0, 1024) : t('inject.view.notBroken'),
			};
		}),
	};
}
